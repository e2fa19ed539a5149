using System.Text.Json;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Tabular;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Nominations;

/// <summary>What a cohort's nominations are: the list, its export, a nomination's page, the overview by country and criterion, the quotas.</summary>
public sealed class NominationOverview(PortalDbContext db, CountryOptions countryOptions, EventService events)
{
    /// <summary>
    /// The review queue's order: what waits for review first, then drafts, then what is decided. Statuses are stored as
    /// words, so ordering by the column itself would put "Approved" first.
    /// </summary>
    private static readonly System.Linq.Expressions.Expression<Func<Nomination, int>> ReviewOrder = n =>
        n.Status == NominationStatus.Submitted ? 0
        : n.Status == NominationStatus.Draft ? 1
        : n.Status == NominationStatus.Approved ? 2
        : n.Status == NominationStatus.Rejected ? 3
        : 4;

    public async Task<NominationListPage> ListAsync(NominationListQuery query, CountryScope scope, CancellationToken cancellationToken = default)
    {
        var nominations = Filter(scope.Apply(db.Nominations.AsNoTracking()), query);
        nominations = query.Sort switch
        {
            "name" => nominations.OrderBy(n => n.Authority!.SearchKey).ThenBy(n => n.Id),
            "-name" => nominations.OrderByDescending(n => n.Authority!.SearchKey).ThenBy(n => n.Id),
            "country" => nominations.OrderBy(n => n.CountryCode).ThenBy(n => n.Authority!.SearchKey),
            "-country" => nominations.OrderByDescending(n => n.CountryCode).ThenBy(n => n.Authority!.SearchKey),
            "criteria" => nominations.OrderBy(n => n.CriteriaMet).ThenBy(n => n.Id),
            "-criteria" => nominations.OrderByDescending(n => n.CriteriaMet).ThenBy(n => n.Id),
            "-status" => nominations.OrderByDescending(ReviewOrder).ThenBy(n => n.SubmittedAtUtc).ThenBy(n => n.Id),
            _ => nominations.OrderBy(ReviewOrder).ThenBy(n => n.SubmittedAtUtc).ThenBy(n => n.Id),
        };
        var results = await nominations.ToPagedListAsync(query, page => page.Select(n => new NominationRow(
            n.Id, n.Authority!.FullName, n.LocalGovernment!.Name, n.CountryCode, n.Cohort!.Code, n.Status, n.CriteriaMet, n.SubmittedAtUtc)), cancellationToken);
        var quotas = query.Cohort is { } cohortId ? await QuotasAsync(cohortId, scope, cancellationToken) : [];
        return new NominationListPage(
            query, results, await events.CohortOptionsAsync(cancellationToken), await countryOptions.ListAsync(scope, cancellationToken),
            scope.OnlyCountry is not null, quotas);
    }

    /// <summary>The nominations of the list's filters, without paging: what an export writes.</summary>
    private IQueryable<Nomination> Filtered(NominationListQuery query, CountryScope scope) =>
        Filter(scope.Apply(db.Nominations.AsNoTracking()), query).OrderBy(n => n.CountryCode).ThenBy(n => n.Authority!.SearchKey);

    public async Task<Table> ExportAsync(NominationListQuery query, CountryScope scope, CancellationToken cancellationToken = default)
    {
        var rows = await Filtered(query, scope)
            .Select(n => new
            {
                n.Id,
                Cohort = n.Cohort!.Code,
                n.CountryCode,
                n.Authority!.FullName,
                n.Authority.Email,
                Government = n.LocalGovernment!.Name,
                n.Status,
                n.CriteriaMet,
                Met = n.Criteria.Where(c => c.Met).Select(c => c.Criterion).ToList(),
                n.SubmittedAtUtc,
                n.ReviewedAtUtc,
                n.ReviewComment,
            })
            .ToListAsync(cancellationToken);
        var criteria = Enum.GetValues<SelectionCriterion>();
        return new Table(
            ["id", "cohort", "country_code", "authority_name", "email", "local_government", "status", "criteria_met",
                .. criteria.Select(c => "criterion_" + System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(c.ToString())),
                "submitted_at_utc", "reviewed_at_utc", "review_comment"],
            [.. rows.Select(r => (IReadOnlyList<string?>)[
                r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Cohort, r.CountryCode, r.FullName, r.Email, r.Government,
                r.Status.ToString(), r.CriteriaMet.ToString(System.Globalization.CultureInfo.InvariantCulture),
                .. criteria.Select(c => r.Met.Contains(c) ? "yes" : "no"),
                r.SubmittedAtUtc?.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
                r.ReviewedAtUtc?.ToString("u", System.Globalization.CultureInfo.InvariantCulture), r.ReviewComment])]);
    }

    public async Task<IReadOnlyList<QuotaLine>> QuotasAsync(int cohortId, CountryScope scope, CancellationToken cancellationToken = default)
    {
        var counts = await scope.Apply(db.Nominations.AsNoTracking()).Where(n => n.CohortId == cohortId)
            .GroupBy(n => n.CountryCode)
            .Select(g => new
            {
                Country = g.Key,
                Submitted = g.Count(n => n.Status == NominationStatus.Submitted),
                Approved = g.Count(n => n.Status == NominationStatus.Approved),
            })
            .ToListAsync(cancellationToken);
        var quotas = await db.CohortCountryQuotas.AsNoTracking().Where(q => q.CohortId == cohortId)
            .ToDictionaryAsync(q => q.CountryCode, q => q.Quota, cancellationToken);
        return (await countryOptions.ListAsync(scope, cancellationToken))
            .Select(c =>
            {
                var count = counts.FirstOrDefault(x => x.Country == c.Code);
                return new QuotaLine(c.Code, c.Name, count?.Submitted ?? 0, count?.Approved ?? 0, quotas.TryGetValue(c.Code, out var q) ? q : null);
            })
            .ToList();
    }

    public async Task<NominationDetails?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        var details = await db.Nominations.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new NominationDetails(
                n.Id, n.CohortId, n.Cohort!.Code, PortalCultures.Pick(n.Cohort.Name, n.Cohort.NameEs, n.Cohort.NamePt), n.AuthorityId, n.Authority!.FullName, n.Authority.Position, n.Authority.Email,
                n.LocalGovernment!.Name, n.CountryCode,
                db.Countries.Where(c => c.Code == n.CountryCode).Select(c => c.NameEn).First(),
                db.Countries.Where(c => c.Code == n.CountryCode).Select(c => c.NameEs).First(),
                db.Countries.Where(c => c.Code == n.CountryCode).Select(c => c.NamePt).First(),
                n.Status, n.Justification, n.ReviewComment, n.CriteriaMet, n.Version,
                n.Criteria.Select(c => new CriterionEvidence(c.Criterion, c.Met, c.EvidenceUrl, c.EvidenceText, c.Note)).ToList()))
            .SingleOrDefaultAsync(cancellationToken);

        // The database orders the criteria by their stored names; the form and the page list all five in the criteria's
        // own order. A criterion without a row is not met: a nomination recorded from a cohort register has none.
        return details is null ? null : details with
        {
            Criteria = [.. Enum.GetValues<SelectionCriterion>().Select(c => details.Criteria.FirstOrDefault(e => e.Criterion == c) ?? new CriterionEvidence(c, false, null, null, null))],
        };
    }

    /// <summary>The authority's other nominations and this one's status timeline, read from the audit trail.</summary>
    public async Task<NominationPage> PageAsync(NominationDetails details, CancellationToken cancellationToken = default)
    {
        var history = await db.Nominations.AsNoTracking()
            .Where(n => n.AuthorityId == details.AuthorityId && n.Id != details.Id)
            .OrderByDescending(n => n.Cohort!.StartDate)
            .Select(n => new NominationHistoryLine(n.Id, n.Cohort!.Code, n.Status))
            .ToListAsync(cancellationToken);
        var key = details.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Nomination) && a.EntityKey == key)
            .OrderBy(a => a.Id)
            .Select(a => new { a.OccurredAtUtc, a.Actor, a.ChangesJson })
            .ToListAsync(cancellationToken);
        var timeline = new List<TimelineEntry>();
        foreach (var entry in entries)
        {
            using var changes = JsonDocument.Parse(entry.ChangesJson);
            if (!changes.RootElement.TryGetProperty(nameof(Nomination.Status), out var status))
            {
                continue;
            }

            var from = status.TryGetProperty("old", out var old) ? Enum.Parse<NominationStatus>(old.GetString()!) : (NominationStatus?)null;
            var to = Enum.Parse<NominationStatus>(status.GetProperty("new").GetString()!);
            var comment = changes.RootElement.TryGetProperty(nameof(Nomination.ReviewComment), out var c) && c.TryGetProperty("new", out var text)
                ? text.GetString()
                : null;
            timeline.Add(new TimelineEntry(entry.OccurredAtUtc, entry.Actor, from, to, comment));
        }

        return new NominationPage(details, history, timeline);
    }

    public async Task<MappingOverview?> OverviewAsync(int cohortId, CountryScope scope, CancellationToken cancellationToken = default)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId).Select(c => new { c.Id, c.Code, Name = PortalCultures.Pick(c.Name, c.NameEs, c.NamePt) }).SingleOrDefaultAsync(cancellationToken);
        if (cohort is null)
        {
            return null;
        }

        var nominations = scope.Apply(db.Nominations.AsNoTracking()).Where(n => n.CohortId == cohortId);
        var byStatus = await nominations.GroupBy(n => new { n.CountryCode, n.Status })
            .Select(g => new { g.Key.CountryCode, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        // A join rather than a correlated SelectMany: SQLite has no APPLY to translate the latter.
        var criteria = await nominations.Where(n => n.Status != NominationStatus.Withdrawn)
            .Join(db.NominationCriteria.Where(c => c.Met), n => n.Id, c => c.NominationId, (n, c) => new { n.CountryCode, c.Criterion })
            .GroupBy(x => new { x.CountryCode, x.Criterion })
            .Select(g => new { g.Key.CountryCode, g.Key.Criterion, Count = g.Count() }).ToListAsync(cancellationToken);
        return new MappingOverview(
            cohort.Id, cohort.Code, cohort.Name, await countryOptions.ListAsync(scope, cancellationToken),
            byStatus.ToDictionary(x => (x.CountryCode, x.Status), x => x.Count),
            criteria.ToDictionary(x => (x.CountryCode, x.Criterion), x => x.Count),
            await QuotasAsync(cohortId, scope, cancellationToken));
    }

    private static IQueryable<Nomination> Filter(IQueryable<Nomination> nominations, NominationListQuery query)
    {
        if (SearchText.Compact(query.Q) is { Length: > 0 } key)
        {
            nominations = nominations.Where(n => n.Authority!.SearchKey.Replace(" ", "").Contains(key));
        }

        if (query.Cohort is { } cohort)
        {
            nominations = nominations.Where(n => n.CohortId == cohort);
        }

        if (!string.IsNullOrEmpty(query.Country))
        {
            nominations = nominations.Where(n => n.CountryCode == query.Country);
        }

        if (query.Status is { } status)
        {
            nominations = nominations.Where(n => n.Status == status);
        }

        if (query.MinCriteria is { } minimum)
        {
            nominations = nominations.Where(n => n.CriteriaMet >= minimum);
        }

        return nominations;
    }
}
