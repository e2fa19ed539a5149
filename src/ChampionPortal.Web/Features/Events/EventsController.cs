using ChampionPortal.Web.Features.Cohorts;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Events;

/// <summary>The stages of a cohort: the launch forum and the workshop. RegionalStaff and Administrators only.</summary>
[Route("events")]
[Authorize(Policy = Policies.ManageCohorts)]
public sealed class EventsController(EventService events, IStringLocalizer<CohortsResources> text) : RecordController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(EventListQuery query, CancellationToken cancellationToken) =>
        View(await events.ListAsync(query, cancellationToken));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        await events.FindAsync(id, cancellationToken) is { } details ? View(details) : NotFound();

    [HttpGet("new")]
    public async Task<IActionResult> Create(int? cohort, CancellationToken cancellationToken) =>
        View("Edit", await events.EditorAsync(null, new EventForm
        {
            CohortId = cohort,
            Kind = Domain.EventKind.LaunchForum,
            DefaultTimeZone = "America/Argentina/Buenos_Aires",
        }, cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> Create(EventForm form, CancellationToken cancellationToken)
    {
        if (form.CohortId is { } cohortId && !await events.CohortExistsAsync(cohortId, cancellationToken))
        {
            ModelState.AddFieldError(nameof(form.CohortId), text["Error_UnknownCohort"]);
        }

        if (!ModelState.IsValid)
        {
            return View("Edit", await events.EditorAsync(null, form, cancellationToken));
        }

        var id = await events.CreateAsync(form, cancellationToken);
        TempData["Notice"] = text["Notice_EventCreated"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await events.FindAsync(id, cancellationToken) is { } details
            ? View(await events.EditorAsync(id, EventService.FormFrom(details), cancellationToken))
            : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, EventForm form, CancellationToken cancellationToken)
    {
        return await SaveEditAsync(
                nameof(Domain.Event), id, form, () => events.UpdateAsync(id, form, cancellationToken),
                async () => (await events.FindAsync(id, cancellationToken))?.Version, text["Notice_Saved"], text["Error_Conflict"])
            ?? View(await events.EditorAsync(id, form, cancellationToken));
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await events.FindAsync(id, cancellationToken) is { } details ? View("ConfirmDelete", Confirmation(details)) : NotFound();

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, int version, CancellationToken cancellationToken) => await AfterDeleteAsync(
        await events.DeleteAsync(id, version, cancellationToken), text["Notice_Deleted"], "/events",
        () => events.FindAsync(id, cancellationToken), Confirmation, text["Error_EventHasSessions"], text["Error_Conflict"]);

    private DeleteConfirmation Confirmation(EventDetails details) => new(
        text["Event_DeleteTitle"],
        [new(text["Events_Title"], "/events"), new(details.DisplayName, $"/events/{details.Id}"), new(text["Event_DeleteTitle"])],
        text["Event_DeleteQuestion", details.DisplayName],
        details.Sessions.Count > 0 ? text["Error_EventHasSessions"].Value : null,
        $"/events/{details.Id}/delete",
        details.Version,
        $"/events/{details.Id}");
}
