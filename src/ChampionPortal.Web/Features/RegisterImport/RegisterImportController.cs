using System.Globalization;
using System.Security.Claims;
using ChampionPortal.Web.Features.Attendance;
using ChampionPortal.Web.Features.Imports;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Tabular;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.RegisterImport;

/// <summary>The cohort register import (backfilling a cohort that ran before the portal): upload, preview, confirm.</summary>
[Route("cohorts/{cohortId:int}/register")]
[Authorize(Policy = Policies.ManageCohorts)]
public sealed class RegisterImportController(CohortRegisterImport import, IStringLocalizer<AttendanceResources> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int cohortId, CancellationToken cancellationToken) =>
        await import.CohortAsync(cohortId, cancellationToken) is { } cohort ? View("RegisterImport", cohort) : NotFound();

    [HttpGet("template")]
    public async Task<IActionResult> Template(int cohortId, TabularFormat format, CancellationToken cancellationToken)
    {
        if (await import.TemplateAsync(cohortId, cancellationToken) is not { } table)
        {
            return NotFound();
        }

        var (content, contentType, fileName) = TabularFile.Write(table, format, $"cohort-register-template-{cohortId}");
        return File(content, contentType, fileName);
    }

    [HttpPost(""), RequestSizeLimit(16 * ImportFileReader.MaxBytes)]
    public async Task<IActionResult> Upload(int cohortId, IFormFile? file, CancellationToken cancellationToken) =>
        await import.PreviewAsync(cohortId, file, UserId, cancellationToken) is { } preview ? View("RegisterPreview", preview) : NotFound();

    [HttpPost("{token}")]
    public async Task<IActionResult> Confirm(int cohortId, string token, CancellationToken cancellationToken)
    {
        var outcome = await import.CommitAsync(cohortId, token, UserId, cancellationToken);
        if (outcome is null)
        {
            TempData["Notice"] = text["Error_ReportExpired"].Value;
            return RedirectToAction(nameof(Index), new { cohortId });
        }

        if (outcome.Problems.Count > 0)
        {
            return View("RegisterPreview", outcome);
        }

        TempData["Notice"] = text["Notice_RegisterImported", outcome.AuthoritiesToCreate + outcome.AuthoritiesToUpdate, outcome.InvitationsToCreate + outcome.InvitationsToUpdate].Value;
        return Redirect($"/funnel?cohort={cohortId}");
    }

    private int UserId => int.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);
}
