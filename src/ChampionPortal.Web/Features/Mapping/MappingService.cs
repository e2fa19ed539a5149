using System.Security.Claims;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Mapping;

/// <summary>The management mapping: per local government and cohort, its actions linked to GCM objectives and principles.</summary>
public sealed class MappingService(
    PortalDbContext db, CohortInFocus focus, GcmCatalog catalog, WorkshopAccess access, IAuthorizationService authorization, TimeProvider timeProvider)
{
    public async Task<MappingIndexPage?> IndexAsync(ClaimsPrincipal user, int? cohortId, CancellationToken cancellationToken = default)
    {
        if (await focus.ChooseAsync(user, cohortId, CohortContent.WorkshopOutputs, cancellationToken) is not { Cohort: var cohort, Options: var cohorts })
        {
            return null;
        }

        // The local governments of the cohort (nominated and approved) and any that has actions, in the user's reach.
        var reach = user.Reach();
        var own = await access.OwnGovernmentAsync(reach, cancellationToken);
        var governments = db.LocalGovernments.AsNoTracking()
            .Where(l => db.Nominations.Any(n => n.CohortId == cohort.Id && n.Status == NominationStatus.Approved && n.LocalGovernmentId == l.Id)
                || db.LocalActions.Any(a => a.CohortId == cohort.Id && a.LocalGovernmentId == l.Id));
        if (!reach.Regional)
        {
            var country = reach.Country;
            governments = governments.Where(l => l.Id == own || (country != null && l.CountryCode == country));
        }

        var rows = await governments
            .OrderBy(l => l.CountryCode).ThenBy(l => l.Name)
            .Select(l => new MappingGovernmentRow(l.Id, l.Name, l.CountryCode, db.LocalActions.Count(a => a.CohortId == cohort.Id && a.LocalGovernmentId == l.Id)))
            .ToListAsync(cancellationToken);
        return new MappingIndexPage(cohort.Id, cohort.Name, cohorts, rows, reach.Regional);
    }

    public async Task<LocalGovernmentMapping?> GovernmentAsync(ClaimsPrincipal user, int cohortId, int localGovernmentId, CancellationToken cancellationToken = default)
    {
        var government = await db.LocalGovernments.AsNoTracking().Where(l => l.Id == localGovernmentId).Select(l => new { l.Name, l.CountryCode }).SingleOrDefaultAsync(cancellationToken);
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId).Select(c => PortalCultures.Pick(c.Name, c.NameEs, c.NamePt)).SingleOrDefaultAsync(cancellationToken);
        if (government is null || cohort is null || !await authorization.AllowsAsync(user, new WorkshopGovernment(localGovernmentId, government.CountryCode), WorkshopOperations.Read))
        {
            return null;
        }

        var actions = await db.LocalActions.AsNoTracking()
            .Where(a => a.CohortId == cohortId && a.LocalGovernmentId == localGovernmentId)
            .OrderBy(a => a.Status).ThenBy(a => a.Title)
            .Select(a => new LocalActionRow(
                a.Id, a.Title, a.Description, a.Status, a.Strengthening,
                a.Objectives.OrderBy(o => o.ObjectiveNumber).Select(o => o.ObjectiveNumber).ToList(),
                a.Principles.OrderBy(p => p.PrincipleNumber).Select(p => p.PrincipleNumber).ToList(),
                a.Version))
            .ToListAsync(cancellationToken);
        return new LocalGovernmentMapping(
            cohortId, cohort, localGovernmentId, government.Name, government.CountryCode, await authorization.AllowsAsync(user, new WorkshopGovernment(localGovernmentId, government.CountryCode), WorkshopOperations.Edit), actions,
            await catalog.LoadAsync(cancellationToken: cancellationToken));
    }

    /// <summary>An editor for a new action, or null when the user may not add actions to this local government.</summary>
    public async Task<LocalActionEditor?> NewEditorAsync(ClaimsPrincipal user, int cohortId, int localGovernmentId, LocalActionForm form, CancellationToken cancellationToken = default)
    {
        var government = await db.LocalGovernments.AsNoTracking().Where(l => l.Id == localGovernmentId).Select(l => new { l.Name, l.CountryCode }).SingleOrDefaultAsync(cancellationToken);
        return government is not null && await db.Cohorts.AnyAsync(c => c.Id == cohortId, cancellationToken)
            && await authorization.AllowsAsync(user, new WorkshopGovernment(localGovernmentId, government.CountryCode), WorkshopOperations.Edit)
            ? new LocalActionEditor(null, cohortId, localGovernmentId, government.Name, form, await catalog.LoadAsync(cancellationToken: cancellationToken))
            : null;
    }

    /// <summary>The editor of an existing action (with the stored values when no form is given), or null when out of reach.</summary>
    public async Task<LocalActionEditor?> EditorAsync(ClaimsPrincipal user, int id, LocalActionForm? form, CancellationToken cancellationToken = default)
    {
        var action = await db.LocalActions.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                a.CohortId,
                a.LocalGovernmentId,
                a.CountryCode,
                Government = a.LocalGovernment!.Name,
                Form = new LocalActionForm
                {
                    Title = a.Title,
                    Description = a.Description,
                    Status = a.Status,
                    Strengthening = a.Strengthening,
                    Version = a.Version,
                    Objectives = a.Objectives.Select(o => o.ObjectiveNumber).ToList(),
                    Principles = a.Principles.Select(p => p.PrincipleNumber).ToList(),
                },
            })
            .SingleOrDefaultAsync(cancellationToken);
        return action is not null && await authorization.AllowsAsync(user, new WorkshopGovernment(action.LocalGovernmentId, action.CountryCode), WorkshopOperations.Edit)
            ? new LocalActionEditor(id, action.CohortId, action.LocalGovernmentId, action.Government, form ?? action.Form, await catalog.LoadAsync(cancellationToken: cancellationToken))
            : null;
    }

    public async Task<int> CreateAsync(int cohortId, int localGovernmentId, LocalActionForm form, CancellationToken cancellationToken = default)
    {
        var country = await db.LocalGovernments.Where(l => l.Id == localGovernmentId).Select(l => l.CountryCode).SingleAsync(cancellationToken);
        var action = new LocalAction { CohortId = cohortId, LocalGovernmentId = localGovernmentId, CountryCode = country, Title = "" };
        Apply(action, form);
        db.LocalActions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return action.Id;
    }

    public Task<SaveOutcome> UpdateAsync(int id, LocalActionForm form, CancellationToken cancellationToken = default) =>
        db.EditVersionedAsync<LocalAction>(a => a.Id == id, form.Version, action => Apply(action, form), cancellationToken, q => q.Include(a => a.Objectives).Include(a => a.Principles));

    public Task<SaveOutcome> DeleteAsync(int id, int version, CancellationToken cancellationToken = default) =>
        db.DeleteVersionedAsync<LocalAction>(a => a.Id == id, version, null, cancellationToken);

    public async Task<CoveragePage?> CoverageAsync(ClaimsPrincipal user, int? cohortId, CoverageBy by, CancellationToken cancellationToken = default)
    {
        if (await IndexAsync(user, cohortId, cancellationToken) is not { } index)
        {
            return null;
        }

        var visible = index.Governments.Select(g => g.Id).ToList();
        var touches = db.LocalActionObjectives.AsNoTracking()
            .Join(db.LocalActions.Where(a => a.CohortId == index.CohortId && visible.Contains(a.LocalGovernmentId)), o => o.LocalActionId, a => a.Id, (o, a) => new { o.ObjectiveNumber, a.CountryCode, a.LocalGovernmentId });
        var counts = by == CoverageBy.Country
            ? (await touches.GroupBy(t => new { t.ObjectiveNumber, t.CountryCode }).Select(g => new { g.Key.ObjectiveNumber, Column = g.Key.CountryCode, Count = g.Count() }).ToListAsync(cancellationToken))
                .ToDictionary(c => (c.ObjectiveNumber, c.Column.Trim()), c => c.Count)
            : (await touches.GroupBy(t => new { t.ObjectiveNumber, t.LocalGovernmentId }).Select(g => new { g.Key.ObjectiveNumber, g.Key.LocalGovernmentId, Count = g.Count() }).ToListAsync(cancellationToken))
                .ToDictionary(c => (c.ObjectiveNumber, c.LocalGovernmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)), c => c.Count);
        var columns = by == CoverageBy.Country
            ? index.Governments.Select(g => g.CountryCode).Distinct().Select(c => (c, c)).ToList()
            : index.Governments.Select(g => (g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{g.Name} ({g.CountryCode})")).ToList();
        return new CoveragePage(index.CohortId, index.CohortName, index.Cohorts, by, columns, counts, await catalog.LoadAsync(cancellationToken: cancellationToken));
    }

    private void Apply(LocalAction action, LocalActionForm form)
    {
        action.Title = form.Title!.Trim();
        action.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        action.Status = form.Status!.Value;
        action.Strengthening = string.IsNullOrWhiteSpace(form.Strengthening) ? null : form.Strengthening.Trim();
        action.UpdatedAtUtc = timeProvider.GetUtcNow().UtcDateTime;
        var objectives = form.Objectives.Where(n => n is >= 1 and <= 23).Distinct().ToHashSet();
        var principles = form.Principles.Where(n => n is >= 1 and <= 10).Distinct().ToHashSet();
        action.Objectives.RemoveAll(o => !objectives.Contains(o.ObjectiveNumber));
        action.Objectives.AddRange(objectives.Where(n => action.Objectives.All(o => o.ObjectiveNumber != n)).Select(n => new LocalActionObjective { ObjectiveNumber = n }));
        action.Principles.RemoveAll(p => !principles.Contains(p.PrincipleNumber));
        action.Principles.AddRange(principles.Where(n => action.Principles.All(p => p.PrincipleNumber != n)).Select(n => new LocalActionPrinciple { PrincipleNumber = n }));
    }
}
