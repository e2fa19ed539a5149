using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Account;

[Route("account"), AllowWithoutTwoFactor]
public sealed class AccountController(AccountService accounts, IStringLocalizer<SharedResources> text) : Controller
{
    [HttpGet("sign-in"), AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) => View(new SignInForm { ReturnUrl = returnUrl });

    [HttpPost("sign-in"), AllowAnonymous, EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        switch (await accounts.SignInAsync(form))
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
            case SignInOutcome.RequiresTwoFactor:
                return Redirect(QueryHelpers.AddQueryString("/account/two-factor", new Dictionary<string, string?>
                {
                    ["returnUrl"] = Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : null,
                    ["rememberMe"] = form.RememberMe ? "true" : null,
                }));
            default:
                ModelState.AddModelError("", text["SignIn_Failed"]);
                break;
        }

        form.Password = "";
        return View(form);
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutOfPortal()
    {
        await accounts.SignOutAsync();
        return Redirect("/");
    }

    [HttpGet("access-denied"), AllowAnonymous]
    public IActionResult AccessDenied() => View();

    [HttpGet("forgot-password"), AllowAnonymous]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [HttpPost("forgot-password"), AllowAnonymous, EnableRateLimiting(RateLimits.PublicLinks)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        await accounts.RequestPasswordResetAsync(form.Email!, cancellationToken);
        return View("ForgotPasswordSent");
    }

    [HttpGet("reset-password"), AllowAnonymous]
    public IActionResult ResetPassword(int user, string? token) =>
        View(new ResetPasswordForm { UserId = user, Token = token ?? "" });

    [HttpPost("reset-password"), AllowAnonymous, EnableRateLimiting(RateLimits.PublicLinks)]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form)
    {
        if (ModelState.IsValid && await ShowErrorsAsync(accounts.ResetPasswordAsync(form)))
        {
            TempData["Notice"] = text["ResetPassword_Done"].Value;
            return Redirect("/account/sign-in");
        }

        return View(form);
    }

    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        if (ModelState.IsValid && await ShowErrorsAsync(accounts.ChangePasswordAsync(User, form)))
        {
            TempData["Notice"] = text["ChangePassword_Done"].Value;
            return Redirect("/account/profile");
        }

        return View(new ChangePasswordForm());
    }

    [HttpGet("profile")]
    public async Task<IActionResult> Profile() => View(await accounts.ProfileAsync(User));

    [HttpPost("profile")]
    public async Task<IActionResult> Profile(ProfileForm form)
    {
        if (form.PreferredLanguage is not null && !PortalCultures.IsSupported(form.PreferredLanguage))
        {
            ModelState.AddFieldError(nameof(form.PreferredLanguage), text["Validation_UnknownLanguage"]);
        }

        if (!ModelState.IsValid)
        {
            var page = await accounts.ProfileAsync(User);
            return View(page with { Form = form });
        }

        await accounts.UpdateProfileAsync(User, form);
        TempData["Notice"] = text["Profile_Saved"].Value;
        return Redirect("/account/profile");
    }

    private async Task<bool> ShowErrorsAsync(Task<IdentityResult> operation)
    {
        var result = await operation;
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError("", error.Description);
        }

        return result.Succeeded;
    }
}
