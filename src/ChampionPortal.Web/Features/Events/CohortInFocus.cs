using System.Security.Claims;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Events;

/// <summary>What a page shows of a cohort, and so which cohorts have something for it to show.</summary>
public enum CohortContent
{
    Nominations,
    Invitations,
    WorkshopOutputs,

    /// <summary>Attendance to recognize, or certificates issued.</summary>
    Recognition,
}

/// <summary>The cohort a page opens on and the cohorts its switcher offers.</summary>
public sealed record CohortChoice(CohortOption Cohort, IReadOnlyList<CohortOption> Options);

/// <summary>
/// Which cohort a page opens on: the one asked for (remembered, so that it stays chosen from page to page), else the
/// one chosen last, else the one in progress if it holds what the page shows, else the latest that does, else the one
/// in progress, else the latest. The newest cohort is often still empty; opening on it would show a page of zeros.
/// An authority is offered the cohorts they took part in.
/// </summary>
public sealed class CohortInFocus(PortalDbContext db, EventService events, IHttpContextAccessor http, TimeProvider clock)
{
    public const string CookieName = "portal.cohort";

    public async Task<CohortChoice?> ChooseAsync(ClaimsPrincipal user, int? requested, CohortContent content, CancellationToken cancellationToken = default)
    {
        var options = await OptionsAsync(user, cancellationToken);
        if (options.Count == 0)
        {
            return null;
        }

        if (requested is { } asked)
        {
            if (options.FirstOrDefault(c => c.Id == asked) is not { } chosen)
            {
                return null;
            }

            Remember(chosen.Id);
            return new CohortChoice(chosen, options);
        }

        if (int.TryParse(http.HttpContext?.Request.Cookies[CookieName], out var remembered) && options.FirstOrDefault(c => c.Id == remembered) is { } last)
        {
            return new CohortChoice(last, options);
        }

        var ids = options.Select(c => c.Id).ToList();
        var withContent = (await Holding(content).Where(id => ids.Contains(id)).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var inProgress = (await db.Cohorts.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.Status == CohortStatus.Open && c.StartDate <= today && c.EndDate >= today)
            .Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();

        // Options come latest first.
        var cohort = options.FirstOrDefault(c => inProgress.Contains(c.Id) && withContent.Contains(c.Id))
            ?? options.FirstOrDefault(c => withContent.Contains(c.Id))
            ?? options.FirstOrDefault(c => inProgress.Contains(c.Id))
            ?? options[0];
        return new CohortChoice(cohort, options);
    }

    private async Task<IReadOnlyList<CohortOption>> OptionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var all = await events.CohortOptionsAsync(cancellationToken);
        var reach = user.Reach();
        if (reach.Regional || reach.Country is not null || reach.AuthorityId is not { } authorityId)
        {
            return all;
        }

        var own = (await db.Invitations.AsNoTracking().Where(i => i.AuthorityId == authorityId).Select(i => i.CohortId)
            .Union(db.Nominations.AsNoTracking().Where(n => n.AuthorityId == authorityId).Select(n => n.CohortId))
            .ToListAsync(cancellationToken)).ToHashSet();
        var taken = all.Where(c => own.Contains(c.Id)).ToList();
        return taken.Count > 0 ? taken : all;
    }

    private IQueryable<int> Holding(CohortContent content) => content switch
    {
        CohortContent.Nominations => db.Nominations.Select(n => n.CohortId),
        CohortContent.Invitations => db.Invitations.Select(i => i.CohortId),
        CohortContent.WorkshopOutputs => db.LocalActions.Select(a => a.CohortId).Concat(db.AgendaItems.Select(a => a.CohortId)),
        CohortContent.Recognition => db.Certificates.Select(c => c.CohortId).Concat(db.Attendances.Select(a => a.CohortId)),
        _ => throw new ArgumentOutOfRangeException(nameof(content)),
    };

    private void Remember(int cohortId)
    {
        if (http.HttpContext is { Response.HasStarted: false } context)
        {
            context.Response.Cookies.Append(CookieName, cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture), new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(90),
            });
        }
    }
}
