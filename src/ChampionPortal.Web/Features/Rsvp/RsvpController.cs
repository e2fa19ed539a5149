using ChampionPortal.Web.Features.Invitations;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ChampionPortal.Web.Features.Rsvp;

/// <summary>The page a personal invitation link opens, without sign-in. Rate-limited per client address.</summary>
[Route("rsvp"), AllowAnonymous, EnableRateLimiting(RateLimits.PublicLinks)]
public sealed class RsvpController(RsvpService rsvp) : Controller
{
    [HttpGet("{token}")]
    public async Task<IActionResult> Open(string token, CancellationToken cancellationToken)
    {
        var page = await rsvp.RsvpAsync(token, cancellationToken);
        ViewData["CheckInUrl"] = $"/check-in/invitation/{token}";
        return page.State == RsvpState.Open ? View("Open", page) : Closed(new RsvpAnswer(page.State, Recorded: false, page.Status, page.AnsweredAtUtc) { Calendar = page.Calendar });
    }

    [HttpPost("{token}")]
    public async Task<IActionResult> Answer(string token, bool accept, string? comment, bool consent, CancellationToken cancellationToken)
    {
        var answer = await rsvp.AnswerAsync(token, accept, comment, consent, cancellationToken);
        if (!answer.Recorded)
        {
            // Answering again (with the same answer or the other) changes nothing: the page says which answer stands.
            ViewData["CheckInUrl"] = $"/check-in/invitation/{token}";
            return Closed(answer);
        }

        return View("Thanks", answer);
    }

    private ViewResult Closed(RsvpAnswer answer)
    {
        Response.StatusCode = answer.State == RsvpState.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return View("Closed", answer);
    }
}
