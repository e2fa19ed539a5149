using System.Net;
using System.Text.RegularExpressions;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;

namespace ChampionPortal.Tests.Account;

public sealed partial class PasswordResetTests(MailPortalFixture fixture) : IClassFixture<MailPortalFixture>
{
    [Fact]
    public async Task A_reset_link_arrives_in_the_users_language_over_SMTP_and_works_exactly_once()
    {
        var email = await fixture.App.CreateUserAsync(Roles.CountryOffice, "BR", language: "pt");
        using var client = fixture.App.NewClient("en");
        var (_, forgot) = await client.GetPageAsync("/account/forgot-password");
        var (requested, confirmation) = await client.SubmitAsync(forgot, new Dictionary<string, string?> { ["Email"] = email });
        requested.StatusCode.Should().Be(HttpStatusCode.OK);
        confirmation.QuerySelector("[data-testid=reset-requested]").Should().NotBeNull();

        var message = await fixture.Smtp.WaitForMessageToAsync(email);

        message.Subject.Should().Be("Escolha uma nova senha para o Portal Champion", "the message is in the recipient's language, not the requester's");
        message.TextBody.Should().Contain("O link funciona uma única vez");
        message.HtmlBody.Should().Contain("Escolher minha senha");
        var link = new Uri(LinkPattern().Match(message.TextBody).Value);
        link.Authority.Should().Be(fixture.App.BaseAddress.Authority);

        var (_, resetForm) = await client.GetPageAsync(link.PathAndQuery);
        var (reset, _) = await client.SubmitAsync(resetForm, new Dictionary<string, string?>
        {
            ["NewPassword"] = "Brand-New-Password-1",
            ["ConfirmPassword"] = "Brand-New-Password-1",
        });
        reset.StatusCode.Should().Be(HttpStatusCode.Redirect);
        reset.Headers.Location!.ToString().Should().Be("/account/sign-in");
        (await client.SignInAsync(email, "Brand-New-Password-1")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var again = fixture.App.NewClient("pt");
        var (_, secondForm) = await again.GetPageAsync(link.PathAndQuery);
        var (secondTry, page) = await again.SubmitAsync(secondForm, new Dictionary<string, string?>
        {
            ["NewPassword"] = "Another-Password-22",
            ["ConfirmPassword"] = "Another-Password-22",
        });
        secondTry.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=validation-summary]")!.TextContent.Should().Contain("não é mais válido");
        (await again.SignInAsync(email, "Another-Password-22")).StatusCode.Should().Be(HttpStatusCode.OK, "the second use changed nothing");
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_as_a_known_one()
    {
        var email = await fixture.App.CreateUserAsync(Roles.RegionalStaff);
        using var client = fixture.App.NewClient();

        var (_, first) = await client.GetPageAsync("/account/forgot-password");
        var (_, known) = await client.SubmitAsync(first, new Dictionary<string, string?> { ["Email"] = email });
        var (_, second) = await client.GetPageAsync("/account/forgot-password");
        var (_, unknown) = await client.SubmitAsync(second, new Dictionary<string, string?> { ["Email"] = "nobody-here@test.example.org" });

        unknown.QuerySelector("main")!.TextContent.Should().Be(known.QuerySelector("main")!.TextContent);
        (await fixture.Smtp.WaitForMessageToAsync(email)).Subject.Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_signed_in_user_changes_the_password_and_the_profile()
    {
        var email = await fixture.App.CreateUserAsync(Roles.RegionalStaff, language: "en");
        using var client = fixture.App.NewClient("en");
        await client.SignInAsync(email);

        var (_, change) = await client.GetPageAsync("/account/change-password");
        var (wrong, wrongPage) = await client.SubmitAsync(change, new Dictionary<string, string?>
        {
            ["CurrentPassword"] = "not-my-password",
            ["NewPassword"] = "Changed-Password-33",
            ["ConfirmPassword"] = "Changed-Password-33",
        });
        wrong.StatusCode.Should().Be(HttpStatusCode.OK);
        wrongPage.QuerySelector("[data-testid=validation-summary]")!.TextContent.Should().Contain("current password is not correct");
        var (changed, _) = await client.SubmitAsync(wrongPage, new Dictionary<string, string?>
        {
            ["CurrentPassword"] = PortalAppFactory.TestPassword,
            ["NewPassword"] = "Changed-Password-33",
            ["ConfirmPassword"] = "Changed-Password-33",
        });
        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, profile) = await client.GetPageAsync("/account/profile");
        (await client.SubmitAsync(profile, new Dictionary<string, string?> { ["Form.FullName"] = "Lucía Benítez", ["Form.PreferredLanguage"] = "es" })).Response
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, after) = await client.GetPageAsync("/account/profile");
        after.DocumentElement.GetAttribute("lang").Should().Be("es", "the new language applies at once");
        after.QuerySelector("[data-testid=user-menu]")!.TextContent.Trim().Should().Be("Lucía Benítez");

        using var fresh = fixture.App.NewClient();
        (await fresh.SignInAsync(email, "Changed-Password-33")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_too_short_password_is_refused_in_the_readers_language()
    {
        var email = await fixture.App.CreateUserAsync(Roles.RegionalStaff, language: "es");
        using var client = fixture.App.NewClient("es");
        await client.SignInAsync(email);
        var (_, change) = await client.GetPageAsync("/account/change-password");

        var (_, page) = await client.SubmitAsync(change, new Dictionary<string, string?>
        {
            ["CurrentPassword"] = PortalAppFactory.TestPassword,
            ["NewPassword"] = "corta",
            ["ConfirmPassword"] = "corta",
        });

        page.QuerySelector("[data-testid=validation-summary]")!.TextContent.Should().Contain("al menos 12 caracteres");
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex LinkPattern();
}
