using System.Security.Claims;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Tabular;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Imports;

/// <summary>Import of authorities and local governments: upload, preview, confirm. Country offices import for their own country only.</summary>
[Route("imports")]
[Authorize(Policy = Policies.ManageAuthorities)]
public sealed class ImportsController(DirectoryImport import, IStringLocalizer<ImportsResources> text) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();

    [HttpGet("template")]
    public IActionResult Template(TabularFormat format)
    {
        var (content, contentType, fileName) = TabularFile.Write(
            new Table(DirectoryColumns.All, [DirectoryColumns.ExampleRow]),
            format, "champion-portal-import-template");
        return File(content, contentType, fileName);
    }

    // Well above the file limit, so that an oversized file reaches the reader and is refused with a message
    // rather than by a closed connection.
    [HttpPost(""), RequestSizeLimit(16 * ImportFileReader.MaxBytes)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken) =>
        View("Preview", await import.PreviewAsync(file, UserId, User.CountryScope(), cancellationToken));

    [HttpPost("{token}")]
    public async Task<IActionResult> Confirm(string token, CancellationToken cancellationToken)
    {
        var outcome = await import.CommitAsync(token, UserId, User.CountryScope(), cancellationToken);
        if (outcome is null)
        {
            TempData["Notice"] = text["Error_Expired"].Value;
            return RedirectToAction(nameof(Index));
        }

        if (!outcome.Problems.Any())
        {
            TempData["Notice"] = text["Notice_Imported", outcome.AuthoritiesToCreate, outcome.AuthoritiesToUpdate, outcome.LocalGovernmentsToCreate].Value;
            return Redirect("/authorities");
        }

        return View("Preview", outcome);
    }

    private int UserId => int.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);
}
