using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Text;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Sessions;

public sealed class SessionService(PortalDbContext db, EventService events)
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
                s.TimeZone, s.Modality, s.LinkOrVenue, s.Version)
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
            LinkOrVenue = details.LinkOrVenue,
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

    public async Task<int> CreateAsync(SessionForm form, CancellationToken cancellationToken = default)
    {
        var cohortId = await db.Events.Where(e => e.Id == form.EventId).Select(e => e.CohortId).SingleAsync(cancellationToken);
        var session = new Session { Code = "", Title = "", TimeZone = "", EventId = form.EventId!.Value, CohortId = cohortId, CheckInCode = ReadableCode.New(6) };
        Apply(session, form);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>A session stays in its event; moving it would change which cohort its code must be unique in.</summary>
    public Task<SaveOutcome> UpdateAsync(int id, SessionForm form, CancellationToken cancellationToken = default) =>
        db.EditVersionedAsync<Session>(s => s.Id == id, form.Version, session => Apply(session, form), cancellationToken);

    public Task<SaveOutcome> DeleteAsync(int id, int version, CancellationToken cancellationToken = default) =>
        db.DeleteVersionedAsync<Session>(
            s => s.Id == id, version,
            () => db.Sessions.AnyAsync(s => s.Id == id && (db.Attendances.Any(a => a.SessionId == s.Id) || db.AgendaItems.Any(i => i.SessionId == s.Id)), cancellationToken),
            cancellationToken);

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
        session.LinkOrVenue = string.IsNullOrWhiteSpace(form.LinkOrVenue) ? null : form.LinkOrVenue.Trim();
    }
}
