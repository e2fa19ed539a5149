using System.Security.Claims;
using ChampionPortal.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChampionPortal.Web.Infrastructure.Auth;

public static class PortalClaimTypes
{
    public const string Country = "portal:country";
    public const string Authority = "portal:authority";
    public const string Language = "portal:lang";
    public const string FullName = "portal:name";
}

/// <summary>Puts what authorization and culture selection need into the sign-in cookie, read once per sign-in.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager, RoleManager<PortalRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, PortalRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.CountryCode is { } country)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.Country, country));
        }

        if (user.AuthorityId is { } authority)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.Authority, authority.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        identity.AddClaim(new Claim(PortalClaimTypes.Language, user.PreferredLanguage));
        identity.AddClaim(new Claim(PortalClaimTypes.FullName, user.FullName));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorClaims.Enabled, "on"));
        }
        else if (user.TwoFactorRequiredFromUtc is { } requiredFrom
            && Roles.RequiringTwoFactor.Any(role => identity.HasClaim(Options.ClaimsIdentity.RoleClaimType, role)))
        {
            identity.AddClaim(new Claim(TwoFactorClaims.RequiredFrom, requiredFrom.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>
    /// Which records a signed-in person reaches, read from the roles and claims of the sign-in in this one place:
    /// the lists and record checks of every feature start from it.
    /// </summary>
    public static Reach Reach(this ClaimsPrincipal user) => new(
        Regional: user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.RegionalStaff),
        Country: user.IsInRole(Roles.CountryOffice) ? user.FindFirstValue(PortalClaimTypes.Country) : null,
        AuthorityId: user.IsInRole(Roles.Authority) && int.TryParse(user.FindFirstValue(PortalClaimTypes.Authority), out var authorityId) ? authorityId : null);

    /// <summary>
    /// The one country whose records this user may reach, or null when the user's role reaches all countries.
    /// A CountryOffice user without a country reaches none (an impossible code), never all.
    /// </summary>
    public static CountryScope CountryScope(this ClaimsPrincipal user) => user.Reach().CountryScope;
}

/// <summary>
/// What a signed-in person's records are. The regional team (administrators and regional staff) reach every record;
/// a country office its country's (an office without a country: none, never all); an authority their own
/// records and their local government's. A person may hold several roles; each adds its reach.
/// </summary>
public sealed record Reach(bool Regional, string? Country, int? AuthorityId)
{
    public CountryScope CountryScope => Regional ? Auth.CountryScope.AllCountries : new CountryScope(Country ?? "--");

    /// <summary>An authority's reach only: their own records, nothing by country.</summary>
    public bool OwnRecordsOnly => !Regional && Country is null && AuthorityId is not null;
}

/// <summary>Which countries' records a query may return.</summary>
public sealed record CountryScope(string? OnlyCountry)
{
    public static readonly CountryScope AllCountries = new((string?)null);

    public bool Allows(string countryCode) => OnlyCountry is null || string.Equals(OnlyCountry, countryCode, StringComparison.Ordinal);

    public IQueryable<T> Apply<T>(IQueryable<T> query)
        where T : ICountryScoped =>
        OnlyCountry is null ? query : query.Where(r => r.CountryCode == OnlyCountry);
}
