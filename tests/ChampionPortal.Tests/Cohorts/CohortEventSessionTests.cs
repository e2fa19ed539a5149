using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Cohorts;

public sealed class CohortEventSessionTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Staff_create_a_cohort_its_event_and_a_session_then_delete_them_in_order()
    {
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var cohortUrl = await CreateAsync(staff, "/cohorts/new", new()
        {
            ["Form.Code"] = "2025",
            ["Form.Name"] = "2025 — second cohort",
            ["Form.StartDate"] = "2025-03-01",
            ["Form.EndDate"] = "2025-11-30",
            ["Form.Status"] = "Open",
        });
        var cohortId = cohortUrl.Split('/').Last();
        var eventUrl = await CreateAsync(staff, $"/events/new?cohort={cohortId}", new()
        {
            ["Form.Kind"] = "Workshop",
            ["Form.Name"] = "Capacity-building workshop",
            ["Form.DefaultTimeZone"] = "America/Lima",
        });
        var eventId = eventUrl.Split('/').Last();
        var sessionUrl = await CreateAsync(staff, $"/sessions/new?event={eventId}", new()
        {
            ["Form.Code"] = "ws1",
            ["Form.Title"] = "Workshop, session 1",
            ["Form.Date"] = "2025-05-14",
            ["Form.StartTime"] = "09:30",
            ["Form.EndTime"] = "11:30",
            ["Form.Modality"] = "Virtual",
            ["Form.LinkOrVenue"] = "https://meet.example.org/ws1",
        });

        var (_, cohortPage) = await staff.GetPageAsync(cohortUrl);
        cohortPage.QuerySelector("[data-testid=event] [data-testid=sessions]")!.TextContent.Should().Contain("WS1").And.Contain("9:30");
        var (_, blocked) = await staff.GetPageAsync(cohortUrl + "/delete");
        blocked.QuerySelector("[data-testid=delete-blocked]").Should().NotBeNull("a cohort with events cannot be deleted");

        await DeleteAsync(staff, sessionUrl);
        await DeleteAsync(staff, eventUrl);
        await DeleteAsync(staff, cohortUrl);
        (await fixture.App.WithDbAsync(db => db.Cohorts.AnyAsync(c => c.Code == "2025"))).Should().BeFalse();
    }

    [Fact]
    public async Task Event_and_session_names_entered_in_three_languages_are_read_in_each_readers_with_english_where_one_is_missing()
    {
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (cohort, _) = await fixture.App.AddCohortAsync("NAMES3");
        var eventUrl = await CreateAsync(staff, $"/events/new?cohort={cohort}", new()
        {
            ["Form.Kind"] = "LaunchForum",
            ["Form.Name"] = "Launch forum",
            ["Form.NameEs"] = "Foro de lanzamiento",
            ["Form.NamePt"] = "",
            ["Form.DefaultTimeZone"] = "America/Lima",
        });
        var sessionUrl = await CreateAsync(staff, $"/sessions/new?event={eventUrl.Split('/').Last()}", new()
        {
            ["Form.Code"] = "NF1",
            ["Form.Title"] = "Opening",
            ["Form.TitleEs"] = "Apertura",
            ["Form.TitlePt"] = "Abertura",
            ["Form.Date"] = "2025-05-14",
            ["Form.StartTime"] = "09:30",
            ["Form.EndTime"] = "11:30",
            ["Form.Modality"] = "Virtual",
        });

        using var spanish = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "es");
        var (_, eventInSpanish) = await spanish.GetPageAsync(eventUrl);
        eventInSpanish.QuerySelector("h1")!.TextContent.Should().Be("Foro de lanzamiento");
        eventInSpanish.QuerySelector("main")!.TextContent.Should().Contain("Apertura");
        var (_, sessionInSpanish) = await spanish.GetPageAsync(sessionUrl);
        sessionInSpanish.QuerySelector("h1")!.TextContent.Should().Be("Apertura");

        using var portuguese = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "pt");
        var (_, eventInPortuguese) = await portuguese.GetPageAsync(eventUrl);
        eventInPortuguese.QuerySelector("h1")!.TextContent.Should().Be("Launch forum", "no Portuguese name was given: the English one stands in");
        eventInPortuguese.QuerySelector("main")!.TextContent.Should().Contain("Abertura");

        var (_, edit) = await staff.GetPageAsync(sessionUrl + "/edit");
        edit.QuerySelector("input[name='Form.TitleEs']")!.GetAttribute("value").Should().Be("Apertura", "the form shows every language to edit");
        var stored = await fixture.App.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.CohortId == cohort));
        (stored.Name, stored.NameEs, stored.NamePt).Should().Be(("Launch forum", "Foro de lanzamiento", null));
    }

    [Fact]
    public async Task A_session_in_Santiago_keeps_its_local_time_on_both_sides_of_the_clock_change()
    {
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "es");
        var eventId = await AddEventAsync("CL-DST", "America/Santiago");

        // Chile left daylight saving time on 2024-04-07: 10:00 is UTC−3 on the 6th and UTC−4 on the 8th.
        var before = await CreateAsync(staff, $"/sessions/new?event={eventId}", Session("S-BEFORE", "2024-04-06", "10:00", "12:00"));
        var after = await CreateAsync(staff, $"/sessions/new?event={eventId}", Session("S-AFTER", "2024-04-08", "10:00", "12:00"));

        var stored = await fixture.App.WithDbAsync(db => db.Sessions.AsNoTracking()
            .Where(s => s.Code == "S-BEFORE" || s.Code == "S-AFTER").OrderBy(s => s.StartsAtUtc).ToListAsync());
        stored.Select(s => s.StartsAtUtc).Should().Equal(
            new DateTime(2024, 4, 6, 13, 0, 0, DateTimeKind.Utc),
            new DateTime(2024, 4, 8, 14, 0, 0, DateTimeKind.Utc));
        foreach (var url in new[] { before, after })
        {
            var (_, edit) = await staff.GetPageAsync(url + "/edit");
            edit.QuerySelector("input[name='Form.StartTime']")!.GetAttribute("value").Should().Be("10:00");
            var (_, details) = await staff.GetPageAsync(url);
            details.QuerySelector("[data-testid=when]")!.TextContent.Should().Contain("10:00").And.Contain("abril de 2024");
        }
    }

    [Fact]
    public async Task A_time_skipped_by_the_clock_change_is_refused_with_a_message()
    {
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var eventId = await AddEventAsync("CL-GAP", "America/Santiago");
        var (_, form) = await staff.GetPageAsync($"/sessions/new?event={eventId}");

        // On 2024-09-08 Chile's clocks jumped from 00:00 to 01:00.
        var (response, page) = await staff.SubmitAsync(form, Session("S-GAP", "2024-09-08", "00:30", "02:00"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("span[data-valmsg-for='Form.StartTime']")!.TextContent.Should().Contain("does not exist");
        (await fixture.App.WithDbAsync(db => db.Sessions.AnyAsync(s => s.Code == "S-GAP"))).Should().BeFalse();
    }

    [Fact]
    public async Task A_session_code_is_unique_within_its_cohort()
    {
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var eventId = await AddEventAsync("UNIQ", "America/Bogota");
        await CreateAsync(staff, $"/sessions/new?event={eventId}", Session("FORUM", "2025-06-02", "10:00", "12:00"));
        var (_, form) = await staff.GetPageAsync($"/sessions/new?event={eventId}");

        var (_, page) = await staff.SubmitAsync(form, Session("forum", "2025-06-03", "10:00", "12:00"));

        page.QuerySelector("span[data-valmsg-for='Form.Code']")!.TextContent.Should().Contain("already has this code");
        (await fixture.App.WithDbAsync(db => db.Sessions.CountAsync(s => s.Code == "FORUM"))).Should().Be(1);
    }

    [Fact]
    public async Task A_stale_cohort_edit_shows_the_conflict_and_changes_nothing()
    {
        using var first = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        using var second = await fixture.App.SignedInClientAsync(Roles.Administrator);
        var cohortId = await AddCohortAsync("STALE");
        var (_, firstForm) = await first.GetPageAsync($"/cohorts/{cohortId}/edit");
        var (_, secondForm) = await second.GetPageAsync($"/cohorts/{cohortId}/edit");

        await first.SubmitAsync(firstForm, new Dictionary<string, string?> { ["Form.Name"] = "First edit" });
        var (response, page) = await second.SubmitAsync(secondForm, new Dictionary<string, string?> { ["Form.Name"] = "Second edit" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=validation-summary]")!.TextContent.Should().Contain("Someone else changed");
        (await fixture.App.WithDbAsync(db => db.Cohorts.AsNoTracking().SingleAsync(c => c.Id == cohortId))).Name.Should().Be("First edit");
    }

    [Theory]
    [InlineData(Roles.CountryOffice, "PE")]
    [InlineData(Roles.Authority, null)]
    public async Task Only_staff_reach_cohorts_events_and_sessions(string role, string? country)
    {
        var cohortId = await AddCohortAsync($"DENY-{role}");
        using var client = await fixture.App.SignedInClientAsync(role, country);

        foreach (var url in new[] { "/cohorts", $"/cohorts/{cohortId}", "/events", "/sessions", "/events/new", $"/cohorts/{cohortId}/edit" })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, url);
            response.Headers.Location!.ToString().Should().Contain("/account/access-denied", url);
        }
    }

    private static Dictionary<string, string?> Session(string code, string date, string start, string end) => new()
    {
        ["Form.Code"] = code,
        ["Form.Title"] = $"Session {code}",
        ["Form.Date"] = date,
        ["Form.StartTime"] = start,
        ["Form.EndTime"] = end,
    };

    internal static async Task<string> CreateAsync(PortalClient client, string formUrl, Dictionary<string, string?> values)
    {
        var (_, form) = await client.GetPageAsync(formUrl);
        var (response, page) = await client.SubmitAsync(form, values);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, page.QuerySelector("[data-testid=validation-summary]")?.TextContent);
        return response.Headers.Location!.ToString();
    }

    private static async Task DeleteAsync(PortalClient client, string url)
    {
        var (_, confirm) = await client.GetPageAsync(url + "/delete");
        var (response, _) = await client.SubmitAsync(confirm, new Dictionary<string, string?>());
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private Task<int> AddCohortAsync(string code) => fixture.App.WithDbAsync(async db =>
    {
        var cohort = new Cohort { Code = code, Name = $"Cohort {code}", StartDate = new DateOnly(2024, 1, 1), EndDate = new DateOnly(2024, 12, 31) };
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync();
        return cohort.Id;
    });

    private async Task<int> AddEventAsync(string cohortCode, string zone)
    {
        var cohortId = await AddCohortAsync(cohortCode);
        return await fixture.App.WithDbAsync(async db =>
        {
            var workshop = new Event { CohortId = cohortId, Kind = EventKind.Workshop, Name = "Workshop", DefaultTimeZone = zone };
            db.Events.Add(workshop);
            await db.SaveChangesAsync();
            return workshop.Id;
        });
    }
}
