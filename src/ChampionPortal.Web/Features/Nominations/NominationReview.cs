using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Nominations;

/// <summary>Regional staff's review: approving or rejecting submitted nominations (held back over a country's quota), and setting the quotas.</summary>
public sealed class NominationReview(PortalDbContext db, NominationOverview overview, NominationReviewNotices notices, TimeProvider timeProvider)
{
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
                var lines = await overview.QuotasAsync(cohort.Key, CountryScope.AllCountries, cancellationToken);
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
}
