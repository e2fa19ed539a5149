using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Shared;

public sealed record CountryOption(string Code, string Name);

/// <summary>The countries a user may pick in filters and forms, named in the reader's language.</summary>
public sealed class CountryOptions(ReferenceCountries countries)
{
    public async Task<IReadOnlyList<CountryOption>> ListAsync(CountryScope scope, CancellationToken cancellationToken = default) =>
        (await countries.AllAsync().WaitAsync(cancellationToken))
            .Where(c => scope.OnlyCountry is not { } only || c.Code == only)
            .Select(c => new CountryOption(c.Code, PortalCultures.Pick(c.NameEn, c.NameEs, c.NamePt)))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture)
            .ToList();
}

/// <summary>
/// The countries, read once per process: they are reference data, written at startup from the shared reference
/// files and never edited in the portal, and every list and form that offers them asked the database again (one
/// statement of the authorities list's three). A failed read is not kept.
/// </summary>
public sealed class ReferenceCountries(IServiceScopeFactory scopes)
{
    private Task<IReadOnlyList<Country>>? read;

    public Task<IReadOnlyList<Country>> AllAsync()
    {
        var current = Volatile.Read(ref read);
        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            // Two requests arriving together may both read; either result is the same.
            current = ReadAsync();
            Volatile.Write(ref read, current);
        }

        return current;
    }

    private async Task<IReadOnlyList<Country>> ReadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Countries.AsNoTracking()
            .Select(c => new Country { Code = c.Code.Trim(), NameEn = c.NameEn, NameEs = c.NameEs, NamePt = c.NamePt })
            .ToListAsync(CancellationToken.None);
    }
}
