using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;

namespace ChampionPortal.Tests.Account;

public sealed class PasswordPolicyTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("qwerty123456", "en", "among the most common")]
    [InlineData("1qaz2wsx3edc", "es", "entre las más comunes")]
    [InlineData("Leavemealone2024!", "pt", "entre as mais comuns")]
    [InlineData("123456789012", "en", "among the most common")]
    [InlineData("aaaaaaaaaaaaaaa", "en", "among the most common")]
    [InlineData("short-one", "en", "at least 12 characters")]
    [InlineData("Test RegionalStaff!", "en", "your name or your e-mail")]
    public async Task Weak_new_passwords_are_refused_with_a_reason_and_the_old_one_still_works(string weak, string language, string reason)
    {
        var email = await fixture.App.CreateUserAsync(Roles.RegionalStaff, language: language);
        using var client = fixture.App.NewClient(language);
        await client.SignInAsync(email);

        var (_, form) = await client.GetPageAsync("/account/change-password");
        var (response, page) = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["CurrentPassword"] = PortalAppFactory.TestPassword,
            ["NewPassword"] = weak,
            ["ConfirmPassword"] = weak,
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the form is shown again");
        page.QuerySelector("[data-testid=validation-summary]")!.TextContent.Should().Contain(reason);
        using var again = fixture.App.NewClient();
        (await again.SignInAsync(email, weak)).StatusCode.Should().Be(HttpStatusCode.OK, "the weak password was not set");
        (await again.SignInAsync(email)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_long_passphrase_without_digits_or_symbols_is_accepted()
    {
        var email = await fixture.App.CreateUserAsync(Roles.CountryOffice, "PE");
        using var client = fixture.App.NewClient();
        await client.SignInAsync(email);

        var (_, form) = await client.GetPageAsync("/account/change-password");
        const string passphrase = "llama sees the lake at dawn";
        var (response, _) = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["CurrentPassword"] = PortalAppFactory.TestPassword,
            ["NewPassword"] = passphrase,
            ["ConfirmPassword"] = passphrase,
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var again = fixture.App.NewClient();
        (await again.SignInAsync(email, passphrase)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
