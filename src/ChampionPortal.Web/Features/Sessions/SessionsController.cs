using ChampionPortal.Web.Features.Cohorts;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Sessions;

/// <summary>Sessions of the launch forum and the workshop. RegionalStaff and Administrators only.</summary>
[Route("sessions")]
[Authorize(Policy = Policies.ManageCohorts)]
public sealed class SessionsController(SessionService sessions, IStringLocalizer<CohortsResources> text) : RecordController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(SessionListQuery query, CancellationToken cancellationToken) =>
        View(await sessions.ListAsync(query, cancellationToken));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        await sessions.FindAsync(id, cancellationToken) is { } details ? View(details) : NotFound();

    [HttpGet("new")]
    public async Task<IActionResult> Create(int @event, CancellationToken cancellationToken) =>
        await sessions.NewEditorAsync(@event, cancellationToken) is { } editor ? View("Edit", editor) : NotFound();

    [HttpPost("new")]
    public async Task<IActionResult> Create(SessionForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await sessions.CodeTakenAsync(form.EventId!.Value, form.Code!, null, cancellationToken))
        {
            ModelState.AddFieldError(nameof(form.Code), text["Error_SessionCodeTaken"]);
        }

        if (!ModelState.IsValid)
        {
            return await sessions.EditorAsync(null, form, cancellationToken) is { } editor ? View("Edit", editor) : NotFound();
        }

        var id = await sessions.CreateAsync(form, cancellationToken);
        TempData["Notice"] = text["Notice_SessionCreated"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await sessions.FindAsync(id, cancellationToken) is { } details
            ? View(new SessionEditor(id, SessionService.FormFrom(details), details.EventName, details.CohortId))
            : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, SessionForm form, CancellationToken cancellationToken)
    {
        if (await sessions.FindAsync(id, cancellationToken) is not { } current)
        {
            return NotFound();
        }

        form.EventId = current.EventId;
        if (ModelState.IsValid && await sessions.CodeTakenAsync(current.EventId, form.Code!, id, cancellationToken))
        {
            ModelState.AddFieldError(nameof(form.Code), text["Error_SessionCodeTaken"]);
        }

        return await SaveEditAsync(
                nameof(Domain.Session), id, form, () => sessions.UpdateAsync(id, form, cancellationToken),
                async () => (await sessions.FindAsync(id, cancellationToken))?.Version, text["Notice_Saved"], text["Error_Conflict"])
            ?? View(new SessionEditor(id, form, current.EventName, current.CohortId));
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await sessions.FindAsync(id, cancellationToken) is { } details ? View("ConfirmDelete", Confirmation(details)) : NotFound();

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, int version, CancellationToken cancellationToken)
    {
        if (await sessions.FindAsync(id, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        return await AfterDeleteAsync(
            await sessions.DeleteAsync(id, version, cancellationToken), text["Notice_Deleted"], $"/events/{details.EventId}",
            () => sessions.FindAsync(id, cancellationToken), Confirmation, text["Session_HasRecords"], text["Error_Conflict"]);
    }

    private DeleteConfirmation Confirmation(SessionDetails details) => new(
        text["Session_DeleteTitle"],
        [new(text["Sessions_Title"], "/sessions"), new(details.Code, $"/sessions/{details.Id}"), new(text["Session_DeleteTitle"])],
        text["Session_DeleteQuestion", details.DisplayTitle],
        details.HasRecords ? text["Session_HasRecords"].Value : null,
        $"/sessions/{details.Id}/delete",
        details.Version,
        $"/sessions/{details.Id}");
}
