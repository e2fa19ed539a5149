using ChampionPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChampionPortal.Web.Features.Home;

[Route("")]
public sealed class HomeController(NavigationMenu navigation) : Controller
{
    /// <summary>The public welcome, or for a signed-in user the entry points their role has.</summary>
    [HttpGet(""), AllowAnonymous]
    public async Task<IActionResult> Index() =>
        View(User.Identity?.IsAuthenticated == true ? await navigation.ItemsForAsync(User) : []);
}
