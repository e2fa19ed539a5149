using System.Globalization;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChampionPortal.BrowserTests;

public sealed class AttendanceJourney(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Staff_mark_the_launch_forum_register_and_the_dashboard_shows_who_came()
    {
        var (cohort, sessions) = await fixture.App.AddCohortAsync(
            "J-2026",
            ("FORUM", EventKind.LaunchForum, DateTime.UtcNow.AddDays(-2), 120, "America/Argentina/Buenos_Aires"),
            ("WS1", EventKind.Workshop, DateTime.UtcNow.AddDays(-1), 120, "America/Argentina/Buenos_Aires"));
        var people = new List<int>();
        foreach (var (name, place, country) in new[]
        {
            ("Valentina Acuña", "Rosario J", "AR"), ("Martín Giménez", "Rosario J", "AR"), ("Isabela Souza Lima", "Recife J", "BR"),
            ("João Araújo", "Manaus J", "BR"), ("Camila Muñoz", "Valparaíso J", "CL"), ("Tomás Ibáñez", "Arica J", "CL"),
        })
        {
            var government = await fixture.App.WithDbAsync(db => db.LocalGovernments.Where(l => l.Name == place).Select(l => (int?)l.Id).SingleOrDefaultAsync())
                ?? await fixture.App.AddLocalGovernmentAsync(place, country);
            var id = await fixture.App.AddAuthorityAsync(name, government, country);
            await fixture.App.AddInvitationAsync(cohort, id);
            people.Add(id);
        }

        var staffEmail = await fixture.App.CreateUserAsync(Roles.RegionalStaff);
        await using (var staff = await fixture.StartJourneyAsync("attendance-staff"))
        {
            var page = staff.Page;
            await staff.SignInAsync(staffEmail);
            await page.GotoAsync($"/cohorts/{cohort}");
            await page.Locator("[data-testid=sessions] a", new() { HasText = "Attendance register" }).First.ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=register] tbody tr")).ToHaveCountAsync(6);

            // Row by row: Valentina present on behalf of Rosario, Martín excused.
            await Row(page, people[0]).Locator("[data-testid=status]").SelectOptionAsync("Present");
            await Row(page, people[1]).Locator("[data-testid=status]").SelectOptionAsync("Excused");
            await page.Locator("[data-testid=save-register]").ClickAsync();
            await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("2 marks changed");

            // In bulk: the two Brazilians and Camila.
            foreach (var id in new[] { people[2], people[3], people[4] })
            {
                await Row(page, id).Locator("input[type=checkbox]").CheckAsync();
            }

            await page.Locator("[data-testid=bulk-present]").ClickAsync();
            await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("3 marks changed");
            await page.Locator("[data-testid=close-unmarked]").ClickAsync();
            await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("1 unmarked person recorded as absent");
            await Assertions.Expect(page.Locator("[data-testid=register-totals] [data-status=Present]")).ToHaveTextAsync("4");
            await staff.ShotAsync("register");

            await page.Locator("[data-testid=check-in-screen]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=check-in-qr] svg")).ToBeVisibleAsync();
            await staff.ShotAsync("check-in-screen");

            await page.GotoAsync($"/funnel?cohort={cohort}");
            await Assertions.Expect(page.Locator("[data-testid=funnel-chart]")).ToBeVisibleAsync();
            var forum = page.Locator("[data-testid=funnel-table] tr[data-stage=Event][data-name='Launch forum']");
            await Assertions.Expect(forum.Locator("[data-testid=people]")).ToHaveTextAsync("4");
            await Assertions.Expect(forum.Locator("[data-testid=governments]")).ToHaveTextAsync("4");
            await Assertions.Expect(forum.Locator("[data-testid=countries]")).ToHaveTextAsync("3");
            await staff.ShotAsync("dashboard");
        }

        var officeEmail = await fixture.App.CreateUserAsync(Roles.CountryOffice, "BR", language: "pt");
        await using (var office = await fixture.StartJourneyAsync("attendance-office", "pt"))
        {
            var page = office.Page;
            await office.SignInAsync(officeEmail);
            await page.Locator("[data-nav=funnel]").ClickAsync();
            await page.Locator("#cohort").SelectOptionAsync(cohort.ToString(CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Mostrar" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Painel da coorte");
            await Assertions.Expect(page.Locator("[data-testid=countries-table] tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("[data-testid=funnel-table] tr[data-stage=Invited] [data-testid=people]")).ToHaveTextAsync("2");
            await office.ShotAsync("dashboard-pt");
        }

        (await fixture.App.WithDbAsync(db => db.Attendances.CountAsync(a => a.SessionId == sessions["FORUM"]))).Should().Be(6);
    }

    private static ILocator Row(IPage page, int authorityId) =>
        page.Locator($"[data-testid=register] tbody tr[data-authority='{authorityId}']");
}
