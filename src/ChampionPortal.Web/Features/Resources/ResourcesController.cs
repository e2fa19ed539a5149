using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Resources;

/// <summary>The resource library: public resources for anyone, the rest for signed-in users; RegionalStaff manage it.</summary>
[Route("resources")]
public sealed class ResourcesController(ResourceService resources, IStringLocalizer<ResourcesResources> text) : Controller
{
    [HttpGet(""), AllowAnonymous]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await resources.LibraryAsync(User, null, cancellationToken));

    // Well above the configured limit, so that an oversized file reaches the check and is refused with a message.
    [HttpPost(""), Authorize(Policy = Policies.ManageCohorts), RequestSizeLimit(256 * 1024 * 1024)]
    public async Task<IActionResult> Add(ResourceForm form, IFormFile? file, CancellationToken cancellationToken)
    {
        if (form.ResourceId is not null)
        {
            ModelState.Remove("form.Title");
        }

        var error = ModelState.IsValid ? await resources.AddAsync(form, file, cancellationToken) : "";
        if (error is null)
        {
            TempData["Notice"] = text["Notice_Added"].Value;
            return RedirectToAction(nameof(Index));
        }

        if (error.Length > 0)
        {
            ModelState.AddModelError("", text[error, resources.MaxBytes / (1024 * 1024)]);
        }

        return View("Index", await resources.LibraryAsync(User, form, cancellationToken));
    }

    [HttpGet("{id:int}/{language}"), AllowAnonymous]
    public async Task<IActionResult> Download(int id, string language, CancellationToken cancellationToken)
    {
        if (await resources.DownloadAsync(User, id, language, cancellationToken) is not { } download)
        {
            return NotFound();
        }

        return new ResourceDownloadResult(download);
    }

    [HttpGet("{id:int}/delete"), Authorize(Policy = Policies.ManageCohorts)]
    public async Task<IActionResult> ConfirmDelete(int id, CancellationToken cancellationToken) =>
        await resources.TitleAsync(id, cancellationToken) is { } title
            ? View("ConfirmDelete", new DeleteConfirmation(
                text["Delete_Title"], [new(text["Title"], "/resources"), new(title)], text["Delete_Question", title], null, $"/resources/{id}/delete", 0, "/resources"))
            : NotFound();

    [HttpPost("{id:int}/delete"), Authorize(Policy = Policies.ManageCohorts)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        if (!await resources.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = text["Notice_Deleted"].Value;
        return RedirectToAction(nameof(Index));
    }
}
