using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>
/// The certificates' artwork: Administrators upload the logos shown at the top; regional staff upload each cohort's
/// signature image. Only certificates issued afterwards show a change: issued ones are immutable.
/// </summary>
[Route("settings/certificates")]
[Authorize(Policy = Policies.ManageCohorts)]
public sealed class CertificateSettingsController(
    CertificateArtworkStore artwork, CertificatePreview preview, IAuthorizationService authorization, IStringLocalizer<CertificatesResources> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Settings", await artwork.PageAsync(await authorization.AllowsAsync(User, Policies.Administration), cancellationToken));

    // Above the limit, so that an oversized image reaches the check and is refused with a message.
    [HttpPost("logos/{slot:int:range(1,2)}"), Authorize(Policy = Policies.Administration), RequestSizeLimit(16 * 1024 * 1024)]
    public Task<IActionResult> UploadLogo(int slot, IFormFile? file, CancellationToken cancellationToken) =>
        SaveAsync(slot == 1 ? CertificateArtworkStore.Logo1 : CertificateArtworkStore.Logo2, file, cancellationToken);

    [HttpPost("logos/{slot:int:range(1,2)}/remove"), Authorize(Policy = Policies.Administration)]
    public Task<IActionResult> RemoveLogo(int slot, CancellationToken cancellationToken) =>
        RemoveAsync(slot == 1 ? CertificateArtworkStore.Logo1 : CertificateArtworkStore.Logo2, cancellationToken);

    [HttpPost("signatures/{cohort:int}"), RequestSizeLimit(16 * 1024 * 1024)]
    public Task<IActionResult> UploadSignature(int cohort, IFormFile? file, CancellationToken cancellationToken) =>
        SaveAsync(CertificateArtworkStore.Signature(cohort), file, cancellationToken);

    [HttpPost("signatures/{cohort:int}/remove")]
    public Task<IActionResult> RemoveSignature(int cohort, CancellationToken cancellationToken) => RemoveAsync(CertificateArtworkStore.Signature(cohort), cancellationToken);

    [HttpGet("images/{key}")]
    public async Task<IActionResult> Image(string key, CancellationToken cancellationToken) =>
        CertificateArtworkStore.IsKnownKey(key) && await artwork.ImageAsync(key, cancellationToken) is { } image ? File(image.Content, image.ContentType) : NotFound();

    /// <summary>A sample certificate of the cohort in a language, with the current artwork; nothing is issued.</summary>
    [HttpGet("preview/{cohort:int}/{language}")]
    public async Task<IActionResult> Preview(int cohort, string language, CancellationToken cancellationToken) =>
        await preview.PreviewAsync(cohort, language, cancellationToken) is { } pdf ? File(pdf, "application/pdf", $"sample-{language}.pdf") : NotFound();

    private async Task<IActionResult> SaveAsync(string key, IFormFile? file, CancellationToken cancellationToken)
    {
        var error = await artwork.SaveAsync(key, file, cancellationToken);
        if (error is not null)
        {
            ModelState.AddModelError("", text[error, CertificateArtworkStore.MaxBytes / (1024 * 1024)]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Settings", await artwork.PageAsync(await authorization.AllowsAsync(User, Policies.Administration), cancellationToken));
        }

        TempData["Notice"] = text["Notice_ArtworkSaved"].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> RemoveAsync(string key, CancellationToken cancellationToken)
    {
        TempData["Notice"] = await artwork.RemoveAsync(key, cancellationToken) ? text["Notice_ArtworkRemoved"].Value : null;
        return RedirectToAction(nameof(Index));
    }
}
