using System.Globalization;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChampionPortal.BrowserTests;

public sealed class WorkshopJourney(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_authority_maps_an_action_and_raises_items_and_staff_systematize_and_publish_the_agenda()
    {
        var (cohort, _) = await fixture.App.AddCohortAsync("W-2026", ("WS1", EventKind.Workshop, new DateTime(2026, 5, 6, 14, 0, 0, DateTimeKind.Utc), 120, "America/Bogota"));
        var medellin = await fixture.App.AddLocalGovernmentAsync("Medellín", "CO");
        var quito = await fixture.App.AddLocalGovernmentAsync("Quito", "EC");
        var authority = await fixture.App.AddAuthorityAsync("Daniela Cáceres", medellin, "CO");
        await fixture.App.AddInvitationAsync(cohort, authority);
        var other = await fixture.App.AddAuthorityAsync("Álvaro Peña", quito, "EC");
        await fixture.App.AddInvitationAsync(cohort, other);
        await fixture.App.WithDbAsync(async db =>
        {
            db.AgendaItems.Add(new AgendaItem
            {
                CohortId = cohort,
                LocalGovernmentId = quito,
                CountryCode = "EC",
                Kind = AgendaItemKind.Challenge,
                CreatedAtUtc = DateTime.UtcNow,
                Text = "Faltan intérpretes en centros de salud del municipio",
            });
            return await db.SaveChangesAsync();
        });

        var authorityEmail = await fixture.App.CreateUserAsync(Roles.Authority, authorityId: authority, language: "es");
        await using (var journey = await fixture.StartJourneyAsync("workshop-authority", "es"))
        {
            var page = journey.Page;
            await journey.SignInAsync(authorityEmail);
            await page.Locator("[data-nav=mapping]").ClickAsync();
            await page.Locator("#cohort").SelectOptionAsync(cohort.ToString(CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Mostrar" }).ClickAsync();
            await page.Locator("[data-testid=governments] a", new() { HasText = "Medellín" }).ClickAsync();
            await page.Locator("[data-testid=add-action]").ClickAsync();
            await page.Locator("#Form_Title").FillAsync("Oficina de atención a población migrante");
            await page.Locator("#Form_Status").SelectOptionAsync("InPlace");
            await page.Locator("input[name='Form.Objectives'][value='15']").CheckAsync();
            await page.Locator("input[name='Form.Objectives'][value='16']").CheckAsync();
            await page.Locator("input[name='Form.Principles'][value='4']").CheckAsync();
            await page.Locator("#Form_Strengthening").FillAsync("Adoptar el objetivo 15 como marco del protocolo de atención.");
            await journey.ShotAsync("action-form");
            await page.Locator("[data-testid=save-action]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=action]")).ToHaveCountAsync(1);
            await journey.ShotAsync("mapping");

            await page.Locator("[data-nav=agenda]").ClickAsync();
            await page.Locator("#cohort").SelectOptionAsync(cohort.ToString(CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Mostrar" }).ClickAsync();
            await page.Locator("#Form_Kind").SelectOptionAsync("Challenge");
            await page.Locator("#Form_Text").FillAsync("Falta de intérpretes en los centros de salud municipales");
            await page.Locator("[data-testid=add-item]").ClickAsync();
            await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("agenda");
            await journey.ShotAsync("agenda");
        }

        var staffEmail = await fixture.App.CreateUserAsync(Roles.RegionalStaff);
        await using (var journey = await fixture.StartJourneyAsync("workshop-staff"))
        {
            var page = journey.Page;
            await journey.SignInAsync(staffEmail);
            await page.GotoAsync($"/mapping/coverage?cohort={cohort}");
            await Assertions.Expect(page.Locator("[data-testid=heat-map]")).ToBeVisibleAsync();
            await journey.ShotAsync("coverage");

            await page.GotoAsync($"/agenda/{cohort}/systematize");
            await page.Locator("#theme-name").FillAsync("Acceso a servicios de salud");
            await page.Locator("[data-testid=theme-form] button").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=suggestion]")).ToHaveCountAsync(1);
            await journey.ShotAsync("suggestion");
            await page.Locator("[data-testid=suggestion] button").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=entry] [data-testid=sources]")).ToContainTextAsync("Medellín");
            await page.Locator("[data-testid=entry] select[name=ThemeId]").SelectOptionAsync(new SelectOptionValue { Label = "Acceso a servicios de salud" });
            await page.Locator("[data-testid=entry] button[type=submit]").First.ClickAsync();
            await journey.ShotAsync("systematized");

            await page.GotoAsync($"/publications?cohort={cohort}");
            await page.Locator("[data-testid=publish-agenda]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=entry]")).ToContainTextAsync("intérpretes");
            await Assertions.Expect(page.Locator("[data-testid=contributors] li")).ToHaveCountAsync(2);
            await journey.ShotAsync("published-agenda");
        }

        (await fixture.App.WithDbAsync(db => db.Publications.CountAsync(p => p.CohortId == cohort))).Should().Be(1);
    }
}
