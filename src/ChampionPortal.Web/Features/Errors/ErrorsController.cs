using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChampionPortal.Web.Features.Errors;

[Route("error"), AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class ErrorsController : Controller
{
    [Route("")]
    public IActionResult Problem500()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error", StatusCodes.Status500InternalServerError);
    }

    [Route("{code:int}")]
    public IActionResult Status(int code)
    {
        Response.StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound;
        return View("Error", Response.StatusCode);
    }
}
