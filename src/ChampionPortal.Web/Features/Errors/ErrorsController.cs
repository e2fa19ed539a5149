using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChampionPortal.Web.Features.Errors;

[Route("error"), AllowAnonymous, IgnoreAntiforgeryToken, Infrastructure.Auth.AllowWithoutTwoFactor]
public sealed class ErrorsController : Controller
{
    /// <summary>
    /// An unhandled failure: 503 with a "try again shortly" page when the database could not be reached (the portal
    /// recovers by itself when it returns), 500 otherwise.
    /// </summary>
    [Route("")]
    public IActionResult Problem500()
    {
        var error = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
        var status = DatabaseUnavailable(error) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = "30";
        }

        Response.StatusCode = status;
        return View("Error", status);
    }

    /// <summary>
    /// Only a failure to reach the database (refused or dropped connections, timeouts, a server shutting down or out of
    /// connections, SQLite's file busy or locked) is "unavailable": an error the database answers about the request
    /// itself (a value too long, a broken constraint, SQL it cannot run) is a defect, logged and shown as one.
    /// </summary>
    public static bool DatabaseUnavailable(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal);
                case Npgsql.NpgsqlException:
                case TimeoutException:
                    return true;
                case Microsoft.Data.Sqlite.SqliteException sqlite:
                    return sqlite.SqliteErrorCode is 5 or 6 or 14;
            }
        }

        return false;
    }

    // No parameters to bind: MVC builds every value provider before binding, and the form provider of a request whose
    // body was refused (413) fails, which would leave the code 0 and answer 404.
    [Route("{code:int}")]
    public IActionResult Status()
    {
        var code = int.Parse((string)RouteData.Values["code"]!, System.Globalization.CultureInfo.InvariantCulture);
        Response.StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound;
        return View("Error", Response.StatusCode);
    }
}
