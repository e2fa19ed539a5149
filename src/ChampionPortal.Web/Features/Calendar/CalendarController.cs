using System.Globalization;
using System.Security.Claims;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Calendar;

/// <summary>
/// Calendar files: the personal feed and single sessions through the feed's token (no sign-in: calendar programs
/// cannot sign in), a signed-in person's own sessions, and the feed address's replacement and stop.
/// </summary>
[Route("calendar")]
public sealed class CalendarController(CalendarService calendar, IStringLocalizer<CalendarResources> text) : Controller
{
    private const string ContentType = "text/calendar; charset=utf-8";

    [HttpGet("{token}.ics"), AllowAnonymous, EnableRateLimiting(RateLimits.PublicLinks)]
    public async Task<IActionResult> Feed(string token, CancellationToken cancellationToken) =>
        await calendar.FeedAsync(token, cancellationToken) is { } feed ? Calendar(feed, null) : NotFound();

    [HttpGet("{token}/sessions/{sessionId:int}.ics"), AllowAnonymous, EnableRateLimiting(RateLimits.PublicLinks)]
    public async Task<IActionResult> SessionViaFeed(string token, int sessionId, CancellationToken cancellationToken) =>
        await calendar.AuthorityOfFeedAsync(token, cancellationToken) is { } authorityId
            && await calendar.SessionFileAsync(authorityId, sessionId, cancellationToken) is { } file
            ? Calendar(file, $"session-{sessionId}.ics")
            : NotFound();

    [HttpGet("sessions/{sessionId:int}.ics"), Authorize(Policy = Policies.OwnCalendar)]
    public async Task<IActionResult> Session(int sessionId, CancellationToken cancellationToken) =>
        await calendar.SessionFileAsync(AuthorityId, sessionId, cancellationToken) is { } file ? Calendar(file, $"session-{sessionId}.ics") : NotFound();

    /// <summary>Makes the person's first address, or (after its confirmation page) replaces the one they have.</summary>
    [HttpPost("feed"), Authorize(Policy = Policies.OwnCalendar)]
    public async Task<IActionResult> CreateFeed(CancellationToken cancellationToken)
    {
        var replacing = await calendar.HasFeedAsync(AuthorityId, cancellationToken);
        await calendar.ReplaceFeedAsync(AuthorityId, cancellationToken);
        TempData["Notice"] = text[replacing ? "Notice_FeedReplaced" : "Notice_FeedCreated"].Value;
        return Redirect("/#calendar");
    }

    [HttpGet("feed/replace"), Authorize(Policy = Policies.OwnCalendar)]
    public async Task<IActionResult> ConfirmReplaceFeed(CancellationToken cancellationToken) =>
        await Confirmation("Feed_ReplaceTitle", "Feed_ReplaceQuestion", "/calendar/feed", "Feed_Replace", cancellationToken);

    [HttpGet("feed/stop"), Authorize(Policy = Policies.OwnCalendar)]
    public async Task<IActionResult> ConfirmStopFeed(CancellationToken cancellationToken) =>
        await Confirmation("Feed_StopTitle", "Feed_StopQuestion", "/calendar/feed/stop", "Feed_Stop", cancellationToken);

    [HttpPost("feed/stop"), Authorize(Policy = Policies.OwnCalendar)]
    public async Task<IActionResult> StopFeed(CancellationToken cancellationToken)
    {
        if (!await calendar.StopFeedAsync(AuthorityId, cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = text["Notice_FeedStopped"].Value;
        return Redirect("/#calendar");
    }

    private async Task<IActionResult> Confirmation(string title, string question, string postUrl, string action, CancellationToken cancellationToken) =>
        await calendar.HasFeedAsync(AuthorityId, cancellationToken)
            ? View("ConfirmDelete", new DeleteConfirmation(text[title], [new(text[title])], text[question], null, postUrl, 0, "/#calendar", text[action]))
            : View("ConfirmDelete", new DeleteConfirmation(text[title], [new(text[title])], text[question], text["Feed_NotFound"], postUrl, 0, "/"));

    private int AuthorityId => int.Parse(User.FindFirstValue(PortalClaimTypes.Authority)!, NumberStyles.None, CultureInfo.InvariantCulture);

    private FileContentResult Calendar(string content, string? downloadName)
    {
        // A feed is fetched again by calendar programs, which must not be served a stale copy by a cache between.
        Response.Headers.CacheControl = "private, no-store";
        var bytes = System.Text.Encoding.UTF8.GetBytes(content);
        return downloadName is null ? File(bytes, ContentType) : File(bytes, ContentType, downloadName);
    }
}
