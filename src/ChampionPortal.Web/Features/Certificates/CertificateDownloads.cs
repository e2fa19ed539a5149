using System.Security.Cryptography;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Account;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>What a personal download link opens: the certificate as it stands now, and whether to offer an account.</summary>
public sealed record CertificateDownloadPage(
    string Token, string RecipientName, string CohortName, CertificateStatus Status, DateTime? RevokedAtUtc, string VerificationCode, DateOnly IssuedOn,
    bool OffersAccount);

/// <summary>
/// The personal link in a certificate's e-mail, for people who have no account (most were imported or invited): it
/// opens their certificate for <see cref="ValidForDays"/> days without signing in, and from it they may create an
/// account. The link carries the certificate's id protected and time-limited by the portal's Data Protection keys
/// (shared by every instance), so nothing is stored for it; a revoked or replaced certificate is not served.
/// </summary>
public sealed class CertificateDownloads(PortalDbContext db, IDataProtectionProvider protection, AuthorityAccounts accounts)
{
    public const int ValidForDays = 90;

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("ChampionPortal.CertificateDownload").ToTimeLimitedDataProtector();

    public string LinkPath(int certificateId) =>
        $"/certificates/download/{Protector.Protect(certificateId.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromDays(ValidForDays))}";

    public async Task<CertificateDownloadPage?> PageAsync(string token, CancellationToken cancellationToken = default)
    {
        if (CertificateOf(token) is not { } id)
        {
            return null;
        }

        var c = await db.Certificates.AsNoTracking().Where(x => x.Id == id && x.Kind == CertificateKind.Person && x.RecipientName != "")
            .Select(x => new { x.AuthorityId, x.RecipientName, Cohort = PortalCultures.Pick(x.Cohort!.Name, x.Cohort.NameEs, x.Cohort.NamePt), x.Status, x.RevokedAtUtc, x.VerificationCode, x.IssuedOn })
            .SingleOrDefaultAsync(cancellationToken);
        return c is null
            ? null
            : new CertificateDownloadPage(
                token, c.RecipientName, c.Cohort, c.Status, c.RevokedAtUtc, CertificateVerification.Grouped(c.VerificationCode), c.IssuedOn,
                c.AuthorityId is { } person && !await accounts.HasPasswordAsync(person, cancellationToken));
    }

    /// <summary>The certificate's file while it is valid; null otherwise.</summary>
    public async Task<(byte[] Pdf, string FileName)?> PdfAsync(string token, CancellationToken cancellationToken = default)
    {
        if (CertificateOf(token) is not { } id)
        {
            return null;
        }

        var found = await db.Certificates.AsNoTracking()
            .Where(x => x.Id == id && x.Kind == CertificateKind.Person && x.Status == CertificateStatus.Valid && x.RecipientName != "")
            .Select(x => new { x.Pdf, x.Serial }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Pdf, $"{found.Serial}.pdf");
    }

    /// <summary>Where the link's holder chooses a password for a new account; null when the person already has one.</summary>
    public async Task<string?> AccountAsync(string token, CancellationToken cancellationToken = default)
    {
        if (CertificateOf(token) is not { } id)
        {
            return null;
        }

        var person = await db.Authorities.Where(a => db.Certificates.Any(x => x.Id == id && x.AuthorityId == a.Id && x.RecipientName != ""))
            .SingleOrDefaultAsync(cancellationToken);
        return person is null ? null : await accounts.SetPasswordUrlAsync(person, cancellationToken);
    }

    private int? CertificateOf(string token)
    {
        try
        {
            return int.TryParse(Protector.Unprotect(token), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            // Altered, expired, or protected with a key this portal never had.
            return null;
        }
    }
}
