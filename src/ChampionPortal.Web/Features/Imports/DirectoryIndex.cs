using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Imports;

/// <summary>
/// The authorities (by e-mail) and local governments (by country and accent-free name) that an import file names,
/// loaded in two queries; an import finds or creates its records through it so that two rows naming the same
/// place or person reach the same record.
/// </summary>
public sealed class DirectoryIndex
{
    private readonly Dictionary<string, Authority> authorities;
    private readonly Dictionary<(string CountryCode, string SearchKey), LocalGovernment> governments;

    private DirectoryIndex(Dictionary<string, Authority> authorities, Dictionary<(string, string), LocalGovernment> governments)
    {
        this.authorities = authorities;
        this.governments = governments;
    }

    public static async Task<DirectoryIndex> LoadAsync(
        PortalDbContext db, IEnumerable<string> emails, IEnumerable<string> countryCodes, CancellationToken cancellationToken)
    {
        var normalized = emails.Select(SearchText.Email).Distinct().ToList();
        var countries = countryCodes.Distinct().ToList();
        var authorities = await db.Authorities.Where(a => normalized.Contains(a.EmailNormalized)).ToDictionaryAsync(a => a.EmailNormalized, cancellationToken);
        var governments = (await db.LocalGovernments.Where(l => countries.Contains(l.CountryCode)).ToListAsync(cancellationToken))
            .GroupBy(l => (l.CountryCode, l.SearchKey)).ToDictionary(g => g.Key, g => g.First());
        return new DirectoryIndex(authorities, governments);
    }

    public Authority? FindAuthority(string email) => authorities.GetValueOrDefault(SearchText.Email(email));

    public bool HasAuthority(string email) => FindAuthority(email) is { Id: not 0 };

    public bool HasGovernment(string countryCode, string name) => governments.TryGetValue((countryCode, SearchText.Key(name)), out var g) && g.Id != 0;

    public LocalGovernment EnsureGovernment(PortalDbContext db, string countryCode, string name)
    {
        var key = (countryCode, SearchText.Key(name));
        if (!governments.TryGetValue(key, out var government))
        {
            government = new LocalGovernment { Name = name, CountryCode = countryCode, TimeZone = CountryTimeZones.DefaultFor(countryCode) };
            db.LocalGovernments.Add(government);
            governments[key] = government;
        }

        return government;
    }

    /// <summary>Finds the person by e-mail or adds them, then sets what the file says about them.</summary>
    public Authority EnsureAuthority(PortalDbContext db, string email, string fullName, string position, LocalGovernment government, string? preferredLanguage)
    {
        var key = SearchText.Email(email);
        if (!authorities.TryGetValue(key, out var authority))
        {
            authority = new Authority
            {
                FullName = fullName,
                Position = position,
                Email = email,
                CountryCode = government.CountryCode,
                PreferredLanguage = PortalCultures.ForCountry(government.CountryCode),
            };
            db.Authorities.Add(authority);
            authorities[key] = authority;
        }

        authority.FullName = fullName;
        authority.Position = position;
        authority.CountryCode = government.CountryCode;
        authority.LocalGovernment = government;
        authority.PreferredLanguage = preferredLanguage ?? authority.PreferredLanguage;
        return authority;
    }
}
