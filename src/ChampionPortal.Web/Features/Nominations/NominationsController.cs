using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Tabular;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Nominations;

/// <summary>
/// Country offices nominate authorities of their own country; regional staff review. Every action that takes an id
/// checks the nomination's country; another country's nomination answers 404.
/// </summary>
[Route("nominations")]
[Authorize(Policy = Policies.ViewNominations)]
public sealed class NominationsController(
    NominationOverview nominations, NominationSubmission submissions, NominationReview reviews, IStringLocalizer<NominationsResources> text) : RecordController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(NominationListQuery query, CancellationToken cancellationToken) =>
        View(await nominations.ListAsync(query, User.CountryScope(), cancellationToken));

    [HttpGet("export")]
    public async Task<IActionResult> Export(NominationListQuery query, TabularFormat format, CancellationToken cancellationToken)
    {
        var (content, contentType, fileName) = TabularFile.Write(await nominations.ExportAsync(query, User.CountryScope(), cancellationToken), format, "nominations");
        return File(content, contentType, fileName);
    }

    [HttpGet("overview")]
    public async Task<IActionResult> Overview(int cohort, CancellationToken cancellationToken) =>
        await nominations.OverviewAsync(cohort, User.CountryScope(), cancellationToken) is { } overview ? View(overview) : NotFound();

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var details = await nominations.FindAsync(id, cancellationToken);
        return await InScopeAsync(details) ? View(await nominations.PageAsync(details!, cancellationToken)) : NotFound();
    }

    [HttpGet("new"), Authorize(Policy = Policies.Nominate)]
    public async Task<IActionResult> Create(int? cohort, CancellationToken cancellationToken) =>
        View("Edit", await submissions.EditorAsync(null, NominationForm.Blank(cohort), OfficeCountry, cancellationToken: cancellationToken));

    [HttpPost("new"), Authorize(Policy = Policies.Nominate)]
    public async Task<IActionResult> Create(NominationForm form, CancellationToken cancellationToken)
    {
        var duplicates = ModelState.IsValid ? await submissions.DuplicatesAsync(form, OfficeCountry, cancellationToken) : [];
        if (duplicates.Any(d => d.SameEmail))
        {
            ModelState.AddFieldError(nameof(form.NewAuthorityEmail), text["Error_EmailTaken"]);
        }
        else if (duplicates.Count > 0 && !form.ConfirmNotDuplicate)
        {
            ModelState.AddModelError("", text["Error_PossibleDuplicate"]);
        }

        if (ModelState.IsValid)
        {
            var (change, id) = await submissions.CreateAsync(form, OfficeCountry, cancellationToken);
            if (change == NominationChange.Saved)
            {
                TempData["Notice"] = text[form.Submit ? "Notice_Submitted" : "Notice_DraftSaved"].Value;
                return RedirectToAction(nameof(Details), new { id });
            }

            if (change == NominationChange.NotFound)
            {
                return NotFound();
            }

            ModelState.AddModelError("", text["Error_" + change]);
        }

        return View("Edit", await submissions.EditorAsync(null, form, OfficeCountry, duplicates, cancellationToken));
    }

    [HttpGet("{id:int}/edit"), Authorize(Policy = Policies.Nominate)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var details = await nominations.FindAsync(id, cancellationToken);
        if (!await InScopeAsync(details))
        {
            return NotFound();
        }

        return details!.OpenToOffice
            ? View(await submissions.EditorAsync(id, NominationSubmission.FormFrom(details), OfficeCountry, cancellationToken: cancellationToken))
            : RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:int}/edit"), Authorize(Policy = Policies.Nominate)]
    public async Task<IActionResult> Edit(int id, NominationForm form, CancellationToken cancellationToken)
    {
        var details = await nominations.FindAsync(id, cancellationToken);
        if (!await InScopeAsync(details))
        {
            return NotFound();
        }

        // The person of a nomination does not change; only the criteria, evidence and justification do.
        form.AuthorityId = details!.AuthorityId;
        form.CohortId = details.CohortId;
        ModelState.Clear();
        if (TryValidateModel(form, FormErrors.Prefix))
        {
            switch (await submissions.UpdateAsync(id, form, cancellationToken))
            {
                case NominationChange.Saved:
                    TempData["Notice"] = text[form.Submit ? "Notice_Submitted" : "Notice_DraftSaved"].Value;
                    return RedirectToAction(nameof(Details), new { id });
                case NominationChange.Conflict:
                    await ShowConflictAsync(form, (await nominations.FindAsync(id, cancellationToken))?.Version, text["Error_Conflict"], nameof(Domain.Nomination), id);
                    break;
                default:
                    ModelState.AddModelError("", text["Error_NotAllowedNow"]);
                    break;
            }
        }

        return View(await submissions.EditorAsync(id, form, OfficeCountry, cancellationToken: cancellationToken));
    }

    [HttpGet("{id:int}/withdraw"), Authorize(Policy = Policies.Nominate)]
    public async Task<IActionResult> ConfirmWithdraw(int id, CancellationToken cancellationToken)
    {
        var details = await nominations.FindAsync(id, cancellationToken);
        return await InScopeAsync(details)
            ? View("ConfirmDelete", new DeleteConfirmation(
                text["Withdraw_Title"],
                [new(text["List_Title"], $"/nominations?cohort={details!.CohortId}"), new(details.AuthorityName, $"/nominations/{id}"), new(text["Withdraw_Title"])],
                text["Withdraw_Question", details.AuthorityName, details.CohortName], details.OpenToOffice ? null : text["Error_NotAllowedNow"].Value,
                $"/nominations/{id}/withdraw", details.Version, $"/nominations/{id}", text["Action_Withdraw"]))
            : NotFound();
    }

    [HttpPost("{id:int}/withdraw"), Authorize(Policy = Policies.Nominate)]
    public async Task<IActionResult> Withdraw(int id, int version, CancellationToken cancellationToken)
    {
        if (!await InScopeAsync(await nominations.FindAsync(id, cancellationToken)))
        {
            return NotFound();
        }

        TempData["Notice"] = text[await submissions.WithdrawAsync(id, version, cancellationToken) switch
        {
            NominationChange.Saved => "Notice_Withdrawn",
            NominationChange.Conflict => "Error_Conflict",
            _ => "Error_NotAllowedNow",
        }].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("review"), Authorize(Policy = Policies.ReviewNominations)]
    public async Task<IActionResult> Review(ReviewForm form, string? returnUrl, CancellationToken cancellationToken)
    {
        if (form.Ids.Count == 0)
        {
            TempData["Notice"] = text["Error_NothingSelected"].Value;
        }
        else if (!form.Approve && (!form.ConfirmReject || string.IsNullOrWhiteSpace(form.Comment) || !ModelState.IsValid))
        {
            // A rejection is confirmed on a page that names who is rejected, with the reason the country office will read.
            if (form.ConfirmReject && string.IsNullOrWhiteSpace(form.Comment))
            {
                ModelState.AddModelError(nameof(form.Comment), text["Error_RejectReasonRequired"]);
            }

            ViewData["ReturnUrl"] = returnUrl;
            return View("RejectConfirm", new RejectConfirmation(await reviews.SubmittedNamesAsync(form.Ids, cancellationToken), form));
        }
        else
        {
            var (reviewed, exceeded) = await reviews.ReviewAsync(form, cancellationToken);
            if (exceeded.Count > 0)
            {
                ViewData["ReturnUrl"] = returnUrl;
                return View("QuotaWarning", new QuotaWarning(exceeded, form));
            }

            TempData["Notice"] = text[form.Approve ? "Notice_Approved" : "Notice_Rejected", reviewed].Value;
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/nominations");
    }

    [HttpGet("quotas"), Authorize(Policy = Policies.ReviewNominations)]
    public async Task<IActionResult> Quotas(int cohort, CancellationToken cancellationToken) =>
        await nominations.OverviewAsync(cohort, CountryScope.AllCountries, cancellationToken) is { } overview ? View(overview) : NotFound();

    [HttpPost("quotas"), Authorize(Policy = Policies.ReviewNominations)]
    public async Task<IActionResult> Quotas(int cohort, Dictionary<string, int?> quota, CancellationToken cancellationToken)
    {
        if (await nominations.OverviewAsync(cohort, CountryScope.AllCountries, cancellationToken) is not { } overview)
        {
            return NotFound();
        }

        var valid = quota.Where(q => overview.Countries.Any(c => c.Code == q.Key) && q.Value is null or >= 0)
            .ToDictionary(q => q.Key, q => q.Value);
        await reviews.SetQuotasAsync(cohort, valid, cancellationToken);
        TempData["Notice"] = text["Notice_QuotasSaved"].Value;
        return Redirect($"/nominations/overview?cohort={cohort}");
    }

    private string OfficeCountry => User.CountryScope().OnlyCountry!;

}
