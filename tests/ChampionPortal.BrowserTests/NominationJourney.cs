using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChampionPortal.BrowserTests;

public sealed class NominationJourney(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_country_office_nominates_and_regional_staff_approve()
    {
        var cohortId = await fixture.App.WithDbAsync(async db =>
        {
            var cohort = new Cohort { Code = "B-2026", Name = "2026 — browser cohort", StartDate = new DateOnly(2026, 3, 1), EndDate = new DateOnly(2026, 12, 1), Status = CohortStatus.Open };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort.Id;
        });
        var governmentId = await fixture.App.AddLocalGovernmentAsync("Guayaquil", "EC");
        var officeEmail = await fixture.App.CreateUserAsync(Roles.CountryOffice, "EC", language: "es");
        var staffEmail = await fixture.App.CreateUserAsync(Roles.RegionalStaff);

        await using (var office = await fixture.StartJourneyAsync("nomination-office", "es"))
        {
            var page = office.Page;
            await office.SignInAsync(officeEmail);
            await page.Locator("[data-nav=nominations]").ClickAsync();
            await office.ShotAsync("nominations");
            await page.Locator("[data-testid=create]").ClickAsync();
            await page.Locator("#Form_CohortId").SelectOptionAsync(cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("#Form_NewAuthorityName").FillAsync("Valeria Cedeño Mora");
            await page.Locator("#Form_NewAuthorityPosition").FillAsync("Directora de Movilidad Humana");
            await page.Locator("#Form_NewAuthorityEmail").FillAsync("valeria.cedeno@test.example.org");
            await page.Locator("#Form_LocalGovernmentId").SelectOptionAsync(governmentId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Locator("#criterion-0").CheckAsync();
            await page.Locator("#text-0").FillAsync("MGI local 2022, informe publicado.");
            await page.Locator("#criterion-3").CheckAsync();
            await page.Locator("#url-3").FillAsync("https://example.org/pledge");
            await page.Locator("#Form_Justification").FillAsync("Lidera la oficina municipal de movilidad humana.");
            await office.ShotAsync("nomination-form");
            await page.Locator("[data-testid=submit]").ClickAsync();
            await Assertions.Expect(page.Locator("h1 [data-testid=nomination-status]")).ToHaveTextAsync("Enviada");
            await office.ShotAsync("submitted");
        }

        await using (var staff = await fixture.StartJourneyAsync("nomination-staff"))
        {
            var page = staff.Page;
            await staff.SignInAsync(staffEmail);
            await page.GotoAsync($"/nominations?cohort={cohortId}&status=Submitted");
            await staff.ShotAsync("review-queue");
            await page.Locator("tbody input[name=Ids]").First.CheckAsync();
            await page.Locator("#Comment").FillAsync("Meets two criteria with solid evidence.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve selected" }).ClickAsync();
            await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Approved: 1.");
            await staff.ShotAsync("approved");
            await page.GotoAsync($"/nominations?cohort={cohortId}");
            await page.Locator("tr[data-id] a").First.ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=timeline] li")).ToHaveCountAsync(2);
            await staff.ShotAsync("timeline");
        }

        (await fixture.App.WithDbAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.CohortId == cohortId))).Status.Should().Be(NominationStatus.Approved);
    }
}
