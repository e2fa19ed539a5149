using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Invitations;

/// <summary>The invitation board of a cohort. Regional staff invite and manage; country offices follow their country, read-only.</summary>
[Route("invitations")]
[Authorize(Policy = Policies.ViewNominations)]
public sealed class InvitationsController(InvitationService invitations, IStringLocalizer<InvitationsResources> text, TimeProvider clock) : RecordController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? cohort, string? country, InvitationStatus? status, CancellationToken cancellationToken) =>
        await invitations.BoardAsync(User, cohort, country, status, cancellationToken) is { } board ? View(board) : NotFound();

    /// <summary>First shows whom the invitations go to; only the confirmed form sends them.</summary>
    [HttpPost("invite"), Authorize(Policy = Policies.ReviewNominations)]
    public async Task<IActionResult> Invite(int cohort, List<int> nominationIds, DateOnly expiresOn, bool confirmed, CancellationToken cancellationToken)
    {
        if (nominationIds.Count == 0 || expiresOn < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            TempData["Notice"] = text["Error_InviteNothing"].Value;
            return Redirect($"/invitations?cohort={cohort}");
        }

        if (!confirmed)
        {
            ViewData["Cohort"] = cohort;
            ViewData["ExpiresOn"] = expiresOn;
            return View("ConfirmInvite", await invitations.SelectedAsync(cohort, nominationIds, cancellationToken));
        }

        TempData["Notice"] = text["Notice_Invited", await invitations.InviteAsync(cohort, nominationIds, expiresOn, cancellationToken)].Value;
        return Redirect($"/invitations?cohort={cohort}");
    }

    [HttpPost("remind"), Authorize(Policy = Policies.ReviewNominations)]
    public async Task<IActionResult> Remind(int cohort, CancellationToken cancellationToken)
    {
        TempData["Notice"] = text["Notice_Reminded", await invitations.RemindAsync(cohort, cancellationToken)].Value;
        return Redirect($"/invitations?cohort={cohort}");
    }

    [HttpPost("{id:int}/{operation:regex(^(resend|revoke|extend)$)}"), Authorize(Policy = Policies.ReviewNominations)]
    public async Task<IActionResult> Change(int id, string operation, int cohort, DateOnly? expiresOn, bool confirmed, CancellationToken cancellationToken)
    {
        var invitation = await invitations.FindAsync(id, cancellationToken);
        if (!await InScopeAsync(invitation))
        {
            return NotFound();
        }

        // Revoking closes the person's link for good: it is shown first with what it does, and only the confirmed form revokes.
        if (operation == "revoke" && !confirmed)
        {
            return View("ConfirmRevoke", new InvitationRevokeConfirmation(id, cohort, invitation!.AuthorityName));
        }

        var done = operation switch
        {
            "resend" => await invitations.ResendAsync(id, cancellationToken),
            "revoke" => await invitations.RevokeAsync(id, cancellationToken),
            _ => expiresOn is { } date && await invitations.ExtendAsync(id, date, cancellationToken),
        };
        TempData["Notice"] = text[done ? "Notice_" + operation : "Error_NotApplicable"].Value;
        return Redirect($"/invitations?cohort={cohort}");
    }
}
