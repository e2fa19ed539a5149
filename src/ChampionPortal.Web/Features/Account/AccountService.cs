using ChampionPortal.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace ChampionPortal.Web.Features.Account;

public enum SignInOutcome
{
    SignedIn,
    Failed,
    LockedOut,
}

public sealed class AccountService(SignInManager<PortalUser> signInManager, UserManager<PortalUser> userManager)
{
    public async Task<SignInOutcome> SignInAsync(SignInForm form)
    {
        var user = await userManager.FindByEmailAsync(form.Email.Trim());

        // The same answer for an unknown address, a wrong password and a deactivated account: no enumeration.
        if (user is null || !user.IsActive)
        {
            return SignInOutcome.Failed;
        }

        var result = await signInManager.PasswordSignInAsync(user, form.Password, form.RememberMe, lockoutOnFailure: true);
        return result.Succeeded ? SignInOutcome.SignedIn
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : SignInOutcome.Failed;
    }

    public Task SignOutAsync() => signInManager.SignOutAsync();

    /// <summary>Stores the chosen language in the signed-in user's profile and renews the cookie that carries it.</summary>
    public async Task SetPreferredLanguageAsync(System.Security.Claims.ClaimsPrincipal principal, string language)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null || user.PreferredLanguage == language)
        {
            return;
        }

        user.PreferredLanguage = language;
        await userManager.UpdateAsync(user);
        await signInManager.RefreshSignInAsync(user);
    }
}
