using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Attendance;

/// <summary>A session's attendance register. RegionalStaff and Administrators only.</summary>
[Route("sessions/{sessionId:int}/attendance")]
[Authorize(Policy = Policies.ManageCohorts)]
public sealed class AttendanceController(AttendanceService attendance, IStringLocalizer<AttendanceResources> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int sessionId, CancellationToken cancellationToken) =>
        await attendance.RegisterAsync(sessionId, cancellationToken) is { } register ? View(register) : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Save(int sessionId, RegisterForm form, CancellationToken cancellationToken)
    {
        if (form.Bulk is not null && !form.Rows.Any(r => r.Selected))
        {
            TempData["Notice"] = text["Error_NoneSelected"].Value;
            return RedirectToAction(nameof(Index), new { sessionId });
        }

        var result = await attendance.SaveAsync(sessionId, form, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        TempData["Notice"] = result.Conflicts.Count == 0
            ? text["Notice_Saved", result.Saved].Value
            : text["Notice_SavedWithConflicts", result.Saved, string.Join(", ", result.Conflicts)].Value;
        return RedirectToAction(nameof(Index), new { sessionId });
    }

    [HttpPost("close")]
    public async Task<IActionResult> Close(int sessionId, CancellationToken cancellationToken)
    {
        if (await attendance.SessionAsync(sessionId, cancellationToken) is null)
        {
            return NotFound();
        }

        var closed = await attendance.CloseUnmarkedAsync(sessionId, cancellationToken);
        TempData["Notice"] = closed is { } count ? text["Notice_Closed", count].Value : text["Error_NotEnded"].Value;
        return RedirectToAction(nameof(Index), new { sessionId });
    }
}
