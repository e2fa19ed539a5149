using ChampionPortal.Web.Features.Resources;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Dissemination;

/// <summary>Stakeholders and disseminations of the workshop's material. RegionalStaff and Administrators.</summary>
[Route("dissemination")]
[Authorize(Policy = Policies.ManageCohorts)]
public sealed class DisseminationController(DisseminationService dissemination, IStringLocalizer<DisseminationResources> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? cohort, CancellationToken cancellationToken) =>
        await dissemination.PageAsync(User, cohort, null, cancellationToken: cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{cohortId:int}")]
    public async Task<IActionResult> Send(int cohortId, DisseminationForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await dissemination.PageAsync(User, cohortId, null, form, cancellationToken) is { } page ? View("Index", page) : NotFound();
        }

        var (recipients, error) = await dissemination.SendAsync(cohortId, form, cancellationToken);
        TempData["Notice"] = error is null ? text["Notice_Sent", recipients].Value : text[error].Value;
        return Redirect($"/dissemination?cohort={cohortId}");
    }

    [HttpPost("{cohortId:int}/stakeholders")]
    public async Task<IActionResult> AddStakeholder(int cohortId, StakeholderForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && !await dissemination.AddStakeholderAsync(form, cancellationToken))
        {
            ModelState.AddModelError("", text["Error_UnknownCountry"]);
        }

        if (!ModelState.IsValid)
        {
            return await dissemination.PageAsync(User, cohortId, form, cancellationToken: cancellationToken) is { } page ? View("Index", page) : NotFound();
        }

        TempData["Notice"] = text["Notice_StakeholderAdded"].Value;
        return Redirect($"/dissemination?cohort={cohortId}");
    }

    [HttpGet("{cohortId:int}/stakeholders/{id:int}/delete")]
    public async Task<IActionResult> ConfirmDeleteStakeholder(int cohortId, int id, CancellationToken cancellationToken) =>
        await dissemination.StakeholderAsync(id, cancellationToken) is { } s
            ? View("ConfirmDelete", new DeleteConfirmation(
                text["Stakeholder_DeleteTitle"], [new(text["Title"], $"/dissemination?cohort={cohortId}"), new(s.Organization)],
                text["Stakeholder_DeleteQuestion", s.Organization, s.ContactName], null, $"/dissemination/{cohortId}/stakeholders/{id}/delete", 0, $"/dissemination?cohort={cohortId}"))
            : NotFound();

    [HttpPost("{cohortId:int}/stakeholders/{id:int}/delete")]
    public async Task<IActionResult> DeleteStakeholder(int cohortId, int id, CancellationToken cancellationToken) =>
        await dissemination.DeleteStakeholderAsync(id, cancellationToken) ? Redirect($"/dissemination?cohort={cohortId}") : NotFound();
}

/// <summary>A recipient's personal link to the material sent to them. No sign-in; rate-limited like RSVP.</summary>
[Route("material/{token}"), AllowAnonymous, EnableRateLimiting(RateLimits.PublicLinks)]
public sealed class MaterialController(DisseminationService dissemination) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string token, CancellationToken cancellationToken) =>
        await dissemination.MaterialAsync(token, cancellationToken) is { } page ? View("Material", page) : NotFound();

    [HttpGet("publications/{id:int}")]
    public async Task<IActionResult> Publication(string token, int id, CancellationToken cancellationToken) =>
        await dissemination.PublicationForAsync(token, id, cancellationToken) is { } pdf ? File(pdf.Pdf, "application/pdf", pdf.FileName) : NotFound();

    [HttpGet("resources/{id:int}")]
    public async Task<IActionResult> Resource(string token, int id, CancellationToken cancellationToken) =>
        await dissemination.ResourceForAsync(token, id, cancellationToken) is { } download ? new ResourceDownloadResult(download) : NotFound();
}
