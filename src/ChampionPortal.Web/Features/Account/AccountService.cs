using System.Security.Claims;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Account;

public enum SignInOutcome
{
    SignedIn,
    Failed,

    /// <summary>Only after the password was right (the second step of two-factor sign-in): the first step never says so.</summary>
    LockedOut,
    RequiresTwoFactor,
}

public sealed class AccountService(
    SignInManager<PortalUser> signInManager, UserManager<PortalUser> userManager, IPasswordHasher<PortalUser> passwordHasher,
    PasswordLinkSender passwordLinks, Data.PortalDbContext db)
{
    /// <summary>A hash of no one's password, made with the portal's hasher settings, checked when there is no account's to check.</summary>
    private static string? decoyHash;

    /// <summary>
    /// Signs in with e-mail and password. An unknown address, a deactivated or locked account and a wrong password
    /// get the same answer after the same hash work, so that neither the words nor the time taken tell whether an
    /// account exists (a lockout is not announced either: the sign-in page says how to open a locked account).
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(SignInForm form)
    {
        var user = await userManager.FindByEmailAsync(form.Email.Trim());
        if (user is null || !user.IsActive || await userManager.IsLockedOutAsync(user))
        {
            decoyHash ??= passwordHasher.HashPassword(new PortalUser(), Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
            passwordHasher.VerifyHashedPassword(user ?? new PortalUser(), decoyHash, form.Password);
            return SignInOutcome.Failed;
        }

        var result = await signInManager.PasswordSignInAsync(user, form.Password, form.RememberMe, lockoutOnFailure: true);
        if ((result.Succeeded || result.RequiresTwoFactor) && !user.LanguageChosen && user.PreferredLanguage != PortalCultures.Current)
        {
            // The password is proven: the language the person signed in with replaces the guess made for them.
            user.PreferredLanguage = PortalCultures.Current;
            await userManager.UpdateAsync(user);
            if (result.Succeeded)
            {
                // The cookie just issued carries the old language; RefreshSignInAsync reads the cookie of the request, which has none yet.
                await signInManager.SignInAsync(user, form.RememberMe);
            }
        }

        return result.Succeeded ? SignInOutcome.SignedIn
            : result.RequiresTwoFactor ? SignInOutcome.RequiresTwoFactor
            : SignInOutcome.Failed;
    }

    public Task SignOutAsync() => signInManager.SignOutAsync();

    /// <summary>Sends a reset link to an active account with that address; says nothing about whether one exists.</summary>
    public async Task RequestPasswordResetAsync(string email, CancellationToken cancellationToken = default)
    {
        var user = await userManager.FindByEmailAsync(email.Trim());
        if (user is { IsActive: true })
        {
            await passwordLinks.SendAsync(user, newAccount: false, cancellationToken);
        }
    }

    /// <summary>Sets the password from an e-mailed link. The link works once: the new password changes the security stamp it was issued for.</summary>
    public async Task<IdentityResult> ResetPasswordAsync(ResetPasswordForm form)
    {
        var user = await userManager.FindByIdAsync(form.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is not { IsActive: true })
        {
            return IdentityResult.Failed(userManager.ErrorDescriber.InvalidToken());
        }

        var result = await userManager.ResetPasswordAsync(user, form.Token, form.NewPassword!);
        if (result.Succeeded)
        {
            // Proving control of the mailbox is as good as the password: a locked account opens again.
            await userManager.SetLockoutEndDateAsync(user, null);
            await userManager.ResetAccessFailedCountAsync(user);
        }

        return result;
    }

    public async Task<IdentityResult> ChangePasswordAsync(ClaimsPrincipal principal, ChangePasswordForm form)
    {
        var user = await userManager.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        var result = await userManager.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
        if (result.Succeeded)
        {
            await signInManager.RefreshSignInAsync(user);
        }

        return result;
    }

    public async Task<ProfilePage> ProfileAsync(ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        var consent = user.AuthorityId is { } authorityId
            && await db.Invitations.AnyAsync(i => i.AuthorityId == authorityId && i.Status == InvitationStatus.Accepted && i.DirectoryConsent);
        return new ProfilePage(
            new ProfileForm { FullName = user.FullName, PreferredLanguage = user.PreferredLanguage, DirectoryConsent = consent }, user.Email!,
            [.. await userManager.GetRolesAsync(user)])
        { IsAuthority = user.AuthorityId is not null };
    }

    /// <summary>Saves name and language and renews the cookie, which carries both.</summary>
    public async Task UpdateProfileAsync(ClaimsPrincipal principal, ProfileForm form)
    {
        var user = await userManager.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        user.FullName = form.FullName!.Trim();
        user.PreferredLanguage = form.PreferredLanguage!;
        user.LanguageChosen = true;
        await userManager.UpdateAsync(user);
        if (user.AuthorityId is { } authorityId)
        {
            // Consent given or withdrawn here holds for every cohort the person accepted; the directory follows at once.
            foreach (var invitation in await db.Invitations.Where(i => i.AuthorityId == authorityId && i.Status == InvitationStatus.Accepted).ToListAsync())
            {
                invitation.DirectoryConsent = form.DirectoryConsent;
            }

            await db.SaveChangesAsync();
        }

        await signInManager.RefreshSignInAsync(user);
    }

    /// <summary>Stores the chosen language in the signed-in user's profile and renews the cookie that carries it.</summary>
    public async Task SetPreferredLanguageAsync(ClaimsPrincipal principal, string language)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null || (user.PreferredLanguage == language && user.LanguageChosen))
        {
            return;
        }

        user.PreferredLanguage = language;
        user.LanguageChosen = true;
        await userManager.UpdateAsync(user);
        await signInManager.RefreshSignInAsync(user);
    }
}
