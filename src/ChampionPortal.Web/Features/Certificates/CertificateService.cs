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

/// <summary>An eligible recipient whose certificate was revoked: issued again only when staff reissue it with a reason.</summary>
public sealed record RevokedRecipient(string Key, CertificateKind Kind, string Name, string CountryCode, Revocation Revocation);

public sealed record CertificateList(
    int? CohortId, string? CohortName, IReadOnlyList<CertificateRow> Certificates, bool CanIssue, IReadOnlyList<PendingRecipient> Pending, IReadOnlyList<IssuanceProgress> Issuances)
{
    /// <summary>The cohort's eligible recipients held back by a revocation (staff's list).</summary>
    public IReadOnlyList<RevokedRecipient> Revoked { get; init; } = [];

    /// <summary>An authority's own list ("My certificates").</summary>
    public bool Mine { get; init; }

    /// <summary>The countries of the listed certificates, for a ZIP of one country's.</summary>
    public IReadOnlyList<string> Countries => [.. Certificates.Select(c => c.CountryCode).Distinct().Order()];
}

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
    Infrastructure.Email.EmailRenderer emails, Infrastructure.Email.IEmailSender sender, CertificateArtworkStore artwork,
    IDatabaseDialect dialect, IServiceScopeFactory scopes, CertificateDownloads downloads)
{
    /// <summary>Formats a stored code for reading: groups of four.</summary>
    public static string Grouped(string code) => string.Join("-", code.Chunk(4).Select(c => new string(c)));

    /// <summary>The cohort's eligible people and local governments that have no valid certificate yet and no standing revocation.</summary>
    public async Task<List<PendingRecipient>> PendingAsync(int cohortId, CancellationToken cancellationToken = default) =>
        (await WithoutCertificateAsync(cohortId, cancellationToken)).Pending;

    /// <summary>
    /// The cohort's eligible recipients without a valid certificate: those to issue to, and those whose certificate
    /// was revoked (a decision that issuing to everyone eligible does not undo).
    /// </summary>
    private async Task<(List<PendingRecipient> Pending, List<RevokedRecipient> Revoked)> WithoutCertificateAsync(int cohortId, CancellationToken cancellationToken)
    {
        if (await eligibility.EvaluateAsync(cohortId, cancellationToken) is not { } page)
        {
            return ([], []);
        }

        var issued = (await db.Certificates.Standing().Where(c => c.CohortId == cohortId).Select(c => c.RecipientKey).ToListAsync(cancellationToken)).ToHashSet();
        var all = page.People.Where(p => p.Eligible && !issued.Contains($"P:{p.AuthorityId}"))
            .Select(p => (Recipient: new PendingRecipient($"P:{p.AuthorityId}", CertificateKind.Person, p.FullName, p.CountryCode), p.Revocation))
            .Concat(page.Governments.Where(g => !issued.Contains($"G:{g.LocalGovernmentId}"))
                .Select(g => (Recipient: new PendingRecipient($"G:{g.LocalGovernmentId}", CertificateKind.LocalGovernment, g.Name, g.CountryCode), g.Revocation)))
            .ToList();
        return (
            [.. all.Where(r => r.Revocation is null).Select(r => r.Recipient)],
            [.. all.Where(r => r.Revocation is not null).Select(r => new RevokedRecipient(r.Recipient.Key, r.Recipient.Kind, r.Recipient.Name, r.Recipient.CountryCode, r.Revocation!))]);
    }

    /// <summary>
    /// Issues one recipient's certificate ("P:{authority}" or "G:{local government}") from the current records and
    /// tells the person by e-mail when <paramref name="notify"/>; the new certificate's id, or null when the recipient
    /// already has a valid one in the cohort. Links start with <paramref name="publicBaseUrl"/> when given (the address
    /// at the time of the request, for work done later in the background).
    /// </summary>
    public async Task<int?> IssueToAsync(int cohortId, string recipientKey, bool notify, string? publicBaseUrl = null, CancellationToken cancellationToken = default) =>
        (await IssueAsync(cohortId, [recipientKey], notify, publicBaseUrl, cancellationToken))[recipientKey];

    /// <summary>
    /// Issues the recipients' certificates, each key mapped to its new certificate's id (null: it already had one).
    /// Several are rendered and saved together, and the save fails as a whole when another issuance issued one of them
    /// meanwhile: the caller then issues them one by one.
    /// </summary>
    public async Task<Dictionary<string, int?>> IssueAsync(
        int cohortId, IReadOnlyList<string> recipientKeys, bool notify, string? publicBaseUrl, CancellationToken cancellationToken = default)
    {
        var result = recipientKeys.Distinct().ToDictionary(k => k, _ => (int?)null);
        // Whoever holds a valid certificate, or one revoked and not reissued, is not issued to: a revocation made
        // while an issuance waited in the queue holds too.
        var already = await db.Certificates
            .Where(c => c.CohortId == cohortId && recipientKeys.Contains(c.RecipientKey)
                && (c.Status == CertificateStatus.Valid || (c.Status == CertificateStatus.Revoked && c.SupersededById == null)))
            .Select(c => c.RecipientKey).ToListAsync(cancellationToken);
        var recipients = await RecipientsAsync([.. result.Keys.Except(already)], cancellationToken);
        if (result.Keys.Except(already).Except(recipients.Select(r => r.Key)).ToList() is { Count: > 0 } missing)
        {
            throw new InvalidOperationException($"No person or local government is recorded as {string.Join(", ", missing)}.");
        }

        if (recipients.Count == 0)
        {
            return result;
        }

        var context = await ContextAsync(cohortId, cancellationToken);
        var issued = new List<(Recipient Recipient, Certificate Certificate)>();
        if (recipients.Count == 1)
        {
            if (await IssueOneAsync(context, recipients[0], publicBaseUrl, cancellationToken) is { } certificate)
            {
                issued.Add((recipients[0], certificate));
            }
        }
        else
        {
            var first = await ReserveSerialsAsync(cohortId, recipients.Count, cancellationToken);
            issued.AddRange(recipients.Select((r, i) => (r, Build(context, r, first + i, publicBaseUrl))));
            db.Certificates.AddRange(issued.Select(i => i.Certificate));
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var (recipient, certificate) in issued)
        {
            result[recipient.Key] = certificate.Id;
            if (notify && recipient.Person is { } person)
            {
                await NotifyAsync(context.Cohort, person, certificate, publicBaseUrl, cancellationToken);
            }
        }

        return result;
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
        if (!staff || cohortId is not { } pid)
        {
            return new CertificateList(cohortId, cohortName, rows, false, [], []) { Mine = user.IsInRole(Roles.Authority) && !user.IsInRole(Roles.CountryOffice) };
        }

        // The cohort's issuances still running and the latest finished one; whoever they hold is no longer pending.
        var recent = await ProgressQuery(db.CertificateIssuances.Where(r => r.CohortId == pid).OrderByDescending(r => r.Id).Take(10)).ToListAsync(cancellationToken);
        var queued = await QueuedAsync(pid, cancellationToken);
        var (pending, revoked) = await WithoutCertificateAsync(pid, cancellationToken);
        return new CertificateList(cohortId, cohortName, rows, true, [.. pending.Where(p => !queued.Contains(p.Key))], [.. recent.Where(p => !p.Finished), .. recent.Where(p => p.Finished).Take(1)])
        {
            Revoked = revoked,
        };
    }

    /// <summary>Issuances' progress, counted from their items.</summary>
    public static IQueryable<IssuanceProgress> ProgressQuery(IQueryable<CertificateIssuance> issuances) =>
        issuances.Select(r => new IssuanceProgress(
            r.Id, r.CohortId, r.RequestedAtUtc, r.Items.Count(),
            r.Items.Count(i => i.Status == IssuanceItemStatus.Issued),
            r.Items.Count(i => i.Status == IssuanceItemStatus.Skipped),
            r.Items.Count(i => i.Status == IssuanceItemStatus.Failed)));

    /// <summary>Recipient keys held by the cohort's unfinished issuances.</summary>
    public async Task<HashSet<string>> QueuedAsync(int cohortId, CancellationToken cancellationToken = default) =>
        (await db.CertificateIssuanceItems
            .Where(i => i.Status == IssuanceItemStatus.Pending && db.CertificateIssuances.Any(r => r.Id == i.IssuanceId && r.CohortId == cohortId))
            .Select(i => i.RecipientKey).ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>The certificate's PDF for a user allowed to have it; null (404) for anyone else.</summary>
    public Task<(byte[] Pdf, string FileName)?> PdfAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default) =>
        PdfWhereAsync(user, db.Certificates.Where(c => c.Id == id), cancellationToken);

    /// <summary>The same, found by its serial ("CLA-2023-0001", any case).</summary>
    public Task<(byte[] Pdf, string FileName)?> PdfBySerialAsync(ClaimsPrincipal user, string serial, CancellationToken cancellationToken = default)
    {
        var wanted = serial.Trim().ToUpperInvariant();
        return PdfWhereAsync(user, db.Certificates.Where(c => c.Serial == wanted), cancellationToken);
    }

    private async Task<(byte[] Pdf, string FileName)?> PdfWhereAsync(ClaimsPrincipal user, IQueryable<Certificate> query, CancellationToken cancellationToken)
    {
        query = query.AsNoTracking();
        if (!WorkshopAccess.IsStaff(user))
        {
            query = user.IsInRole(Roles.CountryOffice) ? query.Where(c => c.CountryCode == user.CountryScope().OnlyCountry) : await MineAsync(user, query, cancellationToken);
        }

        // An erased person's certificate keeps its record for verification, not its PDF.
        var found = await query.Where(c => c.RecipientName != "").Select(c => new { c.Pdf, c.Serial }).SingleOrDefaultAsync(cancellationToken);
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
        var onlyCountry = WorkshopAccess.IsStaff(user) ? (string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant()) : user.CountryScope().OnlyCountry;
        var files = await db.Certificates.AsNoTracking()
            .Where(c => c.CohortId == cohortId && c.Status == CertificateStatus.Valid && c.RecipientName != "" && (onlyCountry == null || c.CountryCode == onlyCountry))
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

        return await ReplaceAsync(old, c => c.Status = CertificateStatus.Superseded, cancellationToken);
    }

    /// <summary>
    /// Issues a new certificate to the recipient of a revoked one, which staff decided with a reason; the revoked one
    /// stays revoked and its verification page points to the new one. The new certificate's id, or null when the
    /// certificate is not a standing revocation (valid, superseded, or already reissued).
    /// </summary>
    public async Task<int?> ReissueAsync(int id, string reason, CancellationToken cancellationToken = default)
    {
        var revoked = await db.Certificates.SingleOrDefaultAsync(c => c.Id == id && c.Status == CertificateStatus.Revoked && c.SupersededById == null, cancellationToken);
        if (revoked is null)
        {
            return null;
        }

        return await ReplaceAsync(revoked, c => c.ReissueReason = reason.Trim(), cancellationToken);
    }

    /// <summary>
    /// Issues the certificate's recipient a new one from the current records, in one transaction with the change to the
    /// old one, and tells the person (when it is a person's) where to find it.
    /// </summary>
    private async Task<int> ReplaceAsync(Certificate old, Action<Certificate> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        change(old);
        await db.SaveChangesAsync(cancellationToken);
        var recipient = (await RecipientsAsync([old.RecipientKey], cancellationToken)).Single();
        var context = await ContextAsync(old.CohortId, cancellationToken);
        var replacement = await IssueOneAsync(context, recipient, null, cancellationToken)
            ?? throw new InvalidOperationException($"The replacement of certificate {old.Serial} could not be issued.");
        old.SupersededById = replacement.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (recipient.Person is { } person)
        {
            await NotifyAsync(context.Cohort, person, replacement, null, cancellationToken);
        }

        return replacement.Id;
    }

    /// <summary>
    /// A sample certificate of the cohort with its signatory and the current artwork, in the language given, for staff
    /// to check the layout before issuing; nothing is stored, and its code verifies nothing.
    /// </summary>
    public async Task<byte[]?> PreviewAsync(int cohortId, string language, CancellationToken cancellationToken = default)
    {
        if (await db.Cohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cohortId, cancellationToken) is not { } cohort)
        {
            return null;
        }

        language = PortalCultures.ForRecipient(language);
        var rules = await eligibility.RulesAsync(cohortId, cancellationToken);
        var brazil = await db.Countries.AsNoTracking().SingleAsync(c => c.Code == "BR", cancellationToken);
        const string sample = "SAMP-LE00-0000";
        return renderer.Render(new CertificateContent(
            CertificateKind.Person, language, "Conceição Nuñez Añasco", "Secretária Municipal de Assistência Social", "Niterói",
            PortalCultures.Pick(brazil.NameEn, brazil.NameEs, brazil.NamePt, language), cohort.Name, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime),
            rules.SignatoryName, rules.SignatoryTitle, $"CLA-{cohort.Code}-0000", sample, urls.Absolute($"/verify/{sample}"),
            await artwork.ForCertificateAsync(cohortId, cancellationToken)));
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

    /// <summary>Tells the person, in their language, that their certificate is ready, with its personal download link (through the outbox).</summary>
    private async Task NotifyAsync(Cohort cohort, Authority person, Certificate certificate, string? baseUrl, CancellationToken cancellationToken)
    {
        var language = PortalCultures.ForRecipient(person.PreferredLanguage);
        var (subject, html, body) = await emails.RenderAsync(
            "CertificateIssued",
            new CertificateIssuedEmail(person.FullName, cohort.Name, Link(baseUrl, downloads.LinkPath(certificate.Id)), Link(baseUrl, $"/verify/{Grouped(certificate.VerificationCode)}")),
            language);
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

    private string Link(string? baseUrl, string path) => string.IsNullOrEmpty(baseUrl) ? urls.Absolute(path) : baseUrl.TrimEnd('/') + path;

    /// <summary>What every certificate of a cohort shares: the cohort, its rules and signatory, the artwork and the country names.</summary>
    private sealed record IssueContext(Cohort Cohort, RecognitionRules Rules, CertificateImages Artwork, IReadOnlyDictionary<string, Country> Countries);

    /// <summary>Who a certificate is for, from the current records; <see cref="Person"/> is set for a person.</summary>
    private sealed record Recipient(
        string Key, CertificateKind Kind, int? AuthorityId, int LocalGovernmentId, string CountryCode, string Language, string Name, string? Position,
        string LocalGovernmentName, Authority? Person);

    private async Task<IssueContext> ContextAsync(int cohortId, CancellationToken cancellationToken) => new(
        await db.Cohorts.AsNoTracking().SingleAsync(c => c.Id == cohortId, cancellationToken),
        await eligibility.RulesAsync(cohortId, cancellationToken),
        await artwork.ForCertificateAsync(cohortId, cancellationToken),
        await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code.Trim(), cancellationToken));

    private async Task<List<Recipient>> RecipientsAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        static int Id(string key) => int.Parse(key.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture);
        var personIds = keys.Where(k => k.StartsWith("P:", StringComparison.Ordinal)).Select(Id).ToList();
        var placeIds = keys.Where(k => k.StartsWith("G:", StringComparison.Ordinal)).Select(Id).ToList();
        var people = personIds.Count == 0 ? [] : await db.Authorities.AsNoTracking().Include(a => a.LocalGovernment).Where(a => personIds.Contains(a.Id)).ToListAsync(cancellationToken);
        var places = placeIds.Count == 0 ? [] : await db.LocalGovernments.AsNoTracking().Where(l => placeIds.Contains(l.Id)).ToListAsync(cancellationToken);
        return
        [
            .. people.Select(a => new Recipient(
                $"P:{a.Id}", CertificateKind.Person, a.Id, a.LocalGovernment?.Id ?? 0, a.CountryCode, a.PreferredLanguage, a.FullName, a.Position, a.LocalGovernment?.Name ?? "", a)),
            .. places.Select(l => new Recipient(
                $"G:{l.Id}", CertificateKind.LocalGovernment, null, l.Id, l.CountryCode, PortalCultures.ForCountry(l.CountryCode), l.Name, null, l.Name, null)),
        ];
    }

    /// <summary>Renders the certificate with the given serial number and a new verification code, ready to be saved.</summary>
    private Certificate Build(IssueContext context, Recipient recipient, int number, string? baseUrl)
    {
        var language = PortalCultures.ForRecipient(recipient.Language);
        var country = context.Countries[recipient.CountryCode.Trim()];
        var serial = $"CLA-{context.Cohort.Code}-{number:0000}";
        var code = ReadableCode.New(12);
        var issuedOn = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var (rules, cohort) = (context.Rules, context.Cohort);
        var pdf = renderer.Render(new CertificateContent(
            recipient.Kind, language, recipient.Name, recipient.Position, recipient.LocalGovernmentName, PortalCultures.Pick(country.NameEn, country.NameEs, country.NamePt, language),
            cohort.Name, issuedOn, rules.SignatoryName, rules.SignatoryTitle, serial, Grouped(code), Link(baseUrl, $"/verify/{Grouped(code)}"), context.Artwork));
        return new Certificate
        {
            CohortId = cohort.Id,
            Kind = recipient.Kind,
            AuthorityId = recipient.AuthorityId,
            LocalGovernmentId = recipient.LocalGovernmentId,
            CountryCode = recipient.CountryCode,
            Serial = serial,
            VerificationCode = code,
            Language = language,
            RecipientName = recipient.Name,
            Position = recipient.Position,
            LocalGovernmentName = recipient.LocalGovernmentName,
            IssuedOn = issuedOn,
            SignatoryName = rules.SignatoryName,
            SignatoryTitle = rules.SignatoryTitle,
            Status = CertificateStatus.Valid,
            Pdf = pdf,
            Sha256 = Convert.ToHexString(SHA256.HashData(pdf)).ToLowerInvariant(),
            RecipientKey = recipient.Key,
        };
    }

    /// <summary>Issues one certificate; null when the recipient got one meanwhile from a concurrent issuance.</summary>
    private async Task<Certificate?> IssueOneAsync(IssueContext context, Recipient recipient, string? baseUrl, CancellationToken cancellationToken)
    {
        var certificate = Build(context, recipient, await ReserveSerialsAsync(context.Cohort.Id, 1, cancellationToken), baseUrl);
        db.Certificates.Add(certificate);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return certificate;
        }
        catch (DbUpdateException)
        {
            db.Entry(certificate).State = EntityState.Detached;
            if (await db.Certificates.AnyAsync(c => c.CohortId == certificate.CohortId && c.RecipientKey == recipient.Key && c.Status == CertificateStatus.Valid, cancellationToken))
            {
                return null;
            }

            throw;
        }
    }

    /// <summary>
    /// Reserves serial numbers of the cohort; the first of them. On PostgreSQL the reservation commits at once in a
    /// connection of its own, so that concurrent issuances (other workers, other instances) neither wait for each other
    /// nor take the same number; a number reserved for a batch that then fails stays unused. SQLite has one writer at a
    /// time, so there it belongs to the caller's transaction.
    /// </summary>
    private async Task<int> ReserveSerialsAsync(int cohortId, int count, CancellationToken cancellationToken)
    {
        const string reserve = "UPDATE \"Cohorts\" SET \"LastCertificateNumber\" = \"LastCertificateNumber\" + {0} WHERE \"Id\" = {1} RETURNING \"LastCertificateNumber\" AS \"Value\"";
        using var scope = dialect.Provider == DatabaseProvider.Sqlite ? null : scopes.CreateScope();
        var target = scope?.ServiceProvider.GetRequiredService<PortalDbContext>() ?? db;
        return (await target.Database.SqlQueryRaw<int>(reserve, count, cohortId).ToListAsync(cancellationToken)).Single() - count + 1;
    }
}
