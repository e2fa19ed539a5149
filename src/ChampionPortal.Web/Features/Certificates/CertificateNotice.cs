using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Email;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Web;

namespace ChampionPortal.Web.Features.Certificates;

public sealed record CertificateIssuedEmail(string RecipientName, string CohortName, string Link, string VerificationUrl);

/// <summary>The e-mail that tells a person their certificate is ready.</summary>
public sealed class CertificateNotice(EmailRenderer emails, IEmailSender sender, CertificateDownloads downloads, PublicUrls urls)
{
    /// <summary>
    /// An address on the portal: under <paramref name="baseUrl"/> when given (the address at the time of the request,
    /// for work done later in the background), else the configured public address.
    /// </summary>
    public static string Link(PublicUrls urls, string? baseUrl, string path) => string.IsNullOrEmpty(baseUrl) ? urls.Absolute(path) : baseUrl.TrimEnd('/') + path;

    /// <summary>Tells the person, in their language, that their certificate is ready, with its personal download link (through the outbox).</summary>
    public async Task SendAsync(Cohort cohort, Authority person, Certificate certificate, string? baseUrl, CancellationToken cancellationToken)
    {
        var language = PortalCultures.ForRecipient(person.PreferredLanguage);
        var (subject, html, body) = await emails.RenderAsync(
            "CertificateIssued",
            new CertificateIssuedEmail(person.FullName, PortalCultures.Pick(cohort.Name, cohort.NameEs, cohort.NamePt, language), Link(urls, baseUrl, downloads.LinkPath(certificate.Id)), Link(urls, baseUrl, $"/verify/{CertificateVerification.Grouped(certificate.VerificationCode)}")),
            language);
        await sender.SendAsync(new EmailMessage(person.Email, person.FullName, subject, html, body), cancellationToken);
    }
}
