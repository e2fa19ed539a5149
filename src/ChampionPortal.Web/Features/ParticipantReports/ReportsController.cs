using System.Globalization;
using System.Security.Claims;
using ChampionPortal.Web.Features.Attendance;
using ChampionPortal.Web.Features.Imports;
using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChampionPortal.Web.Features.ParticipantReports;

/// <summary>Upload of a virtual session's participant report: map columns if needed, review matches, confirm.</summary>
[Route("sessions/{sessionId:int}/attendance/report")]
[Authorize(Policy = Policies.ManageCohorts)]
public sealed class ReportsController(
    ReportReconciliation reconciliation, AttendanceService attendance, IOptions<AttendanceOptions> options, IStringLocalizer<AttendanceResources> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Upload(int sessionId, CancellationToken cancellationToken) =>
        await attendance.SessionAsync(sessionId, cancellationToken) is { } session
            ? View("Upload", new ReportRefused(session, []))
            : NotFound();

    [HttpPost(""), RequestSizeLimit(16 * ImportFileReader.MaxBytes)]
    public async Task<IActionResult> Upload(int sessionId, IFormFile? file, int? minimumSharePercent, CancellationToken cancellationToken) =>
        Show(await reconciliation.UploadAsync(sessionId, file, minimumSharePercent ?? options.Value.MinimumSharePercent, UserId, cancellationToken));

    [HttpGet("{token}")]
    public async Task<IActionResult> Review(int sessionId, string token, CancellationToken cancellationToken) =>
        Show(await reconciliation.ReviewAsync(sessionId, token, UserId, cancellationToken));

    [HttpPost("{token}/columns")]
    public async Task<IActionResult> MapColumns(int sessionId, string token, ColumnMappingForm form, CancellationToken cancellationToken)
    {
        var (step, error) = await reconciliation.MapColumnsAsync(sessionId, token, form, UserId, cancellationToken);
        if (error is not null)
        {
            ModelState.AddModelError("", text[error]);
        }

        return Show(step);
    }

    [HttpPost("{token}")]
    public async Task<IActionResult> Confirm(int sessionId, string token, ReconciliationForm form, CancellationToken cancellationToken)
    {
        var (page, error, present, absent) = await reconciliation.ConfirmAsync(sessionId, token, form, UserId, cancellationToken);
        if (page is null)
        {
            TempData["Notice"] = text["Error_ReportExpired"].Value;
            return RedirectToAction(nameof(Upload), new { sessionId });
        }

        if (error is not null)
        {
            ModelState.AddModelError("", text[error]);
            return View("Reconcile", page);
        }

        TempData["Notice"] = text["Notice_Reconciled", present, absent].Value;
        return Redirect($"/sessions/{sessionId}/attendance");
    }

    private IActionResult Show(ReportStep? step) => step switch
    {
        ReportNeedsMapping mapping => View("MapColumns", mapping.Page),
        ReportReady ready => View("Reconcile", ready.Page),
        ReportRefused refused => View("Upload", refused),
        _ => NotFound(),
    };

    private int UserId => int.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);
}
