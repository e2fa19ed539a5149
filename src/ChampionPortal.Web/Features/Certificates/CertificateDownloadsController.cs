using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>A certificate's personal download link, from its e-mail: no sign-in; rate-limited like the RSVP links.</summary>
[Route("certificates/download/{token}"), AllowAnonymous, EnableRateLimiting(RateLimits.PublicLinks)]
public sealed class CertificateDownloadsController(CertificateDownloads downloads) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken cancellationToken) =>
        await downloads.PageAsync(token, cancellationToken) is { } page ? View("Download", page) : NotFound();

    [HttpGet("pdf")]
    public async Task<IActionResult> Pdf(string token, CancellationToken cancellationToken) =>
        await downloads.PdfAsync(token, cancellationToken) is { } pdf ? File(pdf.Pdf, "application/pdf", pdf.FileName) : NotFound();

    /// <summary>Makes the person's account (if there is none) and sends them to choose its password.</summary>
    [HttpPost("account")]
    public async Task<IActionResult> Account(string token, CancellationToken cancellationToken) =>
        Redirect(await downloads.AccountAsync(token, cancellationToken) ?? "/account/sign-in");
}
