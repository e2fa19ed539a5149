using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Account;

[Route("account/two-factor"), AllowWithoutTwoFactor]
public sealed class TwoFactorController(TwoFactorService twoFactor, IStringLocalizer<SharedResources> text) : Controller
{
    [HttpGet(""), AllowAnonymous]
    public async Task<IActionResult> SignIn(string? returnUrl, bool rememberMe, bool recovery) =>
        await twoFactor.IsAwaitingSecondStepAsync()
            ? View("TwoFactorSignInStep", new TwoFactorSignInForm { ReturnUrl = returnUrl, RememberMe = rememberMe, UseRecoveryCode = recovery })
            : Redirect("/account/sign-in");

    [HttpPost(""), AllowAnonymous, EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> SignIn(TwoFactorSignInForm form)
    {
        if (!await twoFactor.IsAwaitingSecondStepAsync())
        {
            // The first step expired (or never happened): start again rather than guess codes without a password.
            return Redirect("/account/sign-in");
        }

        if (ModelState.IsValid)
        {
            switch (await twoFactor.SignInAsync(form))
            {
                case SignInOutcome.SignedIn:
                    return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
                case SignInOutcome.LockedOut:
                    ModelState.AddModelError("", text["SignIn_LockedOut"]);
                    break;
                default:
                    ModelState.AddModelError("", text[form.UseRecoveryCode ? "TwoFactor_WrongRecoveryCode" : "TwoFactor_WrongCode"]);
                    break;
            }
        }

        form.Code = "";
        return View("TwoFactorSignInStep", form);
    }

    [HttpGet("setup")]
    public async Task<IActionResult> Setup(string? enrolment) => View("TwoFactorSetup", await twoFactor.PageAsync(User, enrolment));

    [HttpPost("setup")]
    public async Task<IActionResult> Setup(TwoFactorCodeForm form)
    {
        if (ModelState.IsValid && await twoFactor.EnableAsync(User, form.Code!, form.Enrolment) is { } codes)
        {
            return View("RecoveryCodes", new RecoveryCodesPage(codes));
        }

        if (ModelState.IsValid)
        {
            ModelState.AddFieldError(nameof(form.Code), text["TwoFactor_WrongCode"]);
        }

        return View("TwoFactorSetup", await twoFactor.PageAsync(User, form.Enrolment) with { Form = new TwoFactorCodeForm { Enrolment = form.Enrolment } });
    }

    [HttpPost("setup/link"), EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> SendEnrolmentLink()
    {
        await twoFactor.SendEnrolmentLinkAsync(User);
        TempData["Notice"] = text["TwoFactor_LinkSent"].Value;
        return Redirect("/account/two-factor/setup");
    }

    [HttpPost("recovery-codes")]
    public async Task<IActionResult> RecoveryCodes() =>
        await twoFactor.NewRecoveryCodesAsync(User) is { } codes
            ? View("RecoveryCodes", new RecoveryCodesPage(codes))
            : Redirect("/account/two-factor/setup");

    [HttpPost("disable")]
    public async Task<IActionResult> Disable()
    {
        TempData["Notice"] = await twoFactor.DisableAsync(User)
            ? text["TwoFactor_Disabled"].Value
            : text["TwoFactor_CannotDisable"].Value;
        return Redirect("/account/two-factor/setup");
    }
}
