using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.ReferenceData;

/// <summary>The GCM objectives and guiding principles, loaded from the reference files, corrected by Administrators.</summary>
[Route("reference-data")]
[Authorize(Policy = Policies.Administration)]
public sealed class ReferenceDataController(ReferenceDataService referenceData, IStringLocalizer<ReferenceDataResources> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await referenceData.OverviewAsync(cancellationToken));

    [HttpGet("{kind}/{number:int}/edit")]
    public async Task<IActionResult> Edit(ReferenceKind kind, int number, CancellationToken cancellationToken)
    {
        var form = await referenceData.FindAsync(kind, number, cancellationToken);
        return form is null ? NotFound() : View(new ReferenceTitleEditor(kind, number, form));
    }

    [HttpPost("{kind}/{number:int}/edit")]
    public async Task<IActionResult> Edit(ReferenceKind kind, int number, ReferenceTitleForm form, CancellationToken cancellationToken)
    {
        if (kind == ReferenceKind.Objective && new[] { form.ShortEn, form.ShortEs, form.ShortPt }.Any(string.IsNullOrWhiteSpace))
        {
            ModelState.AddModelError("", text["Error_ShortRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return View(new ReferenceTitleEditor(kind, number, form));
        }

        switch (await referenceData.UpdateAsync(kind, number, form, cancellationToken))
        {
            case SaveOutcome.Saved:
                TempData["Notice"] = text["Notice_Saved"].Value;
                return RedirectToAction(nameof(Index));
            case SaveOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError("", text["Error_Conflict"]);
                return View(new ReferenceTitleEditor(kind, number, form));
        }
    }
}
