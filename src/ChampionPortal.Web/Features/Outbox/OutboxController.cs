using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Outbox;

[Route("outbox")]
[Authorize(Policy = Policies.ManageCohorts)]
public sealed class OutboxController(OutboxService outbox, IStringLocalizer<OutboxResources> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(OutboxListQuery query, CancellationToken cancellationToken) => View(await outbox.ListAsync(query, cancellationToken));

    [HttpPost("{id:long}/resend")]
    public async Task<IActionResult> Resend(long id, CancellationToken cancellationToken)
    {
        if (!await outbox.ResendAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = text["Notice_Requeued"].Value;
        return Redirect("/outbox");
    }
}
