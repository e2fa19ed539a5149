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
        var session = new Calendar.CalendarSession(
            0, 0, "sample", 1, forum, forum.AddHours(2), "America/Argentina/Buenos_Aires", Domain.SessionModality.Hybrid,
            "IOM Regional Office, Av. Callao 1046, Buenos Aires", "https://meet.example.org/forum")
        {
            Title = new("Opening session", "Sesión de apertura", "Sessão de abertura"),
            EventName = new("Launch forum", "Foro de lanzamiento", "Fórum de lançamento"),
            CohortName = new("2025 — second cohort", "2025 — segunda cohorte", "2025 — segunda coorte"),
        };
        Calendar.CalendarEmail CalendarSample(Calendar.CalendarEmailKind kind) => new(kind, "María José Pérez", "America/Sao_Paulo", Infrastructure.Localization.PortalCultures.Pick(session.CohortName.En, session.CohortName.Es, session.CohortName.Pt, language), [session])
        {
            CheckInUrl = "https://portal.example.org/check-in",
            HomeUrl = "https://portal.example.org/",
            FeedUrl = kind == Calendar.CalendarEmailKind.Confirmed ? "webcal://portal.example.org/calendar/….ics" : null,
            MinutesBefore = 24 * 60,
            Change = kind == Calendar.CalendarEmailKind.Changed
                ? new Calendar.SessionChange(forum.AddHours(-1), forum.AddHours(1), "America/Argentina/Buenos_Aires", "Municipalidad de Rosario", Domain.SessionModality.Hybrid) { TimeChanged = true, VenueChanged = true }
                : null,
        };
        return new List<(string Name, (string Subject, string Html, string Text) Rendered)>
        {
            ("Invitation", await renderer.RenderAsync("Invitation", Invitation(reminder: false), language)),
            ("Reminder", await renderer.RenderAsync("Invitation", Invitation(reminder: true), language)),
            ("PasswordReset", await renderer.RenderAsync("PasswordLink", new Emails.PasswordLinkEmail("María José Pérez", "https://portal.example.org/account/reset-password?…", 72, false), language)),
            ("NewAccount", await renderer.RenderAsync("PasswordLink", new Emails.PasswordLinkEmail("María José Pérez", "https://portal.example.org/account/reset-password?…", 72, true), language)),
            ("CalendarConfirmed", await renderer.RenderAsync("SessionCalendar", CalendarSample(Calendar.CalendarEmailKind.Confirmed), language)),
            ("CalendarChanged", await renderer.RenderAsync("SessionCalendar", CalendarSample(Calendar.CalendarEmailKind.Changed), language)),
            ("CalendarCancelled", await renderer.RenderAsync("SessionCalendar", CalendarSample(Calendar.CalendarEmailKind.Cancelled), language)),
            ("SessionReminder", await renderer.RenderAsync("SessionCalendar", CalendarSample(Calendar.CalendarEmailKind.Reminder), language)),
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
