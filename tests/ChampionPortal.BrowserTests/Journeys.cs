using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChampionPortal.BrowserTests;

public sealed class Journeys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Regional_staff_create_an_authority_find_it_without_accents_edit_it_and_sign_out()
    {
        var governmentId = await fixture.App.AddLocalGovernmentAsync("São José dos Campos", "BR");
        await fixture.App.AddLocalGovernmentAsync("Rosario del Tala", "AR");
        var email = await fixture.App.CreateUserAsync(Roles.RegionalStaff);
        await using var journey = await fixture.StartJourneyAsync("regional-staff");
        var page = journey.Page;
        await journey.SignInAsync(email);

        await page.Locator("[data-nav=authorities]").ClickAsync();
        await journey.ShotAsync("authorities");
        await page.Locator("[data-testid=create]").ClickAsync();
        await page.Locator("#Form_FullName").FillAsync("Joaquim Gonçalves Araújo");
        await page.Locator("#Form_Position").FillAsync("Secretário de Direitos Humanos");
        await page.Locator("#Form_Email").FillAsync("joaquim.araujo@test.example.org");
        await page.Locator("#Form_CountryCode").SelectOptionAsync("BR");
        var offered = page.Locator("#Form_LocalGovernmentId optgroup:not([disabled])");
        await Assertions.Expect(offered).ToHaveCountAsync(1);
        (await offered.GetAttributeAsync("data-country")).Should().Be("BR", "once Brazil is chosen, only Brazil's local governments are offered");
        await page.Locator("#Form_LocalGovernmentId").SelectOptionAsync(governmentId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#Form_PreferredLanguage").SelectOptionAsync("pt");
        await journey.ShotAsync("new-authority");
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/authorities/\d+$"));
        await journey.ShotAsync("created");

        await page.Locator("[data-nav=authorities]").ClickAsync();
        await page.Locator("#q").FillAsync("joaquim goncalves araujo");
        await page.Locator("main form[role=search] button[type=submit]").ClickAsync();
        await journey.ShotAsync("search");
        var rows = page.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Joaquim Gonçalves Araújo");

        await rows.First.Locator("a").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await journey.ShotAsync("edit");
        await page.Locator("#Form_Position").FillAsync("Secretário Municipal de Direitos Humanos");
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Secretário Municipal de Direitos Humanos");
        await journey.ShotAsync("edited");

        await page.Locator("[data-testid=user-menu]").ClickAsync();
        await page.Locator("[data-testid=sign-out]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();
        await journey.ShotAsync("signed-out");
        (await page.GotoAsync("/authorities"))!.Url.Should().Contain("/account/sign-in");

        var stored = await fixture.App.WithDbAsync(db => db.Authorities.AsNoTracking().SingleAsync(a => a.Email == "joaquim.araujo@test.example.org"));
        stored.Position.Should().Be("Secretário Municipal de Direitos Humanos");
    }

    [Fact]
    public async Task A_country_office_sees_only_its_own_country()
    {
        await fixture.App.AddAuthorityAsync("Autoridad de Tarija", await fixture.App.AddLocalGovernmentAsync("Tarija", "BO"), "BO");
        await fixture.App.AddAuthorityAsync("Autoridade de Pelotas", await fixture.App.AddLocalGovernmentAsync("Pelotas", "BR"), "BR");
        var email = await fixture.App.CreateUserAsync(Roles.CountryOffice, "BO", language: "es");
        await using var journey = await fixture.StartJourneyAsync("country-office", "es");
        var page = journey.Page;
        await journey.SignInAsync(email);

        await Assertions.Expect(page.Locator("[data-testid=country-overview]")).ToContainTextAsync("Bolivia");
        await page.Locator("[data-nav=local-governments]").ClickAsync();
        await journey.ShotAsync("local-governments");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Tarija");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Pelotas");
        (await page.Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync()).Should().OnlyContain(country => country == "Bolivia");

        await page.Locator("[data-nav=authorities]").ClickAsync();
        await journey.ShotAsync("authorities");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Autoridad de Tarija");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Autoridade de Pelotas");
        await Assertions.Expect(page.Locator("#country")).ToHaveCountAsync(0);

        var pelotas = await fixture.App.WithDbAsync(db => db.Authorities.Where(a => a.FullName == "Autoridade de Pelotas").Select(a => a.Id).SingleAsync());
        var response = await page.GotoAsync($"/authorities/{pelotas}");
        response!.Status.Should().Be(404);
        await journey.ShotAsync("other-country-404");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Página no encontrada");
    }
}
