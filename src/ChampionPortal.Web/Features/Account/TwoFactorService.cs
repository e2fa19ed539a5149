using System.Globalization;
using System.Security.Claims;
using System.Text;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Emails;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Qr;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;

namespace ChampionPortal.Web.Features.Account;

/// <summary>Two-factor sign-in with an authenticator app (TOTP) and single-use recovery codes.</summary>
public sealed class TwoFactorService(
    SignInManager<PortalUser> signInManager, UserManager<PortalUser> userManager, IUserStore<PortalUser> users, AccountNoticeSender notices,
    PublicUrls urls, TimeProvider clock)
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "Champion Portal";
    private const string EnrolmentPurpose = "TwoFactorEnrolment";

    /// <summary>Whether a password was accepted in this browser and the second step is awaited.</summary>
    public async Task<bool> IsAwaitingSecondStepAsync() => await signInManager.GetTwoFactorAuthenticationUserAsync() is not null;

    public async Task<SignInOutcome> SignInAsync(TwoFactorSignInForm form)
    {
        // Recovery codes are stored as shown ("XXXXX-XXXXX"): only surrounding spaces go.
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        var result = form.UseRecoveryCode
            ? await signInManager.TwoFactorRecoveryCodeSignInAsync((form.Code ?? "").Trim())
            : await signInManager.TwoFactorAuthenticatorSignInAsync(Normalize(form.Code), form.RememberMe, rememberClient: false);
        if (result.Succeeded && form.UseRecoveryCode && user is not null)
        {
            await notices.SendAsync(user, AccountNoticeKind.RecoveryCodeUsed);
        }

        return result.Succeeded ? SignInOutcome.SignedIn
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : SignInOutcome.Failed;
    }

    /// <summary>
    /// The set-up page. Once an account's grace period is over, the key is shown only with a valid
    /// <paramref name="enrolment"/> link from the account's mailbox: whoever has the password alone must not be able to
    /// enrol an authenticator of their own and lock the owner out.
    /// </summary>
    public async Task<TwoFactorPage> PageAsync(ClaimsPrincipal principal, string? enrolment = null)
    {
        var user = await CurrentUserAsync(principal);
        var required = TwoFactorRequirementFilter.IsRequiredFor(await userManager.GetRolesAsync(user));
        if (user.TwoFactorEnabled)
        {
            return new TwoFactorPage(true, required, null, null, null, await userManager.CountRecoveryCodesAsync(user), principal.TwoFactorRequiredFrom());
        }

        if (!await MayEnrolAsync(principal, user, enrolment))
        {
            return new TwoFactorPage(false, required, null, null, null, 0, principal.TwoFactorRequiredFrom())
            {
                NeedsEmailedLink = true,
                EnrolmentLinkInvalid = !string.IsNullOrEmpty(enrolment),
            };
        }

        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // The first key, stored without Identity's reset, which changes the security stamp and so ended this very
            // session at the next check of the account: there was no key before, so there is nothing to invalidate.
            key = userManager.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<PortalUser>)users).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            await userManager.UpdateAsync(user);
        }

        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        return new TwoFactorPage(false, required, Grouped(key), QrCodes.Svg(uri), uri, 0, principal.TwoFactorRequiredFrom()) { Form = new TwoFactorCodeForm { Enrolment = enrolment } };
    }

    /// <summary>E-mails the account's owner the link that opens set-up after the grace period.</summary>
    public async Task SendEnrolmentLinkAsync(ClaimsPrincipal principal)
    {
        var user = await CurrentUserAsync(principal);
        var token = await userManager.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, EnrolmentPurpose);
        await notices.SendAsync(user, AccountNoticeKind.TwoFactorLink, urls.Absolute($"/account/two-factor/setup?enrolment={Uri.EscapeDataString(token)}"));
    }

    /// <summary>
    /// Turns two-factor sign-in on once the app shows a valid code (and, after the grace period, with the e-mailed
    /// link); returns the recovery codes, or null when refused. The owner is told by e-mail.
    /// </summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(ClaimsPrincipal principal, string code, string? enrolment)
    {
        var user = await CurrentUserAsync(principal);
        if (!await MayEnrolAsync(principal, user, enrolment)
            || !await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, Normalize(code)))
        {
            return null;
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        var codes = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await signInManager.RefreshSignInAsync(user);
        await notices.SendAsync(user, AccountNoticeKind.TwoFactorEnabled);
        return [.. codes ?? []];
    }

    /// <summary>Within the grace period (or for roles that do not need it) anyone signed in may enrol; after it, only with the e-mailed link.</summary>
    private async Task<bool> MayEnrolAsync(ClaimsPrincipal principal, PortalUser user, string? enrolment) =>
        principal.TwoFactorRequiredFrom() is not { } requiredFrom || requiredFrom > clock.GetUtcNow().UtcDateTime
        || (!string.IsNullOrEmpty(enrolment) && await userManager.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, EnrolmentPurpose, enrolment));

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

    /// <summary>The grace period is over: set-up opens only from a link e-mailed to the account's address.</summary>
    public bool NeedsEmailedLink { get; init; }

    public bool EnrolmentLinkInvalid { get; init; }
}

public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes);
