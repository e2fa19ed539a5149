using System.Globalization;
using System.Security.Claims;
using ChampionPortal.Web.Domain;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ChampionPortal.Web.Infrastructure.Auth;

/// <summary>Security:TwoFactorGraceDays — how long an Administrator or RegionalStaff account may sign in with a password alone.</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Security";

    public int TwoFactorGraceDays { get; set; } = 14;
}

/// <summary>Marks the pages a person must still reach when two-factor sign-in is overdue: setting it up, signing out, errors.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowWithoutTwoFactorAttribute : Attribute;

public static class TwoFactorClaims
{
    /// <summary>"on" when the account signs in with a second factor.</summary>
    public const string Enabled = "portal:2fa";

    /// <summary>For accounts that must use it and do not yet: from when (UTC, round-trip format).</summary>
    public const string RequiredFrom = "portal:2fa-from";

    public static bool UsesTwoFactor(this ClaimsPrincipal user) => user.FindFirstValue(Enabled) == "on";

    /// <summary>When the account must have two-factor sign-in set up, or null when it has it or its role does not need it.</summary>
    public static DateTime? TwoFactorRequiredFrom(this ClaimsPrincipal user) =>
        user.FindFirstValue(RequiredFrom) is { } value
            ? DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;
}

/// <summary>
/// After the grace period, an Administrator or RegionalStaff account without a second factor reaches nothing but
/// the set-up page: a stolen password alone must not open every country's personal data.
/// </summary>
public sealed class TwoFactorRequirementFilter(TimeProvider clock) : IAuthorizationFilter
{
    public const string SetupPath = "/account/two-factor/setup";

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true
            || user.TwoFactorRequiredFrom() is not { } requiredFrom
            || requiredFrom > clock.GetUtcNow().UtcDateTime
            || context.ActionDescriptor.EndpointMetadata.OfType<AllowWithoutTwoFactorAttribute>().Any())
        {
            return;
        }

        context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult(SetupPath);
    }

    /// <summary>Whether an account in these roles must use two-factor sign-in.</summary>
    public static bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(Roles.RequiringTwoFactor.Contains);
}
