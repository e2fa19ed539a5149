using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;

namespace ChampionPortal.Tests.Account;

/// <summary>A portal that allows three sign-in attempts a minute per address, so that the limit shows in a short test.</summary>
public sealed class StrictSignInFixture : PortalFixture
{
    protected override PortalAppFactory CreateFactory(string connectionString) =>
        new(connectionString, settings: new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
}

public sealed class SignInProtectionTests(StrictSignInFixture fixture) : IClassFixture<StrictSignInFixture>
{
    [Fact]
    public async Task Sign_in_says_the_same_for_an_unknown_address_and_a_wrong_password_and_too_many_attempts_get_429_in_the_readers_language()
    {
        var known = await fixture.App.CreateUserAsync(Roles.RegionalStaff);
        using var client = fixture.App.NewClient("es");

        var (_, wrongPassword) = await SignInAsync(client, known, "Not-The-Password-1");
        var (_, unknownAddress) = await SignInAsync(client, "nobody@test.example.org", "Not-The-Password-1");
        Message(wrongPassword).Should().NotBeEmpty().And.Be(Message(unknownAddress), "nobody learns which addresses have accounts");

        await SignInAsync(client, known, "Not-The-Password-2");
        var (limited, page) = await SignInAsync(client, known, PortalAppFactory.TestPassword);
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the fourth attempt within a minute from one address");
        page.QuerySelector("h1")!.TextContent.Should().Be("Demasiadas solicitudes", "the page is in the reader's language");
    }

    private static async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> SignInAsync(PortalClient client, string email, string password)
    {
        var (_, form) = await client.GetPageAsync("/account/sign-in");
        return await client.SubmitAsync(form, new Dictionary<string, string?> { ["Email"] = email, ["Password"] = password });
    }

    private static string Message(AngleSharp.Dom.IDocument page) =>
        page.QuerySelector("[data-testid=validation-summary]")?.TextContent.Trim() ?? "";
}
