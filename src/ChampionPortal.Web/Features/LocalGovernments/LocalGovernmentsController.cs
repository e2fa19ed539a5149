using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Tabular;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.LocalGovernments;

/// <summary>
/// Local governments for RegionalStaff and Administrators (all countries) and CountryOffice users (their own).
/// Every action that takes an id checks the record's country; another country's record answers 404.
/// </summary>
[Route("local-governments")]
[Authorize(Policy = Policies.ManageLocalGovernments)]
public sealed class LocalGovernmentsController(
    LocalGovernmentService governments, IStringLocalizer<LocalGovernmentsResources> text) : RecordController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(LocalGovernmentListQuery query, CancellationToken cancellationToken) =>
        View(await governments.ListAsync(query, User.CountryScope(), cancellationToken));

    [HttpGet("export")]
    public async Task<IActionResult> Export(LocalGovernmentListQuery query, TabularFormat format, CancellationToken cancellationToken)
    {
        var (content, contentType, fileName) = TabularFile.Write(await governments.ExportAsync(query, User.CountryScope(), cancellationToken), format, "local-governments");
        return File(content, contentType, fileName);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var details = await governments.FindAsync(id, cancellationToken);
        return await InScopeAsync(details) ? View(details) : NotFound();
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await governments.NewEditorAsync(User.CountryScope(), cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> Create(LocalGovernmentForm form, CancellationToken cancellationToken)
    {
        if (form.CountryCode is not null && !User.CountryScope().Allows(form.CountryCode))
        {
            ModelState.AddFieldError(nameof(form.CountryCode), text["Error_CountryOutOfScope"]);
        }

        if (!ModelState.IsValid)
        {
            return View("Edit", await governments.EditorAsync(null, form, User.CountryScope(), cancellationToken: cancellationToken));
        }

        var id = await governments.CreateAsync(form, cancellationToken);
        TempData["Notice"] = text["Notice_Created"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var details = await governments.FindAsync(id, cancellationToken);
        return await InScopeAsync(details)
            ? View(await governments.EditorAsync(id, LocalGovernmentService.FormFrom(details!), User.CountryScope(), cancellationToken: cancellationToken))
            : NotFound();
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, LocalGovernmentForm form, CancellationToken cancellationToken)
    {
        if (!await InScopeAsync(await governments.FindAsync(id, cancellationToken)))
        {
            return NotFound();
        }

        if (form.CountryCode is not null && !User.CountryScope().Allows(form.CountryCode))
        {
            ModelState.AddFieldError(nameof(form.CountryCode), text["Error_CountryOutOfScope"]);
        }

        if (ModelState.IsValid)
        {
            switch (await governments.UpdateAsync(id, form, cancellationToken))
            {
                case SaveOutcome.Saved:
                    TempData["Notice"] = text["Notice_Saved"].Value;
                    return RedirectToAction(nameof(Details), new { id });
                case SaveOutcome.NotFound:
                    return NotFound();
                case SaveOutcome.Conflict:
                    var current = await governments.FindAsync(id, cancellationToken);
                    if (current is null)
                    {
                        return NotFound();
                    }

                    await ShowConflictAsync(form, current.Version, text["Error_Conflict"], nameof(Domain.LocalGovernment), id);
                    return View(await governments.EditorAsync(id, form, User.CountryScope(), current, cancellationToken));
            }
        }

        return View(await governments.EditorAsync(id, form, User.CountryScope(), cancellationToken: cancellationToken));
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var details = await governments.FindAsync(id, cancellationToken);
        return await InScopeAsync(details) ? View("ConfirmDelete", Confirmation(details!)) : NotFound();
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, int version, CancellationToken cancellationToken)
    {
        var details = await governments.FindAsync(id, cancellationToken);
        if (!await InScopeAsync(details))
        {
            return NotFound();
        }

        return await AfterDeleteAsync(
            await governments.DeleteAsync(id, version, cancellationToken), text["Notice_Deleted", details!.Name], "/local-governments",
            () => governments.FindAsync(id, cancellationToken), Confirmation, text["Error_HasDependents", details.AuthorityCount], text["Error_DeleteConflict"]);
    }

    private DeleteConfirmation Confirmation(LocalGovernmentDetails details) => new(
        text["Delete_Title"],
        [new(text["List_Title"], "/local-governments"), new(details.Name, $"/local-governments/{details.Id}"), new(text["Delete_Title"])],
        text["Delete_Confirm", details.Name],
        details.AuthorityCount > 0 ? text["Error_HasDependents", details.AuthorityCount].Value : null,
        $"/local-governments/{details.Id}/delete",
        details.Version,
        $"/local-governments/{details.Id}");

}
