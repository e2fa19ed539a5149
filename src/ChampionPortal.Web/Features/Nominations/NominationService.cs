using System.Text.Json;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Tabular;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Nominations;

public enum NominationChange
{
    Saved,
    NotFound,
    Conflict,
    NotAllowedNow,
    AlreadyNominated,
    CohortNotOpen,
    EmailTaken,
}

public sealed class NominationService(
    PortalDbContext db, CountryOptions countryOptions, EventService events, NominationReviewNotices notices, TimeProvider timeProvider)
{
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
            "-status" => nominations.OrderByDescending(n => n.Status).ThenBy(n => n.SubmittedAtUtc).ThenBy(n => n.Id),
            _ => nominations.OrderBy(n => n.Status).ThenBy(n => n.SubmittedAtUtc).ThenBy(n => n.Id),
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
                n.Id, n.CohortId, n.Cohort!.Code, n.Cohort.Name, n.AuthorityId, n.Authority!.FullName, n.Authority.Position, n.Authority.Email,
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

    public async Task<NominationEditor> EditorAsync(int? id, NominationForm form, string country, IReadOnlyList<DuplicateFlag>? duplicates = null, CancellationToken cancellationToken = default)
    {
        var openCohorts = await db.Cohorts.AsNoTracking().Where(c => c.Status == CohortStatus.Open || c.Id == form.CohortId)
            .OrderByDescending(c => c.StartDate).Select(c => new CohortOption(c.Id, c.Code, c.Name)).ToListAsync(cancellationToken);
        var authorities = await db.Authorities.AsNoTracking().Where(a => a.CountryCode == country).OrderBy(a => a.SearchKey)
            .Select(a => new AuthorityChoice(a.Id, a.FullName, a.LocalGovernment!.Name)).ToListAsync(cancellationToken);
        var governments = await db.LocalGovernments.AsNoTracking().Where(l => l.CountryCode == country).OrderBy(l => l.SearchKey)
            .Select(l => new LocalGovernmentChoice(l.Id, l.Name)).ToListAsync(cancellationToken);
        return new NominationEditor(id, form, openCohorts, authorities, governments, duplicates ?? []);
    }

    public static NominationForm FormFrom(NominationDetails details) => new()
    {
        CohortId = details.CohortId,
        AuthorityId = details.AuthorityId,
        Justification = details.Justification,
        Version = details.Version,
        Criteria = [.. details.Criteria.Select(c => new CriterionForm { Criterion = c.Criterion, Met = c.Met, EvidenceUrl = c.EvidenceUrl, EvidenceText = c.EvidenceText, Note = c.Note })],
    };

    /// <summary>Possible duplicates of a new authority: the same e-mail anywhere, or a very similar name in the same local government.</summary>
    public async Task<IReadOnlyList<DuplicateFlag>> DuplicatesAsync(NominationForm form, string country, CancellationToken cancellationToken = default)
    {
        if (!form.CreatesAuthority)
        {
            return [];
        }

        var flags = new List<DuplicateFlag>();
        var sameEmail = await db.Authorities.AsNoTracking().WithEmail(form.NewAuthorityEmail)
            .Select(a => new { a.FullName, a.CountryCode }).FirstOrDefaultAsync(cancellationToken);
        if (sameEmail is not null)
        {
            // Another country's person is not shown to a country office, only that the address is taken.
            flags.Add(new DuplicateFlag(true, sameEmail.CountryCode == country ? sameEmail.FullName : null));
        }

        if (form.LocalGovernmentId is { } governmentId)
        {
            var key = SearchText.Key(form.NewAuthorityName);
            var names = await db.Authorities.AsNoTracking().Where(a => a.LocalGovernmentId == governmentId && a.CountryCode == country)
                .Select(a => new { a.FullName, a.SearchKey }).ToListAsync(cancellationToken);
            flags.AddRange(names.Where(n => Similar(n.SearchKey, key)).Select(n => new DuplicateFlag(false, n.FullName)));
        }

        return flags;
    }

    public async Task<(NominationChange Change, int? Id)> CreateAsync(NominationForm form, string country, CancellationToken cancellationToken = default)
    {
        if (!await db.Cohorts.AnyAsync(c => c.Id == form.CohortId && c.Status == CohortStatus.Open, cancellationToken))
        {
            return (NominationChange.CohortNotOpen, null);
        }

        Authority? authority;
        if (form.CreatesAuthority)
        {
            if (await db.Authorities.WithEmail(form.NewAuthorityEmail).AnyAsync(cancellationToken))
            {
                return (NominationChange.EmailTaken, null);
            }

            var government = form.LocalGovernmentId is { } governmentId
                ? await db.LocalGovernments.SingleOrDefaultAsync(l => l.Id == governmentId && l.CountryCode == country, cancellationToken)
                : new LocalGovernment { Name = form.NewLocalGovernmentName!.Trim(), CountryCode = country, TimeZone = CountryTimeZones.DefaultFor(country) };
            if (government is null)
            {
                return (NominationChange.NotFound, null);
            }

            authority = new Authority
            {
                FullName = form.NewAuthorityName!.Trim(),
                Position = form.NewAuthorityPosition!.Trim(),
                Email = form.NewAuthorityEmail!.Trim(),
                CountryCode = country,
                LocalGovernment = government,
                PreferredLanguage = PortalCultures.ForCountry(country),
            };
            db.Authorities.Add(authority);
        }
        else
        {
            authority = await db.Authorities.SingleOrDefaultAsync(a => a.Id == form.AuthorityId && a.CountryCode == country, cancellationToken);
            if (authority is null)
            {
                return (NominationChange.NotFound, null);
            }
        }

        // A withdrawn nomination of the same person is reopened: one record per person and cohort keeps its history.
        var nomination = authority.Id == 0
            ? null
            : await db.Nominations.Include(n => n.Criteria).SingleOrDefaultAsync(n => n.CohortId == form.CohortId && n.AuthorityId == authority.Id, cancellationToken);
        if (nomination is { Status: not NominationStatus.Withdrawn })
        {
            return (NominationChange.AlreadyNominated, nomination.Id);
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (nomination is null)
        {
            nomination = new Nomination { CohortId = form.CohortId!.Value, Authority = authority, CountryCode = country, Justification = "", CreatedAtUtc = now };
            db.Nominations.Add(nomination);
        }

        nomination.LocalGovernmentId = authority.LocalGovernmentId;
        nomination.LocalGovernment = authority.LocalGovernment;
        Apply(nomination, form, now);
        await db.SaveChangesAsync(cancellationToken);
        return (NominationChange.Saved, nomination.Id);
    }

    public async Task<NominationChange> UpdateAsync(int id, NominationForm form, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.Include(n => n.Criteria).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (nomination is null)
        {
            return NominationChange.NotFound;
        }

        if (nomination.Status is not (NominationStatus.Draft or NominationStatus.Submitted))
        {
            return NominationChange.NotAllowedNow;
        }

        db.ExpectVersion(nomination, form.Version);
        Apply(nomination, form, timeProvider.GetUtcNow().UtcDateTime);
        return await db.SaveEditAsync(cancellationToken) == SaveOutcome.Saved ? NominationChange.Saved : NominationChange.Conflict;
    }

    public async Task<NominationChange> WithdrawAsync(int id, int version, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (nomination is null)
        {
            return NominationChange.NotFound;
        }

        if (nomination.Status is not (NominationStatus.Draft or NominationStatus.Submitted))
        {
            return NominationChange.NotAllowedNow;
        }

        db.ExpectVersion(nomination, version);
        nomination.Status = NominationStatus.Withdrawn;
        return await db.SaveEditAsync(cancellationToken) == SaveOutcome.Saved ? NominationChange.Saved : NominationChange.Conflict;
    }

    /// <summary>The submitted nominations among these, by the nominee's name and country, for a rejection's confirmation.</summary>
    public async Task<IReadOnlyList<string>> SubmittedNamesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default) =>
        (await db.Nominations.AsNoTracking().Where(n => ids.Contains(n.Id) && n.Status == NominationStatus.Submitted)
            .Select(n => new { n.Authority!.FullName, n.CountryCode }).ToListAsync(cancellationToken))
        .Select(n => $"{n.FullName} ({n.CountryCode.Trim()})").Order(StringComparer.CurrentCulture).ToList();

    /// <summary>
    /// Approves or rejects submitted nominations at once, and tells their country offices by e-mail. An approval that
    /// would take a country past its quota is held back (and the lines returned) until the reviewer accepts it.
    /// </summary>
    public async Task<(int Reviewed, IReadOnlyList<QuotaLine> Exceeded)> ReviewAsync(ReviewForm form, CancellationToken cancellationToken = default)
    {
        var nominations = await db.Nominations.Include(n => n.Authority)
            .Where(n => form.Ids.Contains(n.Id) && n.Status == NominationStatus.Submitted).ToListAsync(cancellationToken);
        if (form.Approve && !form.AcceptOverQuota)
        {
            var exceeded = new List<QuotaLine>();
            foreach (var cohort in nominations.GroupBy(n => n.CohortId))
            {
                var lines = await QuotasAsync(cohort.Key, CountryScope.AllCountries, cancellationToken);
                exceeded.AddRange(cohort.GroupBy(n => n.CountryCode)
                    .Select(g => lines.Single(l => l.CountryCode == g.Key) with { Approved = lines.Single(l => l.CountryCode == g.Key).Approved + g.Count() })
                    .Where(l => l.Quota is { } quota && l.Approved > quota));
            }

            if (exceeded.Count > 0)
            {
                return (0, exceeded);
            }
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        foreach (var nomination in nominations)
        {
            nomination.Status = form.Approve ? NominationStatus.Approved : NominationStatus.Rejected;
            nomination.ReviewComment = string.IsNullOrWhiteSpace(form.Comment) ? null : form.Comment.Trim();
            nomination.ReviewedAtUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await notices.SendAsync(nominations, form.Approve, string.IsNullOrWhiteSpace(form.Comment) ? null : form.Comment.Trim(), cancellationToken);
        return (nominations.Count, []);
    }

    public async Task<MappingOverview?> OverviewAsync(int cohortId, CountryScope scope, CancellationToken cancellationToken = default)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId).Select(c => new { c.Id, c.Code, c.Name }).SingleOrDefaultAsync(cancellationToken);
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

    /// <summary>Sets the per-country quotas of a cohort; an empty value removes the country's quota.</summary>
    public async Task SetQuotasAsync(int cohortId, IReadOnlyDictionary<string, int?> quotas, CancellationToken cancellationToken = default)
    {
        var existing = await db.CohortCountryQuotas.Where(q => q.CohortId == cohortId).ToListAsync(cancellationToken);
        foreach (var (country, value) in quotas)
        {
            var quota = existing.FirstOrDefault(q => q.CountryCode == country);
            if (value is null && quota is not null)
            {
                db.CohortCountryQuotas.Remove(quota);
            }
            else if (value is { } limit && quota is null)
            {
                db.CohortCountryQuotas.Add(new CohortCountryQuota { CohortId = cohortId, CountryCode = country, Quota = limit });
            }
            else if (value is { } newLimit && quota is not null)
            {
                quota.Quota = newLimit;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
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

    private static void Apply(Nomination nomination, NominationForm form, DateTime now)
    {
        nomination.Justification = form.Justification!.Trim();
        nomination.CriteriaMet = form.Criteria.Count(c => c.Met);
        foreach (var criterion in form.Criteria)
        {
            var stored = nomination.Criteria.FirstOrDefault(c => c.Criterion == criterion.Criterion);
            if (stored is null)
            {
                stored = new NominationCriterion { Criterion = criterion.Criterion };
                nomination.Criteria.Add(stored);
            }

            stored.Met = criterion.Met;
            stored.EvidenceUrl = Blank(criterion.EvidenceUrl);
            stored.EvidenceText = Blank(criterion.EvidenceText);
            stored.Note = Blank(criterion.Note);
        }

        if (form.Submit)
        {
            nomination.Status = NominationStatus.Submitted;
            nomination.SubmittedAtUtc ??= now;
        }
        else if (nomination.Status == NominationStatus.Withdrawn)
        {
            nomination.Status = NominationStatus.Draft;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Names that differ by at most two letters, once accents and case are set aside ("José Pérez" ≈ "jose perez").</summary>
    private static bool Similar(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return false;
        }

        return SearchText.EditDistance(a, b) <= 2;
    }
}
