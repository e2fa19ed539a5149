using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Eligibility;

/// <summary>A cohort's recognition rules, who is eligible and why, and staff's exceptions. RegionalStaff and Administrators.</summary>
[Route("cohorts/{cohortId:int}/eligibility")]
[Authorize(Policy = Policies.ManageCohorts)]
public sealed class EligibilityController(EligibilityService eligibility, IStringLocalizer<EligibilityResources> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int cohortId, CancellationToken cancellationToken) =>
        await eligibility.EvaluateAsync(cohortId, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("rules")]
    public async Task<IActionResult> SaveRules(int cohortId, RulesForm form, CancellationToken cancellationToken)
    {
        if (await eligibility.EvaluateAsync(cohortId, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("Index", page with { Rules = form });
        }

        await eligibility.SaveRulesAsync(cohortId, form, cancellationToken);
        TempData["Notice"] = text["Notice_RulesSaved"].Value;
        return RedirectToAction(nameof(Index), new { cohortId });
    }

    [HttpPost("people/{authorityId:int}")]
    public async Task<IActionResult> Decide(int cohortId, int authorityId, ExceptionForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            TempData["Notice"] = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return RedirectToAction(nameof(Index), new { cohortId });
        }

        var error = await eligibility.DecideAsync(cohortId, authorityId, form, cancellationToken);
        if (error == "Error_NotInvitee")
        {
            return NotFound();
        }

        TempData["Notice"] = error is null ? text["Notice_Decided"].Value : text[error].Value;
        return RedirectToAction(nameof(Index), new { cohortId });
    }
}
