using ChampionPortal.Web.Features.Invitations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ChampionPortal.Web.Features.Rsvp;

/// <summary>The page a personal invitation link opens, without sign-in. Rate-limited per client address.</summary>
[Route("rsvp"), AllowAnonymous, EnableRateLimiting(RsvpRateLimit.Policy)]
public sealed class RsvpController(InvitationService invitations) : Controller
{
    [HttpGet("{token}")]
    public async Task<IActionResult> Open(string token, CancellationToken cancellationToken)
    {
        var page = await invitations.RsvpAsync(token, cancellationToken);
        ViewData["CheckInUrl"] = $"/check-in/invitation/{token}";
        return page.State == RsvpState.Open ? View("Open", page) : Closed(page.State);
    }

    [HttpPost("{token}")]
    public async Task<IActionResult> Answer(string token, bool accept, string? comment, bool consent, CancellationToken cancellationToken)
    {
        var (state, setPasswordUrl) = await invitations.AnswerAsync(token, accept, comment, consent, cancellationToken);
        if (state != RsvpState.Answered)
        {
            return Closed(state);
        }

        ViewData["SetPasswordUrl"] = setPasswordUrl;
        return View("Thanks", accept);
    }

    private ViewResult Closed(RsvpState state)
    {
        Response.StatusCode = state == RsvpState.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return View("Closed", state);
    }
}

public static class RsvpRateLimit
{
    public const string Policy = "rsvp";
}
