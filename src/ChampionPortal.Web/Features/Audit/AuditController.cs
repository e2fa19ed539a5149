using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChampionPortal.Web.Features.Audit;

/// <summary>Marker for this feature's resource files (AuditResources.resx, .es.resx, .pt.resx).</summary>
public sealed class AuditResources;

/// <summary>The audit trail, for Administrators, read-only: filters by record, person, action and dates.</summary>
[Route("audit"), Authorize(Policy = Policies.Administration)]
public sealed class AuditController(AuditService audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken cancellationToken) => View(await audit.PageAsync(filter, cancellationToken));
}
