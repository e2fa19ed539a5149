using ChampionPortal.Web.Domain;
using Microsoft.AspNetCore.Authorization;

namespace ChampionPortal.Web.Infrastructure.Auth;

/// <summary>Every named authorization policy of the portal, in one place.</summary>
public static class Policies
{
    public const string Administration = nameof(Administration);
    public const string ManageCohorts = nameof(ManageCohorts);
    public const string ManageLocalGovernments = nameof(ManageLocalGovernments);
    public const string ManageAuthorities = nameof(ManageAuthorities);
    public const string ViewNominations = nameof(ViewNominations);
    public const string Nominate = nameof(Nominate);
    public const string ReviewNominations = nameof(ReviewNominations);

    /// <summary>The workshop's outputs (mapping, agenda): every role reaches them; records are checked one by one.</summary>
    public const string WorkshopOutputs = nameof(WorkshopOutputs);

    /// <summary>An authority signed in with their own account checks in to a session with its code.</summary>
    public const string OwnCheckIn = nameof(OwnCheckIn);

    /// <summary>An authority's own calendar: the sessions of the cohorts whose invitation they accepted, and their feed address.</summary>
    public const string OwnCalendar = nameof(OwnCalendar);

    /// <summary>Resource-based: the record's country must be within the user's country scope.</summary>
    public const string CountryScope = nameof(CountryScope);

    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, CountryScopeHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Administration, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(ManageCohorts, p => p.RequireRole(Roles.Administrator, Roles.RegionalStaff))
            .AddPolicy(ManageLocalGovernments, p => p.RequireRole(Roles.Administrator, Roles.RegionalStaff, Roles.CountryOffice))
            .AddPolicy(ManageAuthorities, p => p.RequireRole(Roles.Administrator, Roles.RegionalStaff, Roles.CountryOffice))
            .AddPolicy(ViewNominations, p => p.RequireRole(Roles.Administrator, Roles.RegionalStaff, Roles.CountryOffice))
            .AddPolicy(Nominate, p => p.RequireRole(Roles.CountryOffice).RequireClaim(PortalClaimTypes.Country))
            .AddPolicy(ReviewNominations, p => p.RequireRole(Roles.Administrator, Roles.RegionalStaff))
            .AddPolicy(WorkshopOutputs, p => p.RequireRole(Roles.All))
            .AddPolicy(OwnCheckIn, p => p.RequireRole(Roles.Authority).RequireClaim(PortalClaimTypes.Authority))
            .AddPolicy(OwnCalendar, p => p.RequireRole(Roles.Authority).RequireClaim(PortalClaimTypes.Authority))
            .AddPolicy(CountryScope, p => p.AddRequirements(new CountryScopeRequirement()));
        return services;
    }
}

/// <summary>The same policies and record checks, asked by a view that shows or hides what only some may do, or by a service that loads the record.</summary>
public static class PolicyChecks
{
    public static async Task<bool> AllowsAsync(this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user, string policy) =>
        (await authorization.AuthorizeAsync(user, policy)).Succeeded;

    /// <summary>A record-level check: whether the user may do the operation on the record.</summary>
    public static async Task<bool> AllowsAsync(
        this IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user, object resource, IAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(user, resource, operation)).Succeeded;
}

public sealed class CountryScopeRequirement : IAuthorizationRequirement;

public sealed class CountryScopeHandler : AuthorizationHandler<CountryScopeRequirement, ICountryScoped>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CountryScopeRequirement requirement, ICountryScoped resource)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.CountryScope().Allows(resource.CountryCode))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
