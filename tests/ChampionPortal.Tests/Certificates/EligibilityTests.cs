using System.Globalization;
using AngleSharp.Dom;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Tests.Certificates;

public sealed class EligibilityTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Eligibility_follows_each_rule_explains_itself_and_yields_to_recorded_exceptions()
    {
        var (cohort, sessions) = await fixture.App.AddCohortAsync(
            "ELG1",
            ("FORUM", EventKind.LaunchForum, new DateTime(2023, 10, 18, 13, 0, 0, DateTimeKind.Utc), 120, "America/Lima"),
            ("WS1", EventKind.Workshop, new DateTime(2023, 11, 8, 14, 0, 0, DateTimeKind.Utc), 120, "America/Lima"),
            ("WS2", EventKind.Workshop, new DateTime(2023, 11, 22, 14, 0, 0, DateTimeKind.Utc), 120, "America/Lima"));
        var lima = await fixture.App.AddLocalGovernmentAsync("Lima ELG1", "PE");
        var cusco = await fixture.App.AddLocalGovernmentAsync("Cusco ELG1", "PE");
        async Task<int> Person(string name, int place, InvitationStatus status, params string[] attended)
        {
            var id = await fixture.App.AddAuthorityAsync(name, place, "PE");
            await fixture.App.AddInvitationAsync(cohort, id, status);
            await fixture.App.WithDbAsync(async db =>
            {
                db.Attendances.AddRange(attended.Select(code => new ChampionPortal.Web.Domain.Attendance
                {
                    CohortId = cohort,
                    SessionId = sessions[code],
                    AuthorityId = id,
                    LocalGovernmentId = place,
                    CountryCode = "PE",
                    Status = AttendanceStatus.Present,
                    RecordedAtUtc = DateTime.UtcNow,
                }));
                return await db.SaveChangesAsync();
            });
            return id;
        }

        var ana = await Person("Ana Both", lima, InvitationStatus.Accepted, "FORUM", "WS1");
        var beto = await Person("Beto Forum", cusco, InvitationStatus.Accepted, "FORUM");
        var cata = await Person("Cata Sent", cusco, InvitationStatus.Sent, "FORUM", "WS1", "WS2");
        var dani = await Person("Dani Workshop", cusco, InvitationStatus.Accepted, "WS1", "WS2");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var page = await PageAsync(staff, cohort);
        Eligible(page).Should().BeEquivalentTo([ana], "by default: the launch forum, one workshop session and an accepted invitation");
        Why(page, ana).Should().Be("accepted the invitation; attended 1 of 1 launch forum session, 1 required; attended 1 of 2 workshop sessions, 1 required");
        Why(page, beto).Should().Contain("attended 0 of 2 workshop sessions, 1 required");
        Why(page, cata).Should().StartWith("did not accept the invitation");
        page.QuerySelectorAll("[data-testid=governments] tbody tr").Select(r => r.GetAttribute("data-government")).Should().Equal(lima.ToString(CultureInfo.InvariantCulture));

        page = await RulesAsync(staff, page, ("RequireAcceptedInvitation", "false"), ("RequireLaunchForum", "false"));
        Eligible(page).Should().BeEquivalentTo([ana, cata, dani], "without the forum and the accepted invitation");

        page = await RulesAsync(staff, page, ("RequireAcceptedInvitation", "true"), ("RequireLaunchForum", "true"), ("MinimumSessionsPerEvent", "2"));
        Eligible(page).Should().BeEmpty("two workshop sessions are required and no one with an accepted invitation came to both and to the forum");
        Why(page, ana).Should().Contain("attended 1 of 2 workshop sessions, 2 required");

        page = await RulesAsync(staff, page, ("MinimumSessionsPerEvent", "1"));
        await DecideAsync(staff, page, beto, "grant", "Joined the workshop through the country office's connection.");
        await DecideAsync(staff, page, ana, "withhold", "Left the cohort before the end.");
        page = await PageAsync(staff, cohort);
        Eligible(page).Should().BeEquivalentTo([beto]);
        Why(page, beto).Should().EndWith("exception granted: Joined the workshop through the country office's connection.");
        Why(page, ana).Should().EndWith("recognition withheld: Left the cohort before the end.");

        await staff.SubmitAsync(page, new Dictionary<string, string?> { ["Decision"] = "grant", ["Reason"] = "" }, $"tr[data-authority='{dani}'] form");
        (await staff.GetPageAsync($"/cohorts/{cohort}/eligibility")).Page.QuerySelector("main .alert")!.TextContent.Should().Contain("An exception needs a reason.");
        (await fixture.App.WithDbAsync(db => db.EligibilityExceptions.CountAsync(e => e.CohortId == cohort))).Should().Be(2);

        await DecideAsync(staff, page, ana, "clear", null);
        Eligible(await PageAsync(staff, cohort)).Should().BeEquivalentTo([ana, beto]);
    }

    private async Task<IDocument> PageAsync(PortalClient staff, int cohort)
    {
        var page = (await staff.GetPageAsync($"/cohorts/{cohort}/eligibility")).Page;

        // The dashboard counts eligible people with the same rules written as a query: both must always agree.
        (await EligibleByQueryAsync(cohort)).Should().BeEquivalentTo(Eligible(page), "the query and the page apply the same rules and exceptions");
        return page;
    }

    [Fact]
    public async Task A_cohort_without_invitations_says_whom_eligibility_judges_and_leads_to_the_invitations()
    {
        var (cohort, _) = await fixture.App.AddCohortAsync("ELG9", ("FORUM", EventKind.LaunchForum, new DateTime(2027, 3, 18, 13, 0, 0, DateTimeKind.Utc), 120, "America/Lima"));
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "es");

        var page = await PageAsync(staff, cohort);

        page.QuerySelector("[data-testid=people]").Should().BeNull("an empty table says nothing");
        var empty = page.QuerySelector("[data-testid=empty-state]")!;
        empty.TextContent.Should().Contain("Todavía nadie fue invitado a esta cohorte");
        empty.QuerySelector("a")!.GetAttribute("href").Should().Be($"/invitations?cohort={cohort}");
    }

    private async Task<List<int>> EligibleByQueryAsync(int cohort)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChampionPortal.Web.Data.PortalDbContext>();
        var sessions = await db.Sessions.Where(s => s.CohortId == cohort).Select(s => new { s.Id, s.Event!.Kind }).ToListAsync();
        var query = await scope.ServiceProvider.GetRequiredService<ChampionPortal.Web.Features.Eligibility.EligibilityService>()
            .EligiblePeopleAsync(cohort, [.. sessions.Select(s => (s.Id, s.Kind))]);
        return await query.ToListAsync();
    }

    private async Task<IDocument> RulesAsync(PortalClient staff, IDocument page, params (string Name, string Value)[] values)
    {
        var overrides = values.ToDictionary(v => v.Name, v => (string?)v.Value);
        foreach (var name in new[] { "RequireLaunchForum", "RequireWorkshop", "RequireAcceptedInvitation" }.Where(n => !overrides.ContainsKey(n)))
        {
            overrides[name] = page.QuerySelector($"[data-testid=rules-form] input[type=checkbox][name={name}]")!.HasAttribute("checked") ? "true" : "false";
        }

        await staff.SubmitAsync(page, overrides, "[data-testid=rules-form]");
        return await PageAsync(staff, int.Parse(page.Url.Split('/')[^2], CultureInfo.InvariantCulture));
    }

    private static Task DecideAsync(PortalClient staff, IDocument page, int authority, string decision, string? reason) =>
        staff.SubmitAsync(page, new Dictionary<string, string?> { ["Decision"] = decision, ["Reason"] = reason ?? "" }, $"tr[data-authority='{authority}'] form");

    private static List<int> Eligible(IDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=people] tbody tr[data-eligible=true]").Select(r => int.Parse(r.GetAttribute("data-authority")!, CultureInfo.InvariantCulture))];

    private static string Why(IDocument page, int authority) => page.QuerySelector($"[data-testid=people] tr[data-authority='{authority}'] [data-testid=why]")!.TextContent.Trim();
}
