using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Cohorts;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Events;

public sealed class EventService(PortalDbContext db)
{
    public async Task<EventListPage> ListAsync(EventListQuery query, CancellationToken cancellationToken = default)
    {
        var events = db.Events.AsNoTracking();
        if (query.Q?.Trim().ToLowerInvariant() is { Length: > 0 } term)
        {
            events = events.Where(e => e.Name.ToLower().Contains(term));
        }

        if (query.Cohort is { } cohort)
        {
            events = events.Where(e => e.CohortId == cohort);
        }

        if (query.Kind is { } kind)
        {
            events = events.Where(e => e.Kind == kind);
        }

        events = query.Sort switch
        {
            "name" => events.OrderBy(e => e.Name).ThenBy(e => e.Id),
            "-name" => events.OrderByDescending(e => e.Name).ThenBy(e => e.Id),
            "kind" => events.OrderBy(e => e.Kind).ThenBy(e => e.Id),
            "-kind" => events.OrderByDescending(e => e.Kind).ThenBy(e => e.Id),
            "cohort" => events.OrderBy(e => e.Cohort!.Code).ThenBy(e => e.Kind).ThenBy(e => e.Id),
            _ => events.OrderByDescending(e => e.Cohort!.Code).ThenBy(e => e.Kind).ThenBy(e => e.Id),
        };
        var results = await events.ToPagedListAsync(query, page => page.Select(e => new EventRow(
            e.Id, e.Cohort!.Code, e.Kind, PortalCultures.Pick(e.Name, e.NameEs, e.NamePt), e.Sessions.Count)), cancellationToken);
        return new EventListPage(query, results, await CohortOptionsAsync(cancellationToken));
    }

    public Task<List<CohortOption>> CohortOptionsAsync(CancellationToken cancellationToken = default) =>
        db.Cohorts.AsNoTracking().OrderByDescending(c => c.StartDate).ThenByDescending(c => c.Id)
            .Select(c => new CohortOption(c.Id, c.Code, PortalCultures.Pick(c.Name, c.NameEs, c.NamePt))).ToListAsync(cancellationToken);

    public async Task<EventDetails?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Events.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new EventDetails(
                e.Id, e.CohortId, e.Cohort!.Code, PortalCultures.Pick(e.Cohort.Name, e.Cohort.NameEs, e.Cohort.NamePt), e.Kind, e.Name, e.DefaultTimeZone, e.Version,
                e.Sessions.OrderBy(s => s.StartsAtUtc)
                    .Select(s => new CohortSessionSummary(s.Id, s.Code, PortalCultures.Pick(s.Title, s.TitleEs, s.TitlePt), s.StartsAtUtc, s.EndsAtUtc, s.TimeZone, s.Modality))
                    .ToList())
            { NameEs = e.NameEs, NamePt = e.NamePt })
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<EventEditor> EditorAsync(int? id, EventForm form, CancellationToken cancellationToken = default) =>
        new(id, form, await CohortOptionsAsync(cancellationToken));

    public static EventForm FormFrom(EventDetails details) => new()
    {
        CohortId = details.CohortId,
        Kind = details.Kind,
        Name = details.Name,
        NameEs = details.NameEs,
        NamePt = details.NamePt,
        DefaultTimeZone = details.DefaultTimeZone,
        Version = details.Version,
    };

    public Task<bool> CohortExistsAsync(int cohortId, CancellationToken cancellationToken = default) =>
        db.Cohorts.AnyAsync(c => c.Id == cohortId, cancellationToken);

    public async Task<int> CreateAsync(EventForm form, CancellationToken cancellationToken = default)
    {
        var newEvent = new Event { Name = "", DefaultTimeZone = "", CohortId = form.CohortId!.Value };
        Apply(newEvent, form);
        db.Events.Add(newEvent);
        await db.SaveChangesAsync(cancellationToken);
        return newEvent.Id;
    }

    /// <summary>An event keeps its cohort: its sessions' codes are unique within that cohort.</summary>
    public Task<SaveOutcome> UpdateAsync(int id, EventForm form, CancellationToken cancellationToken = default) =>
        db.EditVersionedAsync<Event>(e => e.Id == id, form.Version, existing => Apply(existing, form), cancellationToken);

    public Task<SaveOutcome> DeleteAsync(int id, int version, CancellationToken cancellationToken = default) =>
        db.DeleteVersionedAsync<Event>(e => e.Id == id, version, () => db.Sessions.AnyAsync(s => s.EventId == id, cancellationToken), cancellationToken);

    private static void Apply(Event target, EventForm form)
    {
        target.Kind = form.Kind!.Value;
        target.Name = form.Name!.Trim();
        target.NameEs = PortalCultures.Translation(form.NameEs);
        target.NamePt = PortalCultures.Translation(form.NamePt);
        target.DefaultTimeZone = form.DefaultTimeZone!;
    }
}
