using System.Security.Claims;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Authorities;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Home;

/// <summary>The landing page of each role: staff see cohorts and coming sessions, country offices their country, authorities their profile.</summary>
public sealed class HomeService(Champions.ChampionsService champions, PortalDbContext db, NavigationMenu navigation, AuthorityService authorities, TimeProvider timeProvider)
{
    public async Task<HomePage> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return new HomePage([]) { Figures = await champions.LatestFiguresAsync(cancellationToken) };
        }

        var items = await navigation.ItemsForAsync(user);
        var reach = user.Reach();
        if (reach.Regional)
        {
            return new HomePage(items, Staff: await StaffAsync(cancellationToken));
        }

        if (reach.Country is { } country)
        {
            return new HomePage(items, Country: await CountryAsync(country, cancellationToken));
        }

        if (reach.AuthorityId is { } authorityId)
        {
            return new HomePage(items, Authority: await authorities.FindAsync(authorityId, cancellationToken));
        }

        return new HomePage(items);
    }

    private async Task<StaffOverview> StaffAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var cohorts = await db.Cohorts.AsNoTracking()
            .Where(c => c.Status == CohortStatus.Open || c.Status == CohortStatus.Planned || c.Status == CohortStatus.Closed)
            .OrderBy(c => c.Status).ThenByDescending(c => c.StartDate).Take(6)
            .Select(c => new CohortSummary(c.Id, c.Code, c.Name, c.Status, c.Events.Count, db.Sessions.Count(s => s.CohortId == c.Id)))
            .ToListAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.EndsAtUtc >= now).OrderBy(s => s.StartsAtUtc).Take(5)
            .Select(s => new UpcomingSession(s.Id, s.Code, s.Title, s.Event!.Name, s.Event.Cohort!.Code, s.StartsAtUtc, s.EndsAtUtc, s.TimeZone))
            .ToListAsync(cancellationToken);
        return new StaffOverview(cohorts, sessions);
    }

    private async Task<CountryOverview> CountryAsync(string country, CancellationToken cancellationToken) =>
        await db.Countries.AsNoTracking().Where(c => c.Code == country)
            .Select(c => new
            {
                c.NameEn,
                c.NameEs,
                c.NamePt,
                Governments = db.LocalGovernments.Count(l => l.CountryCode == country),
                People = db.Authorities.Count(a => a.CountryCode == country),
                Unattached = db.Authorities.Count(a => a.CountryCode == country && a.LocalGovernmentId == null),
            })
            .Select(c => new CountryOverview(PortalCultures.Pick(c.NameEn, c.NameEs, c.NamePt), c.Governments, c.People, c.Unattached))
            .SingleAsync(cancellationToken);
}
