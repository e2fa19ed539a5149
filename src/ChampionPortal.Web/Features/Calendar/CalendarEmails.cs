using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Email;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Calendar;

public enum CalendarEmailKind
{
    /// <summary>The invitation was accepted: every session of the cohort, in one calendar.</summary>
    Confirmed,

    /// <summary>Staff added a session to a cohort whose invitation the person accepted.</summary>
    Added,

    /// <summary>The session's time, place or join link changed.</summary>
    Changed,
    Cancelled,
    Reminder,
}

/// <summary>What changed in a session, as the update e-mail says it: the old values beside the session as it is now.</summary>
public sealed record SessionChange(DateTime OldStartsAtUtc, DateTime OldEndsAtUtc, string OldTimeZone, string? OldVenue, SessionModality OldModality)
{
    public bool TimeChanged { get; init; }
    public bool VenueChanged { get; init; }
    public bool JoinUrlChanged { get; init; }
    public bool ModalityChanged { get; init; }

    public bool Any => TimeChanged || VenueChanged || JoinUrlChanged || ModalityChanged;
}

/// <summary>A calendar e-mail as its views render it, in the recipient's language and time zone.</summary>
public sealed record CalendarEmail(CalendarEmailKind Kind, string RecipientName, string RecipientZone, string CohortName, IReadOnlyList<CalendarSession> Sessions)
{
    public SessionChange? Change { get; init; }
    public int MinutesBefore { get; init; }
    public string? FeedUrl { get; init; }
    public required string CheckInUrl { get; init; }
    public required string HomeUrl { get; init; }
}

/// <summary>Someone who accepted a cohort's invitation, as calendar e-mails address them.</summary>
public sealed record CalendarInvitee(int AuthorityId, string Name, string Email, string Language, string TimeZone);

/// <summary>
/// The e-mails that put sessions in people's calendars and keep them right: the confirmation of an accepted
/// invitation, a session added, changed or cancelled, and the reminders before a session. Each goes only to people
/// who accepted the cohort's invitation, in their language, with the iCalendar part the change needs.
/// </summary>
public sealed class CalendarEmails(PortalDbContext db, EmailRenderer renderer, IEmailSender sender, SessionCalendar calendars, PublicUrls urls)
{
    /// <summary>Confirms an accepted invitation, with every session of the cohort still to come as one calendar.</summary>
    public async Task SendConfirmationAsync(int invitationId, string? feedToken, DateTime now, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.AsNoTracking().Where(i => i.Id == invitationId)
            .Select(i => new { i.CohortId, i.Cohort!.Name, i.Cohort.NameEs, i.Cohort.NamePt }).SingleAsync(cancellationToken);
        var invitee = (await InviteesAsync(invitation.CohortId, cancellationToken, invitationId)).SingleOrDefault();
        if (invitee is null)
        {
            return;
        }

        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CohortId == invitation.CohortId && s.EndsAtUtc > now)
            .OrderBy(s => s.StartsAtUtc).Select(CalendarSession.FromSession).ToListAsync(cancellationToken);
        var cohortName = Infrastructure.Localization.PortalCultures.Pick(invitation.Name, invitation.NameEs, invitation.NamePt, invitee.Language);
        await SendAsync(invitee, Email(CalendarEmailKind.Confirmed, invitee, cohortName, sessions) with { FeedUrl = feedToken is null ? null : FeedUrl(feedToken) },
            sessions.Count == 0 ? null : SessionCalendar.Request, cancellationToken);
    }

    /// <summary>A new session (no change given) or a changed one, to everyone who accepted; nothing for a session already over.</summary>
    public async Task SendSessionSavedAsync(int sessionId, SessionChange? change, DateTime now, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(CalendarSession.FromSession).SingleAsync(cancellationToken);
        if (session.EndsAtUtc <= now)
        {
            return;
        }

        var kind = change is null ? CalendarEmailKind.Added : CalendarEmailKind.Changed;
        foreach (var invitee in await InviteesAsync(session.CohortId, cancellationToken))
        {
            await SendAsync(invitee, Email(kind, invitee, session) with { Change = change }, SessionCalendar.Request, cancellationToken);
        }
    }

    /// <summary>The cancellation of a session about to be deleted, with its SEQUENCE already raised.</summary>
    public async Task SendCancellationAsync(CalendarSession session, DateTime now, CancellationToken cancellationToken)
    {
        if (session.EndsAtUtc <= now)
        {
            return;
        }

        foreach (var invitee in await InviteesAsync(session.CohortId, cancellationToken))
        {
            await SendAsync(invitee, Email(CalendarEmailKind.Cancelled, invitee, session), SessionCalendar.Cancel, cancellationToken);
        }
    }

    public Task SendReminderAsync(CalendarInvitee invitee, CalendarSession session, int minutesBefore, CancellationToken cancellationToken) =>
        SendAsync(invitee, Email(CalendarEmailKind.Reminder, invitee, session) with { MinutesBefore = minutesBefore }, method: null, cancellationToken);

    /// <summary>People who accepted the cohort's invitation and can be written to (an erased person cannot).</summary>
    public async Task<List<CalendarInvitee>> InviteesAsync(int cohortId, CancellationToken cancellationToken, int? invitationId = null)
    {
        var rows = await db.Invitations.AsNoTracking()
            .Where(i => i.CohortId == cohortId && i.Status == InvitationStatus.Accepted && i.Authority!.ErasedAtUtc == null && (invitationId == null || i.Id == invitationId))
            .OrderBy(i => i.AuthorityId)
            .Select(i => new { i.AuthorityId, i.Authority!.FullName, i.Authority.Email, i.Authority.PreferredLanguage, Zone = (string?)i.Authority.LocalGovernment!.TimeZone, i.Authority.CountryCode })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new CalendarInvitee(r.AuthorityId, r.FullName, r.Email, r.PreferredLanguage, r.Zone ?? CountryTimeZones.DefaultFor(r.CountryCode)))];
    }

    public string FeedUrl(string token) => CalendarLinks.Webcal(urls.Absolute($"/calendar/{token}.ics"));

    private CalendarEmail Email(CalendarEmailKind kind, CalendarInvitee invitee, CalendarSession session) =>
        Email(kind, invitee, Infrastructure.Localization.PortalCultures.Pick(session.CohortName.En, session.CohortName.Es, session.CohortName.Pt, invitee.Language), [session]);

    private CalendarEmail Email(CalendarEmailKind kind, CalendarInvitee invitee, string cohortName, IReadOnlyList<CalendarSession> sessions) =>
        new(kind, invitee.Name, invitee.TimeZone, cohortName, sessions)
        {
            CheckInUrl = urls.Absolute($"/check-in?lang={invitee.Language}"),
            HomeUrl = urls.Absolute($"/?lang={invitee.Language}"),
        };

    private async Task SendAsync(CalendarInvitee invitee, CalendarEmail model, string? method, CancellationToken cancellationToken)
    {
        var (subject, html, text) = await renderer.RenderAsync("SessionCalendar", model, invitee.Language);
        var calendar = method is null ? null
            : new CalendarPart(method, calendars.Write(model.Sessions, invitee.Language, method, new CalendarRecipient(invitee.Name, invitee.Email, invitee.Language)));
        await sender.SendAsync(new EmailMessage(invitee.Email, invitee.Name, subject, html, text) { Calendar = calendar }, cancellationToken);
    }
}
