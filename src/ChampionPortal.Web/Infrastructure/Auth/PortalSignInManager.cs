using System.Security.Claims;
using ChampionPortal.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChampionPortal.Web.Infrastructure.Auth;

/// <summary>
/// A deactivated account loses its open sessions at the next security-stamp check, not only its next sign-in. The
/// parameters are Identity's SignInManager's own, passed on unchanged.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    TimeProvider clock,
    IOptions<TwoFactorOptions> twoFactor)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>The grace period for two-factor sign-in starts at the first sign-in in a role that needs it.</summary>
    public override async Task SignInWithClaimsAsync(PortalUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        if (!user.TwoFactorEnabled && user.TwoFactorRequiredFromUtc is null
            && TwoFactorRequirementFilter.IsRequiredFor(await UserManager.GetRolesAsync(user)))
        {
            user.TwoFactorRequiredFromUtc = clock.GetUtcNow().UtcDateTime.AddDays(twoFactor.Value.TwoFactorGraceDays);
            await UserManager.UpdateAsync(user);
        }

        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
    }

    public override async Task<PortalUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsActive: true } ? user : null;
    }

    public override async Task<bool> CanSignInAsync(PortalUser user) => user.IsActive && await base.CanSignInAsync(user);
}
