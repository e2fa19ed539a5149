using System.Globalization;
using System.Security.Claims;
using System.Text;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Qr;
using Microsoft.AspNetCore.Identity;

namespace ChampionPortal.Web.Features.Account;

/// <summary>Two-factor sign-in with an authenticator app (TOTP) and single-use recovery codes.</summary>
public sealed class TwoFactorService(SignInManager<PortalUser> signInManager, UserManager<PortalUser> userManager)
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "Champion Portal";

    /// <summary>Whether a password was accepted in this browser and the second step is awaited.</summary>
    public async Task<bool> IsAwaitingSecondStepAsync() => await signInManager.GetTwoFactorAuthenticationUserAsync() is not null;

    public async Task<SignInOutcome> SignInAsync(TwoFactorSignInForm form)
    {
        // Recovery codes are stored as shown ("XXXXX-XXXXX"): only surrounding spaces go.
        var result = form.UseRecoveryCode
            ? await signInManager.TwoFactorRecoveryCodeSignInAsync((form.Code ?? "").Trim())
            : await signInManager.TwoFactorAuthenticatorSignInAsync(Normalize(form.Code), form.RememberMe, rememberClient: false);
        return result.Succeeded ? SignInOutcome.SignedIn
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : SignInOutcome.Failed;
    }

    public async Task<TwoFactorPage> PageAsync(ClaimsPrincipal principal)
    {
        var user = await CurrentUserAsync(principal);
        var required = TwoFactorRequirementFilter.IsRequiredFor(await userManager.GetRolesAsync(user));
        if (user.TwoFactorEnabled)
        {
            return new TwoFactorPage(true, required, null, null, null, await userManager.CountRecoveryCodesAsync(user), principal.TwoFactorRequiredFrom());
        }

        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await userManager.ResetAuthenticatorKeyAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was stored.");
        }

        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        return new TwoFactorPage(false, required, Grouped(key), QrCodes.Svg(uri), uri, 0, principal.TwoFactorRequiredFrom());
    }

    /// <summary>Turns two-factor sign-in on once the app shows a valid code; returns the recovery codes, or null for a wrong code.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(ClaimsPrincipal principal, string code)
    {
        var user = await CurrentUserAsync(principal);
        if (!await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, Normalize(code)))
        {
            return null;
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        var codes = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await signInManager.RefreshSignInAsync(user);
        return [.. codes ?? []];
    }

    /// <summary>New recovery codes; the old ones stop working.</summary>
    public async Task<IReadOnlyList<string>?> NewRecoveryCodesAsync(ClaimsPrincipal principal)
    {
        var user = await CurrentUserAsync(principal);
        return user.TwoFactorEnabled ? [.. await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []] : null;
    }

    /// <summary>Turns two-factor sign-in off, for roles that may sign in without it; false for roles that must keep it.</summary>
    public async Task<bool> DisableAsync(ClaimsPrincipal principal)
    {
        var user = await CurrentUserAsync(principal);
        if (TwoFactorRequirementFilter.IsRequiredFor(await userManager.GetRolesAsync(user)))
        {
            return false;
        }

        await userManager.SetTwoFactorEnabledAsync(user, false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        await signInManager.RefreshSignInAsync(user);
        return true;
    }

    private async Task<PortalUser> CurrentUserAsync(ClaimsPrincipal principal) =>
        await userManager.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in user no longer exists.");

    // Apps show "123 456" or "123-456".
    private static string Normalize(string? code) =>
        new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    private static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLower(CultureInfo.InvariantCulture);
    }
}

public sealed record TwoFactorPage(
    bool Enabled, bool Required, string? Key, string? QrSvg, string? AuthenticatorUri, int RecoveryCodesLeft, DateTime? RequiredFrom)
{
    public TwoFactorCodeForm Form { get; init; } = new();
}

public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes);
