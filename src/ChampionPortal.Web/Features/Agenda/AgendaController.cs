using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Agenda;

/// <summary>Agenda items (every role, record by record) and their systematization (RegionalStaff and Administrators).</summary>
[Route("agenda")]
[Authorize(Policy = Policies.WorkshopOutputs)]
public sealed class AgendaController(AgendaService agenda, IStringLocalizer<AgendaResources> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? cohort, CancellationToken cancellationToken) =>
        await agenda.PageAsync(User, cohort, null, cancellationToken) is { } page ? View(page) : View("NoCohort");

    [HttpPost("{cohortId:int}/items")]
    public async Task<IActionResult> AddItem(int cohortId, AgendaItemForm form, CancellationToken cancellationToken)
    {
        if (!await agenda.MayAddItemsAsync(User, cancellationToken))
        {
            return Forbid();
        }

        var error = ModelState.IsValid ? await agenda.AddItemAsync(User, cohortId, form, cancellationToken) : "";
        if (error is null)
        {
            TempData["Notice"] = text["Notice_ItemAdded"].Value;
            return Redirect($"/agenda?cohort={cohortId}");
        }

        if (error.Length > 0)
        {
            ModelState.AddModelError("", text[error]);
        }

        return await agenda.PageAsync(User, cohortId, form, cancellationToken) is { } page ? View("Index", page) : NotFound();
    }

    [HttpGet("items/{id:int}/delete")]
    public async Task<IActionResult> ConfirmDeleteItem(int id, CancellationToken cancellationToken) =>
        await agenda.ItemAsync(User, id, cancellationToken) is { } item
            ? View("ConfirmDelete", new DeleteConfirmation(
                text["Item_DeleteTitle"], [new(text["Title"], $"/agenda?cohort={item.CohortId}"), new(text["Item_DeleteTitle"])], text["Item_DeleteQuestion", item.Text],
                item.Consolidated ? text["Item_DeleteConsolidated"].Value : null, $"/agenda/items/{id}/delete", 0, $"/agenda?cohort={item.CohortId}"))
            : NotFound();

    [HttpPost("items/{id:int}/delete")]
    public async Task<IActionResult> DeleteItem(int id, CancellationToken cancellationToken)
    {
        var (found, cohortId) = await agenda.DeleteItemAsync(User, id, cancellationToken);
        return found ? Redirect($"/agenda?cohort={cohortId}") : NotFound();
    }

    [HttpGet("{cohortId:int}/systematize"), Authorize(Policy = Policies.ManageCohorts)]
    public async Task<IActionResult> Systematize(int cohortId, CancellationToken cancellationToken) =>
        await agenda.SystematizationAsync(cohortId, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{cohortId:int}/themes"), Authorize(Policy = Policies.ManageCohorts)]
    public async Task<IActionResult> AddTheme(int cohortId, string? name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            TempData["Notice"] = text["Error_ThemeName"].Value;
        }
        else
        {
            await agenda.AddThemeAsync(cohortId, name, cancellationToken);
        }

        return Redirect($"/agenda/{cohortId}/systematize");
    }

    [HttpPost("{cohortId:int}/entries"), Authorize(Policy = Policies.ManageCohorts)]
    public async Task<IActionResult> Merge(int cohortId, MergeForm form, CancellationToken cancellationToken)
    {
        var error = await agenda.MergeAsync(cohortId, form, cancellationToken);
        TempData["Notice"] = error is null ? text["Notice_Merged", form.ItemIds.Count].Value : text[error].Value;
        return Redirect($"/agenda/{cohortId}/systematize");
    }

    [HttpPost("{cohortId:int}/entries/{id:int}"), Authorize(Policy = Policies.ManageCohorts)]
    public async Task<IActionResult> UpdateEntry(int cohortId, int id, EntryForm form, CancellationToken cancellationToken)
    {
        var outcome = await agenda.UpdateEntryAsync(cohortId, id, form, cancellationToken);
        if (outcome == SaveOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["Notice"] = outcome == SaveOutcome.Saved ? text["Notice_EntrySaved"].Value : text["Error_EntryConflict"].Value;
        return Redirect($"/agenda/{cohortId}/systematize");
    }

    [HttpPost("{cohortId:int}/entries/{id:int}/release"), Authorize(Policy = Policies.ManageCohorts)]
    public async Task<IActionResult> Release(int cohortId, int id, CancellationToken cancellationToken) =>
        await agenda.ReleaseEntryAsync(cohortId, id, cancellationToken) ? Redirect($"/agenda/{cohortId}/systematize") : NotFound();
}
