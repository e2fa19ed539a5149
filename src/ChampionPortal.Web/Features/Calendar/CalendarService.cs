using System.Globalization;
using System.Security.Cryptography;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Calendar;

/// <summary>One session's "Add to calendar" links: the .ics file (when the page has a way to serve it), Google and Outlook.</summary>
public sealed record SessionCalendarLinks(CalendarSession Session, string? IcsUrl, string GoogleUrl, string OutlookUrl);

/// <summary>What a person who accepted sees to put their sessions in a calendar: their feed address and each coming session's links.</summary>
public sealed record CalendarLinks(string? FeedUrl, IReadOnlyList<SessionCalendarLinks> Sessions, string ReaderZone)
{
    /// <summary>The subscription form of an address: calendars subscribe to webcal:// and fetch it again by themselves.</summary>
    public static string Webcal(string address) => "webcal" + address[address.IndexOf("://", StringComparison.Ordinal)..];
}

/// <summary>
/// A person's calendar: the sessions of the cohorts whose invitation they accepted, as a feed, as single .ics files and
/// as links to Google and Outlook; and the feed's address, which they can replace or stop.
/// </summary>
public sealed class CalendarService(PortalDbContext db, SessionCalendar calendars, PublicUrls urls, TimeProvider clock)
{
    /// <summary>The feed for a token, in its owner's language; null when no feed has the token (never made, replaced or stopped).</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken cancellationToken)
    {
        var owner = await OwnerAsync(token, cancellationToken);
        if (owner is null)
        {
            return null;
        }

        var sessions = await SessionsOf(owner.Value.AuthorityId).OrderBy(s => s.StartsAtUtc).Select(CalendarSession.FromSession).ToListAsync(cancellationToken);
        return calendars.Write(sessions, owner.Value.Language, method: null);
    }

    /// <summary>One of the person's sessions as a file to import, in the reader's language; null when it is not one of theirs.</summary>
    public async Task<string?> SessionFileAsync(int authorityId, int sessionId, CancellationToken cancellationToken)
    {
        var session = await SessionsOf(authorityId).Where(s => s.Id == sessionId).Select(CalendarSession.FromSession).SingleOrDefaultAsync(cancellationToken);
        return session is null ? null : calendars.Write([session], PortalCultures.Current, method: null);
    }

    public async Task<int?> AuthorityOfFeedAsync(string token, CancellationToken cancellationToken) =>
        (await OwnerAsync(token, cancellationToken))?.AuthorityId;

    /// <summary>
    /// The links for the person's coming sessions. <paramref name="viaFeed"/> says the page is reached without signing in
    /// (the RSVP page), so that its .ics links go through the feed's token rather than the signed-in download.
    /// </summary>
    public async Task<CalendarLinks> LinksAsync(int authorityId, bool viaFeed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.CalendarFeeds.AsNoTracking().Where(f => f.AuthorityId == authorityId).Select(f => f.Token).SingleOrDefaultAsync(cancellationToken);
        var person = await db.Authorities.AsNoTracking().Where(a => a.Id == authorityId)
            .Select(a => new { Zone = (string?)a.LocalGovernment!.TimeZone, a.CountryCode }).SingleAsync(cancellationToken);
        var sessions = await SessionsOf(authorityId).Where(s => s.EndsAtUtc > now).OrderBy(s => s.StartsAtUtc).Select(CalendarSession.FromSession).ToListAsync(cancellationToken);
        return new CalendarLinks(
            token is null ? null : CalendarLinks.Webcal(urls.Absolute($"/calendar/{token}.ics")),
            [.. sessions.Select(s => new SessionCalendarLinks(
                s,
                viaFeed ? (token is null ? null : $"/calendar/{token}/sessions/{s.Id}.ics") : $"/calendar/sessions/{s.Id}.ics",
                GoogleUrl(s), OutlookUrl(s)))],
            person.Zone ?? CountryTimeZones.DefaultFor(person.CountryCode));
    }

    /// <summary>The person's feed token, made the first time (on accepting an invitation); saved by the caller.</summary>
    public async Task<string> EnsureFeedAsync(int authorityId, CancellationToken cancellationToken)
    {
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.AuthorityId == authorityId, cancellationToken);
        if (feed is null)
        {
            feed = new CalendarFeed { AuthorityId = authorityId, Token = NewToken(), CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.CalendarFeeds.Add(feed);
        }

        return feed.Token;
    }

    /// <summary>A new address (or the first); the old one stops answering at once (a phone lost, an address shared by mistake).</summary>
    public async Task ReplaceFeedAsync(int authorityId, CancellationToken cancellationToken)
    {
        if (await db.CalendarFeeds.SingleOrDefaultAsync(f => f.AuthorityId == authorityId, cancellationToken) is { } old)
        {
            db.CalendarFeeds.Remove(old);
        }

        db.CalendarFeeds.Add(new CalendarFeed { AuthorityId = authorityId, Token = NewToken(), CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>False when the person had no address.</summary>
    public async Task<bool> StopFeedAsync(int authorityId, CancellationToken cancellationToken)
    {
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.AuthorityId == authorityId, cancellationToken);
        if (feed is null)
        {
            return false;
        }

        db.CalendarFeeds.Remove(feed);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task<bool> HasFeedAsync(int authorityId, CancellationToken cancellationToken) =>
        db.CalendarFeeds.AnyAsync(f => f.AuthorityId == authorityId, cancellationToken);

    private IQueryable<Session> SessionsOf(int authorityId) =>
        db.Sessions.AsNoTracking().Where(s => db.Invitations.Any(i => i.CohortId == s.CohortId && i.AuthorityId == authorityId && i.Status == InvitationStatus.Accepted));

    private async Task<(int AuthorityId, string Language)?> OwnerAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return null;
        }

        var owner = await db.CalendarFeeds.AsNoTracking().Where(f => f.Token == token && f.Authority!.ErasedAtUtc == null)
            .Select(f => new { f.AuthorityId, f.Authority!.PreferredLanguage }).SingleOrDefaultAsync(cancellationToken);
        return owner is null ? null : (owner.AuthorityId, owner.PreferredLanguage);
    }

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private string GoogleUrl(CalendarSession s) =>
        "https://calendar.google.com/calendar/render?action=TEMPLATE"
        + $"&text={Uri.EscapeDataString(s.Summary)}"
        + $"&dates={s.StartsAtUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}/{s.EndsAtUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}"
        + $"&ctz={Uri.EscapeDataString(s.TimeZone)}"
        + $"&details={Uri.EscapeDataString(Details(s))}"
        + (Location(s) is { } location ? $"&location={Uri.EscapeDataString(location)}" : "");

    private string OutlookUrl(CalendarSession s) =>
        "https://outlook.office.com/calendar/action/compose?rru=addevent"
        + $"&subject={Uri.EscapeDataString(s.Summary)}"
        + $"&startdt={s.StartsAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}"
        + $"&enddt={s.EndsAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}"
        + $"&body={Uri.EscapeDataString(Details(s))}"
        + (Location(s) is { } location ? $"&location={Uri.EscapeDataString(location)}" : "");

    private static string? Location(CalendarSession s) => s.Venue ?? (s.HasJoinLink ? s.JoinUrl : null);

    private string Details(CalendarSession s) =>
        s.HasJoinLink ? $"{s.ReaderCohortName}\n{s.JoinUrl}\n{urls.Absolute("/check-in")}" : $"{s.ReaderCohortName}\n{urls.Absolute("/check-in")}";
}
