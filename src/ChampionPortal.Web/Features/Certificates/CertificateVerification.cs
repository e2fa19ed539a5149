using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Certificates;

public sealed record Verification(
    CertificateStatus Status, CertificateKind Kind, string RecipientName, string LocalGovernmentName, string CountryName, string CohortName, DateOnly IssuedOn,
    string Code, DateTime? RevokedAtUtc, string? CurrentCode);

/// <summary>The public verification of a certificate by its code.</summary>
public sealed class CertificateVerification(PortalDbContext db)
{
    /// <summary>Formats a stored code for reading: groups of four.</summary>
    public static string Grouped(string code) => string.Join("-", code.Chunk(4).Select(c => new string(c)));

    /// <summary>The public answer for a typed or scanned code; null when no certificate has it.</summary>
    public async Task<Verification?> VerifyAsync(string? code, CancellationToken cancellationToken = default)
    {
        var normalized = ReadableCode.Normalize(code);
        if (normalized.Length == 0 || normalized.Length > 30)
        {
            return null;
        }

        var c = await db.Certificates.AsNoTracking().Where(x => x.VerificationCode == normalized)
            .Select(x => new { x.Status, x.Kind, x.RecipientName, x.LocalGovernmentName, x.CountryCode, Cohort = PortalCultures.Pick(x.Cohort!.Name, x.Cohort.NameEs, x.Cohort.NamePt), x.IssuedOn, x.RevokedAtUtc, x.SupersededById })
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
}
