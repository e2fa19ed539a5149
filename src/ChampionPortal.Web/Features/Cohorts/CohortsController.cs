using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Cohorts;

[Route("cohorts")]
[Authorize(Policy = Policies.ManageCohorts)]
public sealed class CohortsController(CohortService cohorts, IStringLocalizer<CohortsResources> text) : RecordController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CohortListQuery query, CancellationToken cancellationToken) =>
        View(await cohorts.ListAsync(query, cancellationToken));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        await cohorts.FindAsync(id, cancellationToken) is { } details ? View(details) : NotFound();

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new CohortEditor(null, new CohortForm { Status = Domain.CohortStatus.Planned }));

    [HttpPost("new")]
    public async Task<IActionResult> Create(CohortForm form, CancellationToken cancellationToken)
    {
        if (form.Code is not null && await cohorts.CodeTakenAsync(form.Code, null, cancellationToken))
        {
            ModelState.AddFieldError(nameof(form.Code), text["Error_CohortCodeTaken"]);
        }

        if (!ModelState.IsValid)
        {
            return View("Edit", new CohortEditor(null, form));
        }

        var id = await cohorts.CreateAsync(form, cancellationToken);
        TempData["Notice"] = text["Notice_CohortCreated"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await cohorts.FindAsync(id, cancellationToken) is { } details ? View(new CohortEditor(id, CohortService.FormFrom(details))) : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CohortForm form, CancellationToken cancellationToken)
    {
        if (form.Code is not null && await cohorts.CodeTakenAsync(form.Code, id, cancellationToken))
        {
            ModelState.AddFieldError(nameof(form.Code), text["Error_CohortCodeTaken"]);
        }

        return await SaveEditAsync(
                nameof(Domain.Cohort), id, form, () => cohorts.UpdateAsync(id, form, cancellationToken),
                async () => (await cohorts.FindAsync(id, cancellationToken))?.Version, text["Notice_Saved"], text["Error_Conflict"])
            ?? View(new CohortEditor(id, form));
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await cohorts.FindAsync(id, cancellationToken) is { } details ? View("ConfirmDelete", Confirmation(details)) : NotFound();

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, int version, CancellationToken cancellationToken) => await AfterDeleteAsync(
        await cohorts.DeleteAsync(id, version, cancellationToken), text["Notice_Deleted"], "/cohorts",
        () => cohorts.FindAsync(id, cancellationToken), Confirmation, text["Error_CohortHasEvents"], text["Error_Conflict"]);

    private DeleteConfirmation Confirmation(CohortDetails details) => new(
        text["Cohort_DeleteTitle"],
        [new(text["Cohorts_Title"], "/cohorts"), new(details.DisplayName, $"/cohorts/{details.Id}"), new(text["Cohort_DeleteTitle"])],
        text["Cohort_DeleteQuestion", details.DisplayName],
        details.Events.Count > 0 ? text["Error_CohortHasEvents"].Value : null,
        $"/cohorts/{details.Id}/delete",
        details.Version,
        $"/cohorts/{details.Id}");
}
