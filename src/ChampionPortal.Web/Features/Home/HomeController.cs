using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChampionPortal.Web.Features.Home;

[Route("")]
public sealed class HomeController(HomeService home) : Controller
{
    /// <summary>The public welcome, or for a signed-in user the landing page of their role.</summary>
    [HttpGet(""), AllowAnonymous]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await home.ForAsync(User, cancellationToken));
}
