using ChampionPortal.Web.Infrastructure.Auth;
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
    LocalGovernmentService governments, IAuthorizationService authorization, IStringLocalizer<LocalGovernmentsResources> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(LocalGovernmentListQuery query, CancellationToken cancellationToken) =>
        View(await governments.ListAsync(query, User.CountryScope(), cancellationToken));

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
            ModelState.AddModelError(nameof(form.CountryCode), text["Error_CountryOutOfScope"]);
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
            ModelState.AddModelError(nameof(form.CountryCode), text["Error_CountryOutOfScope"]);
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

                    ModelState.AddModelError("", text["Error_Conflict"]);
                    ModelState.Remove(nameof(form.Version));
                    form.Version = current.Version;
                    return View(await governments.EditorAsync(id, form, User.CountryScope(), current, cancellationToken));
            }
        }

        return View(await governments.EditorAsync(id, form, User.CountryScope(), cancellationToken: cancellationToken));
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var details = await governments.FindAsync(id, cancellationToken);
        return await InScopeAsync(details) ? View(new LocalGovernmentDeletion(details!, details!.AuthorityCount > 0)) : NotFound();
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, int version, CancellationToken cancellationToken)
    {
        var details = await governments.FindAsync(id, cancellationToken);
        if (!await InScopeAsync(details))
        {
            return NotFound();
        }

        switch (await governments.DeleteAsync(id, version, cancellationToken))
        {
            case SaveOutcome.Saved:
                TempData["Notice"] = text["Notice_Deleted", details!.Name].Value;
                return RedirectToAction(nameof(Index));
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.HasDependents:
                ModelState.AddModelError("", text["Error_HasDependents", details!.AuthorityCount]);
                return View(new LocalGovernmentDeletion(details, true));
            default:
                var current = await governments.FindAsync(id, cancellationToken);
                if (current is null)
                {
                    return NotFound();
                }

                ModelState.AddModelError("", text["Error_DeleteConflict"]);
                return View(new LocalGovernmentDeletion(current, current.AuthorityCount > 0));
        }
    }

    private async Task<bool> InScopeAsync(LocalGovernmentDetails? details) =>
        details is not null && (await authorization.AuthorizeAsync(User, details, Policies.CountryScope)).Succeeded;
}
