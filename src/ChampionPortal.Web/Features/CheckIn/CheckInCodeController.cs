using ChampionPortal.Web.Features.Attendance;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Qr;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChampionPortal.Web.Features.CheckIn;

/// <summary>A session's check-in screen (its code and QR code), shown by staff in the room. RegionalStaff and Administrators only.</summary>
[Route("sessions/{sessionId:int}/attendance/check-in")]
[Authorize(Policy = Policies.ManageCohorts)]
public sealed class CheckInCodeController(AttendanceService attendance, CheckInService checkIn, PublicUrls urls) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> CheckInCode(int sessionId, CancellationToken cancellationToken)
    {
        if (await attendance.SessionAsync(sessionId, cancellationToken) is not { } session
            || await checkIn.CheckInCodeAsync(sessionId, cancellationToken) is not { } code)
        {
            return NotFound();
        }

        var url = urls.Absolute($"/check-in?code={code}");
        return View(new CheckInCodePage(session, code, url, QrCodes.Svg(url), checkIn.CheckInOpensAt(session)));
    }
}
