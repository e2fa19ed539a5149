using ChampionPortal.Web.Features.Account;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChampionPortal.Web.Features.Language;

[Route("language"), Infrastructure.Auth.AllowWithoutTwoFactor]
public sealed class LanguageController(AccountService accounts, TimeProvider clock) : Controller
{
    /// <summary>Remembers the chosen language in a cookie and, for a signed-in user, in the profile.</summary>
    [HttpPost(""), AllowAnonymous]
    public async Task<IActionResult> Choose(string culture, string? returnUrl)
    {
        if (PortalCultures.IsSupported(culture))
        {
            PortalCultures.Remember(Response, culture, clock.GetUtcNow());
            if (User.Identity?.IsAuthenticated == true)
            {
                await accounts.SetPreferredLanguageAsync(User, culture);
            }
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
