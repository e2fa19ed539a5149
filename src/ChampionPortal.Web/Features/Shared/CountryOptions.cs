using ChampionPortal.Web.Data;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Shared;

public sealed record CountryOption(string Code, string Name);

/// <summary>The countries a user may pick in filters and forms, named in the reader's language.</summary>
public sealed class CountryOptions(PortalDbContext db)
{
    public async Task<IReadOnlyList<CountryOption>> ListAsync(CountryScope scope, CancellationToken cancellationToken = default)
    {
        var query = db.Countries.AsNoTracking();
        if (scope.OnlyCountry is { } only)
        {
            query = query.Where(c => c.Code == only);
        }

        var countries = await query.Select(c => new { c.Code, c.NameEn, c.NameEs, c.NamePt }).ToListAsync(cancellationToken);
        return countries
            .Select(c => new CountryOption(c.Code, PortalCultures.Pick(c.NameEn, c.NameEs, c.NamePt)))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}
