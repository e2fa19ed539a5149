using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Outbox;

[Route("outbox")]
[Authorize(Policy = Policies.ManageCohorts)]
public sealed class OutboxController(OutboxService outbox, IStringLocalizer<OutboxResources> text, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(OutboxListQuery query, CancellationToken cancellationToken) => View(await outbox.ListAsync(query, cancellationToken));

    /// <summary>Every e-mail template rendered with sample data, in the chosen language, as recipients will see it.</summary>
    [HttpGet("templates")]
    public async Task<IActionResult> Templates(string? lang, [FromServices] Infrastructure.Email.EmailRenderer renderer)
    {
        var language = Infrastructure.Localization.PortalCultures.ForRecipient(lang);
        ViewData["Language"] = language;
        return View(await SamplesAsync(language, renderer));
    }

    /// <summary>
    /// One template's HTML, for the preview's frame. E-mail HTML needs inline styles, which the portal's own pages
    /// may not use: this response alone allows them, and nothing else (no script, no requests), in a sandbox.
    /// </summary>
    [HttpGet("templates/{name}")]
    public async Task<IActionResult> TemplateHtml(string name, string? lang, [FromServices] Infrastructure.Email.EmailRenderer renderer)
    {
        var language = Infrastructure.Localization.PortalCultures.ForRecipient(lang);
        if ((await SamplesAsync(language, renderer)).FirstOrDefault(s => s.Name == name) is not { Name: not null } sample)
        {
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox";
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        return Content(sample.Rendered.Html, "text/html; charset=utf-8");
    }

    private async Task<List<(string Name, (string Subject, string Html, string Text) Rendered)>> SamplesAsync(string language, Infrastructure.Email.EmailRenderer renderer)
    {
        var expires = clock.GetUtcNow().UtcDateTime.AddDays(21);
        var forum = expires.Date.AddDays(7).AddHours(13);
        Invitations.InvitationEmail Invitation(bool reminder) => new("María José Pérez", "2025 — second cohort", "https://portal.example.org/rsvp/…", expires, reminder)
        {
            Sessions = [new("Launch forum", "Opening session", forum, forum.AddHours(2), "America/Argentina/Buenos_Aires", "IOM Regional Office, Av. Callao 1046, Buenos Aires")],
            CheckInLink = "https://portal.example.org/check-in/invitation/…",
        };
        return new List<(string Name, (string Subject, string Html, string Text) Rendered)>
        {
            ("Invitation", await renderer.RenderAsync("Invitation", Invitation(reminder: false), language)),
            ("Reminder", await renderer.RenderAsync("Invitation", Invitation(reminder: true), language)),
            ("PasswordReset", await renderer.RenderAsync("PasswordLink", new Emails.PasswordLinkEmail("María José Pérez", "https://portal.example.org/account/reset-password?…", 72, false), language)),
            ("NewAccount", await renderer.RenderAsync("PasswordLink", new Emails.PasswordLinkEmail("María José Pérez", "https://portal.example.org/account/reset-password?…", 72, true), language)),
        };
    }

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
