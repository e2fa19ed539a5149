using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Cohorts;

public sealed class CohortService(PortalDbContext db)
{
    public async Task<CohortListPage> ListAsync(CohortListQuery query, CancellationToken cancellationToken = default)
    {
        var cohorts = db.Cohorts.AsNoTracking();
        if (query.Q?.Trim().ToLowerInvariant() is { Length: > 0 } term)
        {
            cohorts = cohorts.Where(c => c.Code.ToLower().Contains(term) || c.Name.ToLower().Contains(term)
                || (c.NameEs != null && c.NameEs.ToLower().Contains(term)) || (c.NamePt != null && c.NamePt.ToLower().Contains(term)));
        }

        if (query.Status is { } status)
        {
            cohorts = cohorts.Where(c => c.Status == status);
        }

        cohorts = query.Sort switch
        {
            "code" => cohorts.OrderBy(c => c.Code),
            "-code" => cohorts.OrderByDescending(c => c.Code),
            "name" => cohorts.OrderBy(c => c.Name).ThenBy(c => c.Id),
            "-name" => cohorts.OrderByDescending(c => c.Name).ThenBy(c => c.Id),
            "start" => cohorts.OrderBy(c => c.StartDate).ThenBy(c => c.Id),
            _ => cohorts.OrderByDescending(c => c.StartDate).ThenByDescending(c => c.Id),
        };
        var results = await cohorts.ToPagedListAsync(query, page => page.Select(c => new CohortRow(
            c.Id, c.Code, PortalCultures.Pick(c.Name, c.NameEs, c.NamePt), c.StartDate, c.EndDate, c.Status, c.Events.Count, db.Sessions.Count(s => s.CohortId == c.Id))), cancellationToken);
        return new CohortListPage(query, results);
    }

    public async Task<CohortDetails?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Id, c.Code, c.Name, c.NameEs, c.NamePt, c.StartDate, c.EndDate, c.Status, c.Version })
            .SingleOrDefaultAsync(cancellationToken);
        if (cohort is null)
        {
            return null;
        }

        var events = await db.Events.AsNoTracking().Where(e => e.CohortId == id)
            .OrderBy(e => e.Kind).ThenBy(e => e.Id)
            .Select(e => new CohortEventSummary(e.Id, e.Kind, PortalCultures.Pick(e.Name, e.NameEs, e.NamePt), e.Sessions
                .OrderBy(s => s.StartsAtUtc)
                .Select(s => new CohortSessionSummary(s.Id, s.Code, PortalCultures.Pick(s.Title, s.TitleEs, s.TitlePt), s.StartsAtUtc, s.EndsAtUtc, s.TimeZone, s.Modality))
                .ToList()))
            .ToListAsync(cancellationToken);
        return new CohortDetails(cohort.Id, cohort.Code, cohort.Name, cohort.StartDate, cohort.EndDate, cohort.Status, cohort.Version, events)
        {
            NameEs = cohort.NameEs,
            NamePt = cohort.NamePt,
        };
    }

    public static CohortForm FormFrom(CohortDetails details) => new()
    {
        Code = details.Code,
        Name = details.Name,
        NameEs = details.NameEs,
        NamePt = details.NamePt,
        StartDate = details.StartDate,
        EndDate = details.EndDate,
        Status = details.Status,
        Version = details.Version,
    };

    public Task<bool> CodeTakenAsync(string code, int? exceptId, CancellationToken cancellationToken = default) =>
        db.Cohorts.AnyAsync(c => c.Code == code.Trim() && c.Id != exceptId, cancellationToken);

    public async Task<int> CreateAsync(CohortForm form, CancellationToken cancellationToken = default)
    {
        var cohort = new Cohort { Code = "", Name = "" };
        Apply(cohort, form);
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync(cancellationToken);
        return cohort.Id;
    }

    public Task<SaveOutcome> UpdateAsync(int id, CohortForm form, CancellationToken cancellationToken = default) =>
        db.EditVersionedAsync<Cohort>(c => c.Id == id, form.Version, cohort => Apply(cohort, form), cancellationToken);

    public Task<SaveOutcome> DeleteAsync(int id, int version, CancellationToken cancellationToken = default) =>
        db.DeleteVersionedAsync<Cohort>(c => c.Id == id, version, () => db.Events.AnyAsync(e => e.CohortId == id, cancellationToken), cancellationToken);

    private static void Apply(Cohort cohort, CohortForm form)
    {
        cohort.Code = form.Code!.Trim();
        cohort.Name = form.Name!.Trim();
        cohort.NameEs = PortalCultures.Translation(form.NameEs);
        cohort.NamePt = PortalCultures.Translation(form.NamePt);
        cohort.StartDate = form.StartDate!.Value;
        cohort.EndDate = form.EndDate!.Value;
        cohort.Status = form.Status!.Value;
    }
}
