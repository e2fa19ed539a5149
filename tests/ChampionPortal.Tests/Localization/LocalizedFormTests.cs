using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Localization;

public sealed class LocalizedFormTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task An_empty_form_posted_in_Spanish_shows_Spanish_messages_and_saves_nothing()
    {
        using var client = await SignedInStaffAsync("es");
        var before = await fixture.App.WithDbAsync(db => db.LocalGovernments.CountAsync());
        var (_, form) = await client.GetPageAsync("/local-governments/new");

        var (response, page) = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Form.Name"] = "",
            ["Form.Kind"] = "",
            ["Form.CountryCode"] = "",
            ["Form.TimeZone"] = "",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.DocumentElement.GetAttribute("lang").Should().Be("es");
        var errors = page.QuerySelectorAll("[data-testid=validation-summary] li").Select(li => li.TextContent).ToList();
        errors.Should().Contain("El campo Nombre es obligatorio.")
            .And.Contain("El campo Tipo es obligatorio.")
            .And.Contain("El campo País es obligatorio.")
            .And.Contain("El campo Zona horaria es obligatorio.");
        page.QuerySelector("span[data-valmsg-for='Form.Name']")!.TextContent.Should().Be("El campo Nombre es obligatorio.");
        (await fixture.App.WithDbAsync(db => db.LocalGovernments.CountAsync())).Should().Be(before);
    }

    [Theory]
    [InlineData("es", "Rosario del Tala")]
    [InlineData("pt", "Rosário do Sul")]
    public async Task Latitude_typed_in_the_readers_culture_is_stored_as_the_same_number(string culture, string name)
    {
        using var client = await SignedInStaffAsync(culture);
        var (_, form) = await client.GetPageAsync("/local-governments/new");

        var (response, _) = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Form.Name"] = name,
            ["Form.Kind"] = "Municipality",
            ["Form.CountryCode"] = "AR",
            ["Form.TimeZone"] = "America/Argentina/Buenos_Aires",
            ["Form.Latitude"] = "-34,6",
            ["Form.Longitude"] = "-58,38",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await fixture.App.WithDbAsync(db => db.LocalGovernments.AsNoTracking().SingleAsync(l => l.Name == name));
        stored.Latitude.Should().Be(-34.6);
        stored.Longitude.Should().Be(-58.38);

        var (_, edit) = await client.GetPageAsync($"/local-governments/{stored.Id}/edit");
        edit.QuerySelector("input[name='Form.Latitude']")!.GetAttribute("value").Should().Be("-34,6", "the form shows the number as the reader writes it");
    }

    [Fact]
    public async Task A_new_account_takes_the_language_it_signs_in_with_and_a_choice_is_remembered_on_any_browser()
    {
        using var anonymous = fixture.App.NewClient("pt-BR,pt;q=0.9");
        var (_, fromBrowser) = await anonymous.GetPageAsync("/account/sign-in");
        fromBrowser.DocumentElement.GetAttribute("lang").Should().Be("pt");

        var token = fromBrowser.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await anonymous.PostAsync("/language", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["culture"] = "es", ["returnUrl"] = "/" });
        var (_, fromCookie) = await anonymous.GetPageAsync("/account/sign-in");
        fromCookie.DocumentElement.GetAttribute("lang").Should().Be("es");

        // The administrator who made the account guessed English; the person signs in on a Spanish page.
        var email = await fixture.App.CreateUserAsync(Roles.RegionalStaff, language: "en");
        await anonymous.SignInAsync(email);
        var (_, signedIn) = await anonymous.GetPageAsync("/local-governments");
        signedIn.DocumentElement.GetAttribute("lang").Should().Be("es", "the language the person signed in with replaces the guess");
        (await LanguageOfAsync(email)).Should().Be("es");

        var switchToken = signedIn.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await anonymous.PostAsync("/language", new Dictionary<string, string> { ["__RequestVerificationToken"] = switchToken, ["culture"] = "pt", ["returnUrl"] = "/" });
        var (_, afterSwitch) = await anonymous.GetPageAsync("/local-governments");
        afterSwitch.DocumentElement.GetAttribute("lang").Should().Be("pt");
        (await LanguageOfAsync(email)).Should().Be("pt", "the switcher also remembers the choice in the profile");

        using var elsewhere = fixture.App.NewClient("en-US,en;q=0.9");
        await elsewhere.SignInAsync(email);
        var (_, onAnotherBrowser) = await elsewhere.GetPageAsync("/local-governments");
        onAnotherBrowser.DocumentElement.GetAttribute("lang").Should().Be("pt", "a language the person chose is kept when they sign in from an English browser");
    }

    private Task<string> LanguageOfAsync(string email) =>
        fixture.App.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => u.PreferredLanguage).SingleAsync());

    private Task<PortalClient> SignedInStaffAsync(string language) => fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: language);
}
