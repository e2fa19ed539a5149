using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Mapping;

/// <summary>
/// The management mapping. Every signed-in role may ask; the service decides per local government: staff edit all,
/// an authority edits its own local government's, a country office reads its country's, anyone else gets 404.
/// </summary>
[Route("mapping")]
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Infrastructure.Auth.Policies.WorkshopOutputs)]
public sealed class MappingController(MappingService mapping, IStringLocalizer<MappingResources> text) : RecordController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? cohort, CancellationToken cancellationToken) =>
        await mapping.IndexAsync(User, cohort, cancellationToken) is { } page ? View(page) : View("NoCohort");

    [HttpGet("coverage")]
    public async Task<IActionResult> Coverage(int? cohort, CoverageBy by, CancellationToken cancellationToken) =>
        await mapping.CoverageAsync(User, cohort, by, cancellationToken) is { } page ? View(page) : View("NoCohort");

    [HttpGet("{cohortId:int}/{localGovernmentId:int}")]
    public async Task<IActionResult> Government(int cohortId, int localGovernmentId, CancellationToken cancellationToken) =>
        await mapping.GovernmentAsync(User, cohortId, localGovernmentId, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpGet("{cohortId:int}/{localGovernmentId:int}/new")]
    public async Task<IActionResult> Create(int cohortId, int localGovernmentId, CancellationToken cancellationToken) =>
        await mapping.NewEditorAsync(User, cohortId, localGovernmentId, new LocalActionForm(), cancellationToken) is { } editor ? View("Edit", editor) : NotFound();

    [HttpPost("{cohortId:int}/{localGovernmentId:int}/new")]
    public async Task<IActionResult> Create(int cohortId, int localGovernmentId, LocalActionForm form, CancellationToken cancellationToken)
    {
        if (await mapping.NewEditorAsync(User, cohortId, localGovernmentId, form, cancellationToken) is not { } editor)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("Edit", editor);
        }

        await mapping.CreateAsync(cohortId, localGovernmentId, form, cancellationToken);
        TempData["Notice"] = text["Notice_ActionSaved"].Value;
        return Redirect($"/mapping/{cohortId}/{localGovernmentId}");
    }

    [HttpGet("actions/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await mapping.EditorAsync(User, id, null, cancellationToken) is { } editor ? View(editor) : NotFound();

    [HttpPost("actions/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, LocalActionForm form, CancellationToken cancellationToken)
    {
        if (await mapping.EditorAsync(User, id, form, cancellationToken) is not { } editor)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            switch (await mapping.UpdateAsync(id, form, cancellationToken))
            {
                case SaveOutcome.Saved:
                    TempData["Notice"] = text["Notice_ActionSaved"].Value;
                    return Redirect($"/mapping/{editor.CohortId}/{editor.LocalGovernmentId}");
                case SaveOutcome.NotFound:
                    return NotFound();
                default:
                    await ShowConflictAsync(form, (await mapping.EditorAsync(User, id, null, cancellationToken))?.Form.Version, text["Error_Conflict"], nameof(Domain.LocalAction), id);
                    break;
            }
        }

        return View(editor);
    }

    [HttpGet("actions/{id:int}/delete")]
    public async Task<IActionResult> ConfirmDelete(int id, CancellationToken cancellationToken) =>
        await mapping.EditorAsync(User, id, null, cancellationToken) is { } editor
            ? View("ConfirmDelete", new DeleteConfirmation(
                text["Action_DeleteTitle"],
                [new(text["Title"], $"/mapping?cohort={editor.CohortId}"), new(editor.LocalGovernmentName, $"/mapping/{editor.CohortId}/{editor.LocalGovernmentId}"), new(text["Action_DeleteTitle"])],
                text["Action_DeleteQuestion", editor.Form.Title!, editor.LocalGovernmentName], null, $"/mapping/actions/{id}/delete", editor.Form.Version,
                $"/mapping/{editor.CohortId}/{editor.LocalGovernmentId}"))
            : NotFound();

    [HttpPost("actions/{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, int version, CancellationToken cancellationToken)
    {
        if (await mapping.EditorAsync(User, id, null, cancellationToken) is not { } editor)
        {
            return NotFound();
        }

        TempData["Notice"] = await mapping.DeleteAsync(id, version, cancellationToken) == SaveOutcome.Saved ? text["Notice_ActionDeleted"].Value : text["Error_Conflict"].Value;
        return Redirect($"/mapping/{editor.CohortId}/{editor.LocalGovernmentId}");
    }
}
