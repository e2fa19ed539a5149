using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Calendar;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Text;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Sessions;

public sealed class SessionService(PortalDbContext db, EventService events, CalendarEmails calendarEmails, TimeProvider clock)
{
    public async Task<SessionListPage> ListAsync(SessionListQuery query, CancellationToken cancellationToken = default)
    {
        var sessions = db.Sessions.AsNoTracking();
        if (query.Q?.Trim().ToLowerInvariant() is { Length: > 0 } term)
        {
            sessions = sessions.Where(s => s.Code.ToLower().Contains(term) || s.Title.ToLower().Contains(term));
        }

        if (query.Cohort is { } cohort)
        {
            sessions = sessions.Where(s => s.CohortId == cohort);
        }

        if (query.Event is { } eventId)
        {
            sessions = sessions.Where(s => s.EventId == eventId);
        }

        if (query.Modality is { } modality)
        {
            sessions = sessions.Where(s => s.Modality == modality);
        }

        sessions = query.Sort switch
        {
            "code" => sessions.OrderBy(s => s.Code).ThenBy(s => s.Id),
            "-code" => sessions.OrderByDescending(s => s.Code).ThenBy(s => s.Id),
            "-start" => sessions.OrderByDescending(s => s.StartsAtUtc).ThenBy(s => s.Id),
            _ => sessions.OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id),
        };
        var results = await sessions.ToPagedListAsync(query, page => page.Select(s => new SessionRow(
            s.Id, s.Code, PortalCultures.Pick(s.Title, s.TitleEs, s.TitlePt), s.Event!.Cohort!.Code, s.EventId, PortalCultures.Pick(s.Event.Name, s.Event.NameEs, s.Event.NamePt),
            s.StartsAtUtc, s.EndsAtUtc, s.TimeZone, s.Modality)), cancellationToken);
        return new SessionListPage(query, results, await events.CohortOptionsAsync(cancellationToken));
    }

    public Task<SessionDetails?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Sessions.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SessionDetails(
                s.Id, s.EventId, PortalCultures.Pick(s.Event!.Name, s.Event.NameEs, s.Event.NamePt), s.CohortId, s.Event.Cohort!.Code, s.Code, s.Title, s.StartsAtUtc, s.EndsAtUtc,
                s.TimeZone, s.Modality, s.Venue, s.JoinUrl, s.Version)
            {
                TitleEs = s.TitleEs,
                TitlePt = s.TitlePt,
                HasRecords = db.Attendances.Any(a => a.SessionId == s.Id) || db.AgendaItems.Any(i => i.SessionId == s.Id),
            })
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The editor for a new session of the event, in the event's default zone; null when the event does not exist.</summary>
    public async Task<SessionEditor?> NewEditorAsync(int eventId, CancellationToken cancellationToken = default)
    {
        var parent = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Select(e => new { Name = PortalCultures.Pick(e.Name, e.NameEs, e.NamePt), e.CohortId, e.DefaultTimeZone, e.Kind }).SingleOrDefaultAsync(cancellationToken);
        return parent is null
            ? null
            : new SessionEditor(null, new SessionForm
            {
                EventId = eventId,
                TimeZone = parent.DefaultTimeZone,
                Modality = parent.Kind == EventKind.Workshop ? SessionModality.Virtual : SessionModality.InPerson,
            }, parent.Name, parent.CohortId);
    }

    public async Task<SessionEditor?> EditorAsync(int? id, SessionForm form, CancellationToken cancellationToken = default)
    {
        var parent = await db.Events.AsNoTracking().Where(e => e.Id == form.EventId)
            .Select(e => new { Name = PortalCultures.Pick(e.Name, e.NameEs, e.NamePt), e.CohortId }).SingleOrDefaultAsync(cancellationToken);
        return parent is null ? null : new SessionEditor(id, form, parent.Name, parent.CohortId);
    }

    public static SessionForm FormFrom(SessionDetails details)
    {
        var start = ZonedTime.ToLocal(details.StartsAtUtc, details.TimeZone);
        var end = ZonedTime.ToLocal(details.EndsAtUtc, details.TimeZone);
        return new SessionForm
        {
            EventId = details.EventId,
            Code = details.Code,
            Title = details.Title,
            TitleEs = details.TitleEs,
            TitlePt = details.TitlePt,
            Date = DateOnly.FromDateTime(start),
            StartTime = TimeOnly.FromDateTime(start),
            EndTime = TimeOnly.FromDateTime(end),
            TimeZone = details.TimeZone,
            Modality = details.Modality,
            Venue = details.Venue,
            JoinUrl = details.JoinUrl,
            Version = details.Version,
        };
    }

    /// <summary>Session codes are what participants type to check in: unique within the cohort.</summary>
    public async Task<bool> CodeTakenAsync(int eventId, string code, int? exceptId, CancellationToken cancellationToken = default)
    {
        var cohortId = await db.Events.Where(e => e.Id == eventId).Select(e => e.CohortId).SingleOrDefaultAsync(cancellationToken);
        var normalized = code.Trim().ToUpperInvariant();
        return await db.Sessions.AnyAsync(s => s.CohortId == cohortId && s.Code == normalized && s.Id != exceptId, cancellationToken);
    }

    /// <summary>Creates the session; people who already accepted the cohort's invitation get it for their calendars.</summary>
    public async Task<int> CreateAsync(SessionForm form, CancellationToken cancellationToken = default)
    {
        var cohortId = await db.Events.Where(e => e.Id == form.EventId).Select(e => e.CohortId).SingleAsync(cancellationToken);
        var session = new Session { Code = "", Title = "", TimeZone = "", EventId = form.EventId!.Value, CohortId = cohortId, CheckInCode = ReadableCode.New(6) };
        Apply(session, form);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        await calendarEmails.SendSessionSavedAsync(session.Id, change: null, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>
    /// A session stays in its event; moving it would change which cohort its code must be unique in. A change of
    /// time, place or join link raises the calendar SEQUENCE and tells everyone who accepted, in the same transaction.
    /// </summary>
    public async Task<SaveOutcome> UpdateAsync(int id, SessionForm form, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        SessionChange? change = null;
        var outcome = await db.EditVersionedAsync<Session>(s => s.Id == id, form.Version, session =>
        {
            var before = new SessionChange(session.StartsAtUtc, session.EndsAtUtc, session.TimeZone, session.Venue, session.Modality);
            var joinUrl = session.JoinUrl;
            Apply(session, form);
            change = before with
            {
                TimeChanged = session.StartsAtUtc != before.OldStartsAtUtc || session.EndsAtUtc != before.OldEndsAtUtc,
                VenueChanged = session.Venue != before.OldVenue,
                JoinUrlChanged = session.JoinUrl != joinUrl,
                ModalityChanged = session.Modality != before.OldModality,
            };
            if (change.Any)
            {
                session.CalendarSequence++;
            }
        }, cancellationToken);
        if (outcome == SaveOutcome.Saved && change is { Any: true })
        {
            if (change.TimeChanged)
            {
                // Reminders follow the new time.
                await db.SessionReminders.Where(r => r.SessionId == id).ExecuteDeleteAsync(cancellationToken);
            }

            await calendarEmails.SendSessionSavedAsync(id, change, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    /// <summary>Deletes a session nothing refers to; people who accepted get its cancellation for their calendars.</summary>
    public async Task<SaveOutcome> DeleteAsync(int id, int version, CancellationToken cancellationToken = default)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == id).Select(CalendarSession.FromSession).SingleOrDefaultAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await db.DeleteVersionedAsync<Session>(
            s => s.Id == id, version,
            () => db.Sessions.AnyAsync(s => s.Id == id && (db.Attendances.Any(a => a.SessionId == s.Id) || db.AgendaItems.Any(i => i.SessionId == s.Id)), cancellationToken),
            cancellationToken);
        if (outcome == SaveOutcome.Saved && session is not null)
        {
            await calendarEmails.SendCancellationAsync(session with { Sequence = session.Sequence + 1 }, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    private static void Apply(Session session, SessionForm form)
    {
        // The form has been validated: both times exist in the zone.
        ZonedTime.TryToUtc(form.Date!.Value, form.StartTime!.Value, form.TimeZone!, out var startsAtUtc);
        ZonedTime.TryToUtc(form.Date.Value, form.EndTime!.Value, form.TimeZone!, out var endsAtUtc);
        session.Code = form.Code!.Trim().ToUpperInvariant();
        session.Title = form.Title!.Trim();
        session.TitleEs = PortalCultures.Translation(form.TitleEs);
        session.TitlePt = PortalCultures.Translation(form.TitlePt);
        session.StartsAtUtc = startsAtUtc;
        session.EndsAtUtc = endsAtUtc;
        session.TimeZone = form.TimeZone!;
        session.Modality = form.Modality!.Value;
        session.Venue = string.IsNullOrWhiteSpace(form.Venue) ? null : form.Venue.Trim();
        session.JoinUrl = string.IsNullOrWhiteSpace(form.JoinUrl) ? null : form.JoinUrl.Trim();
    }
}
