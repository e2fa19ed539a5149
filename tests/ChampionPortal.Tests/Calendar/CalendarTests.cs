using System.Net;
using System.Text;
using ChampionPortal.Testing;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ChampionPortal.Tests.Calendar;

/// <summary>Sessions in people's calendars: what the e-mails carry, parsed back with Ical.Net, and who sees join links.</summary>
public sealed class CalendarTests(MailPortalFixture fixture) : IClassFixture<MailPortalFixture>
{
    [Fact]
    public async Task Accepting_brings_every_session_as_a_calendar_in_the_persons_language_and_staff_changes_update_and_cancel_the_same_entries()
    {
        var forumStart = DateTime.UtcNow.Date.AddDays(10).AddHours(13);
        var workshopStart = forumStart.AddDays(7).AddHours(1);
        var (cohort, sessions) = await fixture.App.AddCohortAsync(
            "CAL-ACC", ("FORUM", EventKind.LaunchForum, forumStart, 120, "America/Sao_Paulo"), ("WS1", EventKind.Workshop, workshopStart, 90, "America/Argentina/Buenos_Aires"));
        await PlaceAsync(sessions["FORUM"], SessionModality.Hybrid, "Prefeitura de Porto Alegre, Praça Montevidéu 10", "https://meet.example.org/cal-acc-forum", "Sessão de abertura");
        await PlaceAsync(sessions["WS1"], SessionModality.Virtual, null, "https://meet.example.org/cal-acc-ws1", "Oficina, sessão 1");
        var accepting = await PersonAsync("Luísa Cardoso", "BR", "pt", cohort, InvitationStatus.Sent, "cal-acc-token-of-luisa");
        var declined = await PersonAsync("Rodrigo Ibáñez", "AR", "es", cohort, InvitationStatus.Declined, "cal-acc-token-of-rodrigo");

        using var visitor = fixture.App.NewClient("en");
        var (_, rsvp) = await visitor.GetPageAsync("/rsvp/cal-acc-token-of-luisa");
        var (_, thanks) = await visitor.SubmitAsync(rsvp, new Dictionary<string, string?> { ["accept"] = "true" });

        var links = thanks.QuerySelector("[data-testid=calendar-links]")!;
        links.QuerySelectorAll("[data-testid=calendar-session]").Should().HaveCount(2);
        links.QuerySelectorAll("[data-testid=join-link]").Select(a => a.GetAttribute("href")).Should().Equal("https://meet.example.org/cal-acc-forum", "https://meet.example.org/cal-acc-ws1");
        links.QuerySelector("[data-testid=calendar-feed]")!.GetAttribute("value").Should().StartWith("webcal://");
        var google = links.QuerySelector("[data-testid=add-google]")!.GetAttribute("href")!;
        google.Should().StartWith("https://calendar.google.com/calendar/render?action=TEMPLATE")
            .And.Contain($"dates={forumStart:yyyyMMdd}T130000Z/{forumStart:yyyyMMdd}T150000Z");
        var download = await visitor.GetAsync(links.QuerySelector("[data-testid=add-ics]")!.GetAttribute("href")!);
        download.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        Ical.Net.Calendar.Load(await download.Content.ReadAsStringAsync())!.Events.Single().DtStart!.AsUtc.Should().Be(forumStart);

        var confirmation = await fixture.Smtp.WaitForMessageToAsync(accepting.Email);
        confirmation.Subject.Should().Be("Sua participação está confirmada: Cohort CAL-ACC");
        confirmation.TextBody.Should().Contain("Obrigado por aceitar o convite").And.Contain("https://meet.example.org/cal-acc-ws1").And.Contain("webcal://");
        var (method, invitation) = CalendarOf(confirmation);
        method.Should().Be("REQUEST");
        invitation.Method.Should().Be("REQUEST");
        invitation.TimeZones.Select(z => z.TzId).Should().BeEquivalentTo("America/Sao_Paulo", "America/Argentina/Buenos_Aires");
        var forum = invitation.Events.Single(e => e.DtStart!.TzId == "America/Sao_Paulo");
        forum.DtStart!.AsUtc.Should().Be(forumStart, "the calendar's time is the session's, whichever zone it is written in");
        forum.DtEnd!.AsUtc.Should().Be(forumStart.AddMinutes(120));
        forum.Summary.Should().Be("Fórum de lançamento: Sessão de abertura");
        forum.Location.Should().Be("Prefeitura de Porto Alegre, Praça Montevidéu 10");
        forum.Description.Should().Contain("Acesse on-line: https://meet.example.org/cal-acc-forum").And.Contain("registre sua presença");
        forum.Organizer!.Value!.ToString().Should().Be("mailto:portal@test.example.org");
        forum.Attendees.Single().Value!.ToString().Should().Be($"mailto:{accepting.Email}");
        forum.Sequence.Should().Be(0);
        var forumUid = await fixture.App.WithDbAsync(db => db.Sessions.Where(s => s.Id == sessions["FORUM"]).Select(s => s.CalendarUid).SingleAsync());
        forum.Uid.Should().Be($"{forumUid}@champion-portal");
        var workshop = invitation.Events.Single(e => e.DtStart!.TzId == "America/Argentina/Buenos_Aires");
        workshop.DtStart!.AsUtc.Should().Be(workshopStart);
        workshop.Location.Should().Be("https://meet.example.org/cal-acc-ws1", "a virtual session's place is its join link");

        // Staff move the forum by an hour and change its room: an update of the same entry, with what changed.
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, edit) = await staff.GetPageAsync($"/sessions/{sessions["FORUM"]}/edit");
        var (saved, _) = await staff.SubmitAsync(edit, new Dictionary<string, string?> { ["Form.StartTime"] = "11:00", ["Form.EndTime"] = "13:00", ["Form.Venue"] = "Paço Municipal, Sala 2" });
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var update = await fixture.Smtp.WaitForMessageToAsync(accepting.Email);
        update.Subject.Should().Be("Mudança na sessão: Fórum de lançamento: Sessão de abertura");
        update.TextBody.Should().Contain("Horário: antes").And.Contain("10:00–12:00").And.Contain("agora").And.Contain("11:00–13:00")
            .And.Contain("Local: antes Prefeitura de Porto Alegre, Praça Montevidéu 10; agora Paço Municipal, Sala 2");
        var (updateMethod, updated) = CalendarOf(update);
        updateMethod.Should().Be("REQUEST");
        var moved = updated.Events.Single();
        moved.Uid.Should().Be(forum.Uid, "the update replaces the entry already in the calendar");
        moved.Sequence.Should().Be(1);
        moved.DtStart!.AsUtc.Should().Be(forumStart.AddHours(1));
        moved.Location.Should().Be("Paço Municipal, Sala 2");
        update.BodyParts.OfType<TextPart>().Should().Contain(p => p.ContentType.MimeType == "text/calendar", "Outlook and Gmail apply an update given as the body's calendar alternative");

        // Staff delete the workshop session: a cancellation of its entry.
        var (_, confirm) = await staff.GetPageAsync($"/sessions/{sessions["WS1"]}/delete");
        (await staff.SubmitAsync(confirm, NoValues)).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var cancellation = await fixture.Smtp.WaitForMessageToAsync(accepting.Email);
        cancellation.Subject.Should().Be("Sessão cancelada: Oficina: Oficina, sessão 1");
        var (cancelMethod, cancelled) = CalendarOf(cancellation);
        cancelMethod.Should().Be("CANCEL");
        cancelled.Events.Single().Uid.Should().Be(workshop.Uid);
        cancelled.Events.Single().Status.Should().Be("CANCELLED");
        cancelled.Events.Single().Sequence.Should().Be(1);

        var (_, outbox) = await staff.GetPageAsync($"/outbox?q={accepting.Email}");
        outbox.QuerySelectorAll("[data-testid=calendar-method]").Select(b => b.TextContent).Should().Equal(
            ["Calendar: cancellation", "Calendar: invitation or update", "Calendar: invitation or update"], "the outbox shows calendar messages like any other, newest first");

        var toDeclined = await fixture.App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == declined.Email));
        toDeclined.Should().Be(0, "someone who declined gets no calendar, update or cancellation");
    }

    [Fact]
    public async Task Join_links_reach_only_staff_and_people_who_accepted_and_the_personal_feed_can_be_stopped()
    {
        const string join = "https://meet.example.org/cal-priv-only-for-the-accepted";
        var start = DateTime.UtcNow.Date.AddDays(12).AddHours(14);
        var (cohort, sessions) = await fixture.App.AddCohortAsync("CAL-PRIV", ("WS1", EventKind.Workshop, start, 90, "America/Bogota"));
        await PlaceAsync(sessions["WS1"], SessionModality.Virtual, null, join, null);
        var accepted = await PersonAsync("Camila Restrepo", "CO", "es", cohort, InvitationStatus.Accepted, "cal-priv-token-of-camila");
        var pending = await PersonAsync("Julián Ortega", "CO", "es", cohort, InvitationStatus.Sent, "cal-priv-token-of-julian");
        var stranger = await PersonAsync("Valeria Quispe", "PE", "es", cohort: null, InvitationStatus.Sent, null);

        using (var visitor = fixture.App.NewClient("es"))
        {
            foreach (var page in await PageWalk.WalkAsync(visitor, ["/", "/champions", "/verify", "/resources", "/check-in"]))
            {
                (page.Page?.DocumentElement.OuterHtml ?? "").Should().NotContain(join, $"{page.Path} is public");
            }

            var (_, open) = await visitor.GetPageAsync("/rsvp/cal-priv-token-of-julian");
            open.DocumentElement.OuterHtml.Should().NotContain(join, "someone who has not accepted does not get the link");
            open.QuerySelectorAll("[data-testid=rsvp-session]").Should().HaveCount(1);
        }

        using var camila = await SignedInAsync(accepted);
        var (_, home) = await camila.GetPageAsync("/");
        home.QuerySelector("[data-testid=join-link]")!.GetAttribute("href").Should().Be(join);
        home.QuerySelector("[data-testid=calendar-feed]").Should().BeNull("she accepted before calendar addresses existed");
        (await camila.SubmitAsync(home, NoValues, "#calendar form")).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (_, home) = await camila.GetPageAsync("/");
        var feedUrl = home.QuerySelector("[data-testid=calendar-feed]")!.GetAttribute("value")!;
        feedUrl.Should().MatchRegex("^webcal://[^/]+/calendar/[0-9a-f]{64}\\.ics$", "the address is long, random and personal");
        var feedPath = new Uri(feedUrl.Replace("webcal://", "http://", StringComparison.Ordinal)).PathAndQuery;
        var feed = Ical.Net.Calendar.Load(await (await fixture.App.NewClient().GetAsync(feedPath)).Content.ReadAsStringAsync())!;
        feed.Events.Single().Url!.ToString().Should().Be(join);
        feed.Events.Single().DtStart!.AsUtc.Should().Be(start);
        feed.Events.Single().Summary.Should().Be("Workshop: Session WS1", "the feed speaks its owner's language; the session has no Spanish title");

        using (var julian = await SignedInAsync(pending))
        {
            var (_, theirs) = await julian.GetPageAsync("/");
            theirs.DocumentElement.OuterHtml.Should().NotContain(join);
            (await julian.GetAsync($"/calendar/sessions/{sessions["WS1"]}.ics")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the session is not theirs until they accept");
        }

        using (var valeria = await SignedInAsync(stranger))
        {
            var (_, theirs) = await valeria.GetPageAsync("/");
            theirs.DocumentElement.OuterHtml.Should().NotContain(join);
        }

        using (var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff))
        {
            var (_, details) = await staff.GetPageAsync($"/sessions/{sessions["WS1"]}");
            details.QuerySelector("[data-testid=join-url]")!.TextContent.Should().Contain(join);
        }

        var (_, stop) = await camila.GetPageAsync("/calendar/feed/stop");
        stop.QuerySelector("main")!.TextContent.Should().Contain("Su dirección de calendario dejará de funcionar");
        (await camila.SubmitAsync(stop, NoValues)).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fixture.App.NewClient().GetAsync(feedPath)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a stopped address answers nothing");
        var (_, after) = await camila.GetPageAsync("/");
        after.QuerySelector("[data-testid=calendar-feed]").Should().BeNull();
        (await camila.SubmitAsync(after, NoValues, "#calendar form")).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, created) = await camila.GetPageAsync("/");
        created.QuerySelector("[data-testid=calendar-feed]")!.GetAttribute("value").Should().NotBe(feedUrl, "a new address is a new token");
    }

    [Fact]
    public async Task A_join_link_that_is_not_a_web_address_or_belongs_to_an_in_person_session_is_refused_in_the_readers_words_and_nothing_is_sent()
    {
        var start = DateTime.UtcNow.Date.AddDays(9).AddHours(15);
        var (cohort, sessions) = await fixture.App.AddCohortAsync("CAL-BAD", ("WS1", EventKind.Workshop, start, 60, "America/Santiago"));
        var person = await PersonAsync("Ignacio Fuentes", "CL", "es", cohort, InvitationStatus.Accepted, null);
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "es");
        var (_, edit) = await staff.GetPageAsync($"/sessions/{sessions["WS1"]}/edit");

        var (notAnAddress, shown) = await staff.SubmitAsync(edit, new Dictionary<string, string?> { ["Form.JoinUrl"] = "Zoom 812 3344 5566" });
        notAnAddress.StatusCode.Should().Be(HttpStatusCode.OK);
        shown.QuerySelector("[data-valmsg-for='Form.JoinUrl']")!.TextContent.Should().Be("Escriba la dirección completa de la videoconferencia, que empieza con https://.");
        shown.QuerySelector("#Form_JoinUrl")!.GetAttribute("value").Should().Be("Zoom 812 3344 5566", "what was typed is kept");

        var (_, inPerson) = await staff.SubmitAsync(shown, new Dictionary<string, string?> { ["Form.Modality"] = "InPerson", ["Form.JoinUrl"] = "https://meet.example.org/cal-bad" });
        inPerson.QuerySelector("[data-valmsg-for='Form.JoinUrl']")!.TextContent.Should().StartWith("Una sesión presencial no tiene enlace de conexión");

        var stored = await fixture.App.WithDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessions["WS1"]));
        (stored.JoinUrl, stored.CalendarSequence).Should().Be((null, 0));
        (await fixture.App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == person.Email))).Should().Be(0);
    }

    private static readonly Dictionary<string, string?> NoValues = [];

    private async Task PlaceAsync(int sessionId, SessionModality modality, string? venue, string? joinUrl, string? titlePt) =>
        await fixture.App.WithDbAsync(async db =>
        {
            var session = await db.Sessions.Include(s => s.Event).SingleAsync(s => s.Id == sessionId);
            session.Modality = modality;
            session.Venue = venue;
            session.JoinUrl = joinUrl;
            session.TitlePt = titlePt;
            session.Event!.NamePt = session.Event.Kind == EventKind.LaunchForum ? "Fórum de lançamento" : "Oficina";
            return await db.SaveChangesAsync();
        });

    private async Task<(int Id, string Email)> PersonAsync(string name, string country, string language, int? cohort, InvitationStatus status, string? token)
    {
        var government = await fixture.App.AddLocalGovernmentAsync($"{name} city", country);
        var email = $"{Guid.NewGuid():N}@calendar.example.org";
        var id = await fixture.App.AddAuthorityAsync(name, email, government, country);
        await fixture.App.WithDbAsync(async db =>
        {
            (await db.Authorities.FindAsync(id))!.PreferredLanguage = language;
            return await db.SaveChangesAsync();
        });
        if (cohort is { } cohortId)
        {
            await fixture.App.AddInvitationAsync(cohortId, id, status, token);
        }

        return (id, email);
    }

    private async Task<PortalClient> SignedInAsync((int Id, string Email) person) =>
        await fixture.App.SignedInAsAsync(await fixture.App.CreateUserAsync(Roles.Authority, authorityId: person.Id, language: "es"), "es");

    /// <summary>The message's calendar attachment, with the method its content type gives, parsed by Ical.Net.</summary>
    public static (string Method, Ical.Net.Calendar Calendar) CalendarOf(MimeMessage message)
    {
        var part = message.Attachments.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return (part.ContentType.Parameters["method"] ?? "", Ical.Net.Calendar.Load(Encoding.UTF8.GetString(content.ToArray()))!);
    }
}
