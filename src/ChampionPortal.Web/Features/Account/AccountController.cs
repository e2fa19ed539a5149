using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Account;

[Route("account")]
public sealed class AccountController(AccountService accounts, IStringLocalizer<SharedResources> text) : Controller
{
    [HttpGet("sign-in"), AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) => View(new SignInForm { ReturnUrl = returnUrl });

    [HttpPost("sign-in"), AllowAnonymous]
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
            case SignInOutcome.LockedOut:
                ModelState.AddModelError("", text["SignIn_LockedOut"]);
                break;
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
}
