using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Tabular;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChampionPortal.Web.Features.Funnel;

/// <summary>The funnel dashboard of a cohort. Country offices see their own country's figures only.</summary>
[Route("funnel")]
[Authorize(Policy = Policies.ViewNominations)]
public sealed class FunnelController(FunnelService funnel) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? cohort, CancellationToken cancellationToken) =>
        await funnel.BuildAsync(User, cohort, cancellationToken) is { } page ? View(page) : View("NoCohort");

    [HttpGet("export")]
    public async Task<IActionResult> Export(int? cohort, FunnelTable table, TabularFormat format, CancellationToken cancellationToken)
    {
        if (await funnel.BuildAsync(User, cohort, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        var (content, contentType, fileName) = TabularFile.Write(
            funnel.ToTable(page, table), format, $"funnel-{page.CohortId}-{table.ToString().ToLowerInvariant()}{(page.OnlyCountry is { } c ? "-" + c : "")}");
        return File(content, contentType, fileName);
    }
}
