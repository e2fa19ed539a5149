using System.Security.Claims;
using System.Security.Cryptography;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Eligibility;
using ChampionPortal.Web.Features.Mapping;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Text;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Certificates;

public sealed record CertificateRow(
    int Id, CertificateKind Kind, string Serial, string RecipientName, string LocalGovernmentName, string CountryCode, string CohortName, DateOnly IssuedOn,
    CertificateStatus Status, string VerificationCode, int? AuthorityId, int LocalGovernmentId);

/// <summary>An eligible recipient without a valid certificate yet: "P:{authority}" or "G:{local government}".</summary>
public sealed record PendingRecipient(string Key, CertificateKind Kind, string Name, string CountryCode);

public sealed record CertificateList(int? CohortId, string? CohortName, IReadOnlyList<CertificateRow> Certificates, bool CanIssue, IReadOnlyList<PendingRecipient> Pending);

public sealed record CertificateIssuedEmail(string RecipientName, string CohortName, string Link, string VerificationUrl);

public sealed record Verification(
    CertificateStatus Status, CertificateKind Kind, string RecipientName, string LocalGovernmentName, string CountryName, string CohortName, DateOnly IssuedOn,
    string Code, DateTime? RevokedAtUtc, string? CurrentCode);

/// <summary>
/// Issues, lists, serves, revokes and supersedes certificates, and answers the public verification. Issuance is
/// idempotent: at most one valid certificate per recipient and cohort, kept by a filtered unique index even when
/// two instances issue at once.
/// </summary>
public sealed class CertificateService(
    PortalDbContext db, EligibilityService eligibility, ICertificateRenderer renderer, PublicUrls urls, TimeProvider timeProvider,
    Infrastructure.Email.EmailRenderer emails, Infrastructure.Email.IEmailSender sender)
{
    /// <summary>Formats a stored code for reading: groups of four.</summary>
    public static string Grouped(string code) => string.Join("-", code.Chunk(4).Select(c => new string(c)));

    /// <summary>The cohort's eligible people and local governments that have no valid certificate yet.</summary>
    public async Task<List<PendingRecipient>> PendingAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        if (await eligibility.EvaluateAsync(cohortId, cancellationToken) is not { } page)
        {
            return [];
        }

        var issued = (await db.Certificates.Where(c => c.CohortId == cohortId && c.Status == CertificateStatus.Valid).Select(c => c.RecipientKey).ToListAsync(cancellationToken)).ToHashSet();
        return
        [
            .. page.People.Where(p => p.Eligible).Select(p => new PendingRecipient($"P:{p.AuthorityId}", CertificateKind.Person, p.FullName, p.CountryCode)),
            .. page.Governments.Select(g => new PendingRecipient($"G:{g.LocalGovernmentId}", CertificateKind.LocalGovernment, g.Name, g.CountryCode)),
        ];
    }

    /// <summary>
    /// Issues a certificate to the cohort's eligible people and local governments that have none (only those named
    /// when a selection is given); the number issued.
    /// </summary>
    public async Task<int> IssueEligibleAsync(int cohortId, CancellationToken cancellationToken = default, bool notify = true, IReadOnlyCollection<string>? only = null)
    {
        if (!await db.Cohorts.AnyAsync(c => c.Id == cohortId, cancellationToken))
        {
            return 0;
        }

        var issued = (await db.Certificates.Where(c => c.CohortId == cohortId && c.Status == CertificateStatus.Valid).Select(c => c.RecipientKey).ToListAsync(cancellationToken)).ToHashSet();
        var pending = (await PendingAsync(cohortId, cancellationToken)).Where(p => !issued.Contains(p.Key) && (only is null || only.Contains(p.Key))).ToList();
        var rules = await eligibility.RulesAsync(cohortId, cancellationToken);
        var cohort = await db.Cohorts.AsNoTracking().SingleAsync(c => c.Id == cohortId, cancellationToken);
        var people = pending.Where(p => p.Kind == CertificateKind.Person).Select(p => int.Parse(p.Key[2..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var governments = pending.Where(p => p.Kind == CertificateKind.LocalGovernment).Select(p => int.Parse(p.Key[2..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var authorities = await db.Authorities.AsNoTracking().Where(a => people.Contains(a.Id)).Include(a => a.LocalGovernment).ToListAsync(cancellationToken);
        var places = await db.LocalGovernments.AsNoTracking().Where(l => governments.Contains(l.Id)).ToListAsync(cancellationToken);
        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, cancellationToken);
        var count = 0;
        foreach (var a in authorities)
        {
            var place = a.LocalGovernment;
            if (await IssueOneAsync(cohort, rules, CertificateKind.Person, $"P:{a.Id}", a.Id, place?.Id ?? 0, a.CountryCode, a.PreferredLanguage, a.FullName, a.Position, place?.Name ?? "", countries, cancellationToken))
            {
                count++;
                if (notify)
                {
                    await NotifyAsync(cohort, a, cancellationToken);
                }
            }
        }

        foreach (var l in places)
        {
            count += await IssueOneAsync(cohort, rules, CertificateKind.LocalGovernment, $"G:{l.Id}", null, l.Id, l.CountryCode, l.CountryCode == "BR" ? "pt" : "es", l.Name, null, l.Name, countries, cancellationToken) ? 1 : 0;
        }

        return count;
    }

    public async Task<CertificateList> ListAsync(ClaimsPrincipal user, int? cohortId, CancellationToken cancellationToken = default)
    {
        var query = db.Certificates.AsNoTracking().AsQueryable();
        var staff = WorkshopAccess.IsStaff(user);
        if (!staff)
        {
            query = user.IsInRole(Roles.CountryOffice) ? query.Where(c => c.CountryCode == user.CountryScope().OnlyCountry) : await MineAsync(user, query, cancellationToken);
        }

        if (cohortId is { } id)
        {
            query = query.Where(c => c.CohortId == id);
        }

        var rows = await query.OrderByDescending(c => c.IssuedOn).ThenBy(c => c.Serial)
            .Select(c => new CertificateRow(c.Id, c.Kind, c.Serial, c.RecipientName, c.LocalGovernmentName, c.CountryCode, c.Cohort!.Name, c.IssuedOn, c.Status, c.VerificationCode, c.AuthorityId, c.LocalGovernmentId))
            .ToListAsync(cancellationToken);
        var cohortName = cohortId is { } cid ? await db.Cohorts.Where(c => c.Id == cid).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var pending = staff && cohortId is { } pid ? (await PendingAsync(pid, cancellationToken)).Where(p => !rows.Any(r => r.Status == CertificateStatus.Valid && Key(r) == p.Key)).ToList() : [];
        return new CertificateList(cohortId, cohortName, rows, staff && cohortId is not null, pending);
    }

    private static string Key(CertificateRow row) => row.Kind == CertificateKind.Person ? $"P:{row.AuthorityId}" : $"G:{row.LocalGovernmentId}";

    /// <summary>The certificate's PDF for a user allowed to have it; null (404) for anyone else.</summary>
    public async Task<(byte[] Pdf, string FileName)?> PdfAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var query = db.Certificates.AsNoTracking().Where(c => c.Id == id);
        if (!WorkshopAccess.IsStaff(user))
        {
            query = user.IsInRole(Roles.CountryOffice) ? query.Where(c => c.CountryCode == user.CountryScope().OnlyCountry) : await MineAsync(user, query, cancellationToken);
        }

        var found = await query.Select(c => new { c.Pdf, c.Serial }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Pdf, $"{found.Serial}.pdf");
    }

    /// <summary>
    /// The certificate as an Open Badges 3.0 credential (JSON) for a user allowed to have its PDF: the achievement
    /// "Champion Local Authority" with its criteria, the issuer, the recipient by name, validity, the GCM alignment and
    /// a status that follows revocation. Unsigned: the verification page is the authority on its status.
    /// </summary>
    public async Task<string?> BadgeAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        if (await PdfAsync(user, id, cancellationToken) is null)
        {
            return null;
        }

        var c = await db.Certificates.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Kind, x.RecipientName, x.VerificationCode, x.IssuedOn, x.Status, x.RevokedAtUtc, Cohort = x.Cohort!.Name, CohortCode = x.Cohort.Code })
            .SingleAsync(cancellationToken);
        var verify = urls.Absolute($"/verify/{Grouped(c.VerificationCode)}");
        var credential = new System.Text.Json.Nodes.JsonObject
        {
            ["@context"] = new System.Text.Json.Nodes.JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = verify,
            ["type"] = new System.Text.Json.Nodes.JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = $"Champion Local Authority — {c.Cohort}",
            ["issuer"] = new System.Text.Json.Nodes.JsonObject
            {
                ["id"] = urls.Absolute("/"),
                ["type"] = new System.Text.Json.Nodes.JsonArray("Profile"),
                ["name"] = "IOM Regional Office for South America — Champion Local Authorities",
            },
            ["validFrom"] = c.IssuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["credentialSubject"] = new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = new System.Text.Json.Nodes.JsonArray("AchievementSubject"),
                ["identifier"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
                {
                    ["type"] = "IdentityObject",
                    ["hashed"] = false,
                    ["identityHash"] = c.RecipientName,
                    ["identityType"] = "name",
                }),
                ["achievement"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["id"] = urls.Absolute($"/achievements/champion-local-authority/{c.CohortCode}"),
                    ["type"] = new System.Text.Json.Nodes.JsonArray("Achievement"),
                    ["achievementType"] = "Award",
                    ["name"] = c.Kind == CertificateKind.Person ? "Champion Local Authority" : "Champion Local Government",
                    ["description"] = "Recognition of the Champion Local Authorities initiative of the IOM Regional Office for South America under the Global Compact for Safe, Orderly and Regular Migration.",
                    ["criteria"] = new System.Text.Json.Nodes.JsonObject
                    {
                        ["narrative"] = "Took part in the launch forum and in the exchange and capacity-building workshop of the cohort, as the cohort's recognition rules require; for a local government, represented by such a person.",
                    },
                    ["alignment"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
                    {
                        ["type"] = new System.Text.Json.Nodes.JsonArray("Alignment"),
                        ["targetName"] = "Global Compact for Safe, Orderly and Regular Migration",
                        ["targetUrl"] = "https://undocs.org/A/RES/73/195",
                        ["targetFramework"] = "United Nations General Assembly resolution 73/195",
                        ["targetCode"] = "A/RES/73/195",
                    }),
                },
            },
            ["credentialStatus"] = new System.Text.Json.Nodes.JsonObject { ["id"] = verify, ["type"] = "1EdTechRevocationList" },
        };
        if (c.Status != CertificateStatus.Valid)
        {
            // A revoked or superseded credential is no longer valid from that moment on.
            credential["validUntil"] = (c.RevokedAtUtc ?? timeProvider.GetUtcNow().UtcDateTime).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        }

        return credential.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The valid certificates' PDFs in one ZIP: a cohort's, optionally one country's; a country office gets its own country's only.</summary>
    public async Task<byte[]> ZipAsync(ClaimsPrincipal user, int cohortId, string? country, CancellationToken cancellationToken = default)
    {
        var onlyCountry = WorkshopAccess.IsStaff(user) ? country : user.CountryScope().OnlyCountry;
        var files = await db.Certificates.AsNoTracking()
            .Where(c => c.CohortId == cohortId && c.Status == CertificateStatus.Valid && (onlyCountry == null || c.CountryCode == onlyCountry))
            .OrderBy(c => c.Serial).Select(c => new { c.Serial, c.Pdf }).ToListAsync(cancellationToken);
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                await using var entry = await zip.CreateEntry($"{file.Serial}.pdf", System.IO.Compression.CompressionLevel.Fastest).OpenAsync(cancellationToken);
                await entry.WriteAsync(file.Pdf, cancellationToken);
            }
        }

        return stream.ToArray();
    }

    public async Task<bool> RevokeAsync(int id, string reason, CancellationToken cancellationToken = default)
    {
        var certificate = await db.Certificates.SingleOrDefaultAsync(c => c.Id == id && c.Status == CertificateStatus.Valid, cancellationToken);
        if (certificate is null)
        {
            return false;
        }

        certificate.Status = CertificateStatus.Revoked;
        certificate.RevokedAtUtc = timeProvider.GetUtcNow().UtcDateTime;
        certificate.RevocationReason = reason.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Issues a new certificate from the recipient's current record (e.g. a corrected name) that supersedes this one.</summary>
    public async Task<int?> SupersedeAsync(int id, CancellationToken cancellationToken = default)
    {
        var old = await db.Certificates.SingleOrDefaultAsync(c => c.Id == id && c.Status == CertificateStatus.Valid, cancellationToken);
        if (old is null)
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        old.Status = CertificateStatus.Superseded;
        await db.SaveChangesAsync(cancellationToken);
        var cohort = await db.Cohorts.AsNoTracking().SingleAsync(c => c.Id == old.CohortId, cancellationToken);
        var rules = await eligibility.RulesAsync(old.CohortId, cancellationToken);
        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, cancellationToken);
        var place = await db.LocalGovernments.AsNoTracking().SingleAsync(l => l.Id == old.LocalGovernmentId, cancellationToken);
        var person = old.AuthorityId is { } aid ? await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == aid, cancellationToken) : null;
        await IssueOneAsync(
            cohort, rules, old.Kind, old.RecipientKey, old.AuthorityId, place.Id, place.CountryCode, person?.PreferredLanguage ?? old.Language,
            person?.FullName ?? place.Name, person?.Position, place.Name, countries, cancellationToken);
        var replacement = await db.Certificates.SingleAsync(c => c.CohortId == old.CohortId && c.RecipientKey == old.RecipientKey && c.Status == CertificateStatus.Valid, cancellationToken);
        old.SupersededById = replacement.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return replacement.Id;
    }

    /// <summary>The public answer for a typed or scanned code; null when no certificate has it.</summary>
    public async Task<Verification?> VerifyAsync(string? code, CancellationToken cancellationToken = default)
    {
        var normalized = ReadableCode.Normalize(code);
        if (normalized.Length == 0 || normalized.Length > 30)
        {
            return null;
        }

        var c = await db.Certificates.AsNoTracking().Where(x => x.VerificationCode == normalized)
            .Select(x => new { x.Status, x.Kind, x.RecipientName, x.LocalGovernmentName, x.CountryCode, Cohort = x.Cohort!.Name, x.IssuedOn, x.RevokedAtUtc, x.SupersededById })
            .SingleOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            return null;
        }

        var country = await db.Countries.AsNoTracking().Where(k => k.Code == c.CountryCode).Select(k => new { k.NameEn, k.NameEs, k.NamePt }).SingleAsync(cancellationToken);
        var current = c.SupersededById is { } next ? await db.Certificates.Where(x => x.Id == next).Select(x => x.VerificationCode).SingleOrDefaultAsync(cancellationToken) : null;
        return new Verification(
            c.Status, c.Kind, c.RecipientName, c.LocalGovernmentName, PortalCultures.Pick(country.NameEn, country.NameEs, country.NamePt), c.Cohort, c.IssuedOn,
            Grouped(normalized), c.RevokedAtUtc, current is null ? null : Grouped(current));
    }

    /// <summary>Tells the person, in their language, that their certificate is ready (through the outbox).</summary>
    private async Task NotifyAsync(Cohort cohort, Authority person, CancellationToken cancellationToken)
    {
        var code = await db.Certificates.Where(c => c.CohortId == cohort.Id && c.RecipientKey == $"P:{person.Id}" && c.Status == CertificateStatus.Valid)
            .Select(c => c.VerificationCode).SingleAsync(cancellationToken);
        var language = PortalCultures.IsSupported(person.PreferredLanguage) ? person.PreferredLanguage : "es";
        var (subject, html, body) = await emails.RenderAsync(
            "CertificateIssued", new CertificateIssuedEmail(person.FullName, cohort.Name, urls.Absolute("/certificates"), urls.Absolute($"/verify/{Grouped(code)}")), language);
        await sender.SendAsync(new Infrastructure.Email.EmailMessage(person.Email, person.FullName, subject, html, body), cancellationToken);
    }

    /// <summary>An authority's own certificates and those of the local governments it represented in sessions (or holds office in).</summary>
    private async Task<IQueryable<Certificate>> MineAsync(ClaimsPrincipal user, IQueryable<Certificate> query, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Authority) || !int.TryParse(user.FindFirstValue(PortalClaimTypes.Authority), out var authorityId))
        {
            return query.Where(c => false);
        }

        var current = await db.Authorities.Where(a => a.Id == authorityId).Select(a => a.LocalGovernmentId).SingleOrDefaultAsync(cancellationToken);
        var represented = await db.Attendances.Where(a => a.AuthorityId == authorityId && a.Status == AttendanceStatus.Present && a.LocalGovernmentId != null)
            .Select(a => a.LocalGovernmentId!.Value).Distinct().ToListAsync(cancellationToken);
        if (current is { } lg)
        {
            represented.Add(lg);
        }

        return query.Where(c => c.AuthorityId == authorityId || (c.Kind == CertificateKind.LocalGovernment && represented.Contains(c.LocalGovernmentId)));
    }

    private async Task<bool> IssueOneAsync(
        Cohort cohort, RecognitionRules rules, CertificateKind kind, string recipientKey, int? authorityId, int localGovernmentId, string countryCode, string language,
        string recipientName, string? position, string localGovernmentName, IReadOnlyDictionary<string, Country> countries, CancellationToken cancellationToken)
    {
        language = PortalCultures.IsSupported(language) ? language : "es";
        var country = countries[countryCode.Trim()];
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var next = await db.Certificates.CountAsync(c => c.CohortId == cohort.Id, cancellationToken) + 1 + attempt;
            var serial = $"CLA-{cohort.Code}-{next:0000}";
            var code = ReadableCode.New(12);
            var issuedOn = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
            var pdf = renderer.Render(new CertificateContent(
                kind, language, recipientName, position, localGovernmentName, language switch { "pt" => country.NamePt, "en" => country.NameEn, _ => country.NameEs },
                cohort.Name, issuedOn, rules.SignatoryName, rules.SignatoryTitle, serial, Grouped(code), urls.Absolute($"/verify/{Grouped(code)}")));
            var certificate = new Certificate
            {
                CohortId = cohort.Id,
                Kind = kind,
                AuthorityId = authorityId,
                LocalGovernmentId = localGovernmentId,
                CountryCode = countryCode,
                Serial = serial,
                VerificationCode = code,
                Language = language,
                RecipientName = recipientName,
                Position = position,
                LocalGovernmentName = localGovernmentName,
                IssuedOn = issuedOn,
                SignatoryName = rules.SignatoryName,
                SignatoryTitle = rules.SignatoryTitle,
                Status = CertificateStatus.Valid,
                Pdf = pdf,
                Sha256 = Convert.ToHexString(SHA256.HashData(pdf)).ToLowerInvariant(),
                RecipientKey = recipientKey,
            };
            db.Certificates.Add(certificate);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                db.Entry(certificate).State = EntityState.Detached;

                // Someone else issued this recipient's certificate meanwhile: nothing more to do. Otherwise the
                // serial was taken by a concurrent issuance: try the next number.
                if (await db.Certificates.AnyAsync(c => c.CohortId == cohort.Id && c.RecipientKey == recipientKey && c.Status == CertificateStatus.Valid, cancellationToken))
                {
                    return false;
                }
            }
        }

        return false;
    }
}
