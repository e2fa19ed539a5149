using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChampionPortal.Web.Features.Shared;

/// <summary>A form whose record is checked for concurrent edits.</summary>
public interface IVersionedForm
{
    int Version { get; set; }
}

/// <summary>What the management controllers do alike after an edit or a delete: say what happened, or why not.</summary>
public abstract class RecordController : Controller
{
    /// <summary>
    /// After a conflicting edit the form is shown again with the user's values over the current version, so that
    /// saving once more overwrites the other change knowingly.
    /// </summary>
    protected async Task ShowConflictAsync(IVersionedForm form, int? currentVersion, string message, string recordType, int id)
    {
        ModelState.AddModelError("", message);
        ModelState.ForgetField(nameof(IVersionedForm.Version));
        form.Version = currentVersion ?? form.Version;

        // The person deciding whether to save again sees what they would overwrite.
        ViewData[OtherChange.ViewDataKey] = await OtherChange.LatestAsync(
            HttpContext.RequestServices.GetRequiredService<Data.PortalDbContext>(), recordType, id, HttpContext.RequestAborted);
    }

    /// <summary>
    /// Saves a valid edit form and redirects to the record's details. Null when the form must be shown again: it was
    /// invalid, or someone else saved first (then the conflict is explained and the form carries the current version).
    /// </summary>
    protected async Task<IActionResult?> SaveEditAsync(
        string recordType, int id, IVersionedForm form, Func<Task<SaveOutcome>> save, Func<Task<int?>> currentVersion, string savedNotice, string conflictMessage)
    {
        if (!ModelState.IsValid)
        {
            return null;
        }

        switch (await save())
        {
            case SaveOutcome.Saved:
                TempData["Notice"] = savedNotice;
                return RedirectToAction("Details", new { id });
            case SaveOutcome.NotFound:
                return NotFound();
            default:
                await ShowConflictAsync(form, await currentVersion(), conflictMessage, recordType, id);
                return null;
        }
    }

    /// <summary>Whether the record is within the user's country scope; callers answer 404 when it is not.</summary>
    protected async Task<bool> InScopeAsync(ICountryScoped? record) =>
        record is not null && (await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>()
            .AuthorizeAsync(User, record, Policies.CountryScope)).Succeeded;

    protected async Task<IActionResult> AfterDeleteAsync<TDetails>(
        SaveOutcome outcome, string deletedNotice, string nextUrl, Func<Task<TDetails?>> reload, Func<TDetails, DeleteConfirmation> confirmation,
        string hasDependentsError, string conflictError)
        where TDetails : class
    {
        if (outcome == SaveOutcome.Saved)
        {
            TempData["Notice"] = deletedNotice;
            return Redirect(nextUrl);
        }

        if (await reload() is not { } details)
        {
            return NotFound();
        }

        // The record as it is now says best why it cannot go (something came to refer to it since the page was opened).
        var page = confirmation(details);
        ModelState.AddModelError("", outcome == SaveOutcome.HasDependents ? page.BlockedReason ?? hasDependentsError : conflictError);
        return View("ConfirmDelete", page);
    }
}
