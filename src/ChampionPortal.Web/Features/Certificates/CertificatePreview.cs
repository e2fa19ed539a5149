using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Eligibility;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>A sample certificate for staff to check the layout before issuing.</summary>
public sealed class CertificatePreview(
    PortalDbContext db, EligibilityService eligibility, ICertificateRenderer renderer, CertificateArtworkStore artwork, PublicUrls urls, TimeProvider timeProvider)
{
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
            PortalCultures.Pick(brazil.NameEn, brazil.NameEs, brazil.NamePt, language), PortalCultures.Pick(cohort.Name, cohort.NameEs, cohort.NamePt, language), DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime),
            rules.SignatoryName, CertificateIssuer.SignatoryTitleIn(rules, language), $"CLA-{cohort.Code}-0000", sample, urls.Absolute($"/verify/{sample}"),
            await artwork.ForCertificateAsync(cohortId, cancellationToken)));
    }
}
