using System.Security.Cryptography;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Eligibility;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Text;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>
/// Issues certificates from the current records: renders each, numbers it, stores it and tells the person. Issuance
/// is idempotent: at most one valid certificate per recipient and cohort, kept by a filtered unique index even when
/// two instances issue at once. Its nine parts are the steps of making one certificate (records, rules, artwork,
/// rendering, its serial number, its position in the revocation list, the link's address, the date, the notice),
/// none of which another part of the portal needs in the same combination.
/// </summary>
public sealed class CertificateIssuer(
    PortalDbContext db, EligibilityService eligibility, ICertificateRenderer renderer, PublicUrls urls, TimeProvider timeProvider,
    CertificateArtworkStore artwork, CertificateSerials serials, CertificateStatusLists statusLists, CertificateNotice notice)
{
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
            var first = await serials.ReserveAsync(cohortId, recipients.Count, cancellationToken);
            var positions = await statusLists.ReserveAsync(recipients.Count, cancellationToken);
            issued.AddRange(recipients.Select((r, i) => (r, Build(context, r, first + i, positions[i], publicBaseUrl))));
            db.Certificates.AddRange(issued.Select(i => i.Certificate));
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var (recipient, certificate) in issued)
        {
            result[recipient.Key] = certificate.Id;
            if (notify && recipient.Person is { } person)
            {
                await notice.SendAsync(context.Cohort, person, certificate, publicBaseUrl, cancellationToken);
            }
        }

        return result;
    }
    /// <summary>
    /// Issues the certificate's recipient a new one from the current records, in one transaction with the change to the
    /// old one, and tells the person (when it is a person's) where to find it.
    /// </summary>
    public async Task<int> ReplaceAsync(Certificate old, Action<Certificate> change, CancellationToken cancellationToken)
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
            await notice.SendAsync(context.Cohort, person, replacement, null, cancellationToken);
        }

        return replacement.Id;
    }
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

    /// <summary>The signatory's title as a certificate in the language shows it: its translation, else the English one.</summary>
    internal static string? SignatoryTitleIn(RecognitionRules rules, string language) =>
        rules.SignatoryTitle is null ? null : PortalCultures.Pick(rules.SignatoryTitle, rules.SignatoryTitleEs, rules.SignatoryTitlePt, language);

    /// <summary>Renders the certificate with the given serial number and a new verification code, ready to be saved.</summary>
    private Certificate Build(IssueContext context, Recipient recipient, int number, StatusPosition position, string? baseUrl)
    {
        var language = PortalCultures.ForRecipient(recipient.Language);
        var country = context.Countries[recipient.CountryCode.Trim()];
        var serial = $"CLA-{context.Cohort.Code}-{number:0000}";
        var code = ReadableCode.New(12);
        var issuedOn = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var (rules, cohort) = (context.Rules, context.Cohort);
        (string Identity, string Salt)? identity = recipient.Person is { } person ? OpenBadgeCredentials.HashedEmail(person.Email) : null;
        var pdf = renderer.Render(new CertificateContent(
            recipient.Kind, language, recipient.Name, recipient.Position, recipient.LocalGovernmentName, PortalCultures.Pick(country.NameEn, country.NameEs, country.NamePt, language),
            PortalCultures.Pick(cohort.Name, cohort.NameEs, cohort.NamePt, language), issuedOn, rules.SignatoryName, SignatoryTitleIn(rules, language), serial, CertificateVerification.Grouped(code), CertificateNotice.Link(urls, baseUrl, $"/verify/{CertificateVerification.Grouped(code)}"), context.Artwork));
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
            SignatoryTitle = SignatoryTitleIn(rules, language),
            Status = CertificateStatus.Valid,
            Pdf = pdf,
            Sha256 = Convert.ToHexString(SHA256.HashData(pdf)).ToLowerInvariant(),
            RecipientKey = recipient.Key,
            StatusListId = position.ListId,
            StatusListIndex = position.Index,
            RecipientIdentity = identity?.Identity,
            RecipientSalt = identity?.Salt,
        };
    }

    /// <summary>Issues one certificate; null when the recipient got one meanwhile from a concurrent issuance.</summary>
    private async Task<Certificate?> IssueOneAsync(IssueContext context, Recipient recipient, string? baseUrl, CancellationToken cancellationToken)
    {
        var number = await serials.ReserveAsync(context.Cohort.Id, 1, cancellationToken);
        var certificate = Build(context, recipient, number, (await statusLists.ReserveAsync(1, cancellationToken)).Single(), baseUrl);
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

}
