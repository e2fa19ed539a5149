using System.Globalization;
using System.Security.Claims;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ChampionPortal.Web.Features.CheckIn;

/// <summary>
/// Self check-in during a session's window with its short code (typed, or in the URL of the QR code shown on
/// screen), for a signed-in authority or for whoever holds the person's invitation link. Rate-limited like RSVP.
/// </summary>
[Route("check-in"), EnableRateLimiting(RateLimits.PublicLinks)]
public sealed class CheckInController(CheckInService checkIn) : Controller
{
    [HttpGet(""), AllowAnonymous]
    public IActionResult Index(string? code) => View("CheckIn", new CheckInPage(code, null, null));

    [HttpPost(""), Authorize(Policy = Policies.OwnCheckIn)]
    public async Task<IActionResult> CheckIn(string? code, CancellationToken cancellationToken)
    {
        if (!int.TryParse(User.FindFirstValue(PortalClaimTypes.Authority), NumberStyles.None, CultureInfo.InvariantCulture, out var authorityId))
        {
            return Forbid();
        }

        return View("CheckIn", new CheckInPage(code, null, await checkIn.CheckInAsync(authorityId, code, cancellationToken)));
    }

    [HttpGet("invitation/{token}"), AllowAnonymous]
    public async Task<IActionResult> WithInvitation(string token, string? code, CancellationToken cancellationToken) =>
        await checkIn.AuthorityOfInvitationAsync(token, cancellationToken) is null ? NotFound() : View("CheckIn", new CheckInPage(code, token, null));

    [HttpPost("invitation/{token}"), AllowAnonymous]
    public async Task<IActionResult> CheckInWithInvitation(string token, string? code, CancellationToken cancellationToken) =>
        await checkIn.AuthorityOfInvitationAsync(token, cancellationToken) is { } authorityId
            ? View("CheckIn", new CheckInPage(code, token, await checkIn.CheckInAsync(authorityId, code, cancellationToken)))
            : NotFound();
}
