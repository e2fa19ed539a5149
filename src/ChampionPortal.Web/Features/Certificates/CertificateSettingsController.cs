using ChampionPortal.Web.Features.Shared;
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

    [HttpGet("logos/{slot:int:range(1,2)}/remove"), Authorize(Policy = Policies.Administration)]
    public async Task<IActionResult> ConfirmRemoveLogo(int slot, CancellationToken cancellationToken) => ConfirmRemoval(
        text[slot == 1 ? "Settings_Logo1" : "Settings_Logo2"],
        await artwork.ImageAsync(slot == 1 ? CertificateArtworkStore.Logo1 : CertificateArtworkStore.Logo2, cancellationToken) is not null,
        $"/settings/certificates/logos/{slot}/remove");

    [HttpPost("logos/{slot:int:range(1,2)}/remove"), Authorize(Policy = Policies.Administration)]
    public Task<IActionResult> RemoveLogo(int slot, CancellationToken cancellationToken) =>
        RemoveAsync(slot == 1 ? CertificateArtworkStore.Logo1 : CertificateArtworkStore.Logo2, cancellationToken);

    [HttpPost("signatures/{cohort:int}"), RequestSizeLimit(16 * 1024 * 1024)]
    public Task<IActionResult> UploadSignature(int cohort, IFormFile? file, CancellationToken cancellationToken) =>
        SaveAsync(CertificateArtworkStore.Signature(cohort), file, cancellationToken);

    [HttpGet("signatures/{cohort:int}/remove")]
    public async Task<IActionResult> ConfirmRemoveSignature(int cohort, CancellationToken cancellationToken) =>
        (await artwork.PageAsync(canChangeLogos: false, cancellationToken)).Signatures.FirstOrDefault(s => s.CohortId == cohort) is { } row
            ? ConfirmRemoval(text["Settings_SignatureOf", row.CohortName], row.HasSignature, $"/settings/certificates/signatures/{cohort}/remove")
            : NotFound();

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

    private ViewResult ConfirmRemoval(string image, bool present, string postUrl) => View("ConfirmDelete", new DeleteConfirmation(
        text["Settings_RemoveTitle"], [new(text["Settings_Title"], "/settings/certificates"), new(text["Settings_RemoveTitle"])],
        text["Settings_RemoveQuestion", image], present ? null : text["Settings_NoImage", image].Value, postUrl, 0, "/settings/certificates", text["Settings_Remove"]));

    private async Task<IActionResult> RemoveAsync(string key, CancellationToken cancellationToken)
    {
        TempData["Notice"] = await artwork.RemoveAsync(key, cancellationToken) ? text["Notice_ArtworkRemoved"].Value : null;
        return RedirectToAction(nameof(Index));
    }
}
