using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;

namespace ChampionPortal.Tests.Auth;

public sealed class NavigationAndAccessTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/local-governments")]
    [InlineData("/local-governments/new")]
    [InlineData("/local-governments/1")]
    [InlineData("/local-governments/1/edit")]
    [InlineData("/reference-data")]
    public async Task Anonymous_requests_to_protected_pages_redirect_to_sign_in(string path)
    {
        using var client = fixture.App.NewClient();
        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/account/sign-in").And.Contain(Uri.EscapeDataString(path));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/sign-in")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Public_pages_answer_without_sign_in(string path)
    {
        using var client = fixture.App.NewClient();
        (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(Roles.Administrator, null, new[] { "funnel", "cohorts", "nominations", "invitations", "sessions", "mapping", "agenda", "certificates", "dissemination", "resources", "local-governments", "authorities", "outbox", "users", "reference-data", "audit" })]
    [InlineData(Roles.RegionalStaff, null, new[] { "funnel", "cohorts", "nominations", "invitations", "sessions", "mapping", "agenda", "certificates", "dissemination", "resources", "local-governments", "authorities", "outbox" })]
    [InlineData(Roles.CountryOffice, "CL", new[] { "funnel", "nominations", "invitations", "mapping", "agenda", "certificates", "resources", "local-governments", "authorities" })]
    [InlineData(Roles.Authority, null, new[] { "check-in", "mapping", "agenda", "certificates", "resources" })]
    public async Task Each_role_sees_exactly_its_navigation(string role, string? country, string[] expected)
    {
        int? authorityId = null;
        if (role == Roles.Authority)
        {
            var government = await fixture.App.AddLocalGovernmentAsync("Valparaíso", "CL");
            authorityId = await fixture.App.AddAuthorityAsync("Authority Navigation", government, "CL");
        }

        using var client = await fixture.App.SignedInClientAsync(role, country, authorityId: authorityId);

        var (_, page) = await client.GetPageAsync("/");
        page.QuerySelectorAll("[data-nav]").Select(a => a.GetAttribute("data-nav")).Should().Equal(expected);
    }

    [Fact]
    public async Task Roles_without_the_policy_are_refused_on_the_server()
    {
        using var client = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var response = await client.GetAsync("/reference-data");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/account/access-denied");
    }

    [Fact]
    public async Task Ten_failed_sign_ins_lock_the_account_even_against_the_right_password()
    {
        var email = await fixture.App.CreateUserAsync(Roles.RegionalStaff);
        using var client = fixture.App.NewClient();

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var failed = await client.SignInAsync(email, "not-the-password");
            failed.StatusCode.Should().Be(HttpStatusCode.OK, "a failed sign-in re-displays the form");
        }

        var (_, signInPage) = await client.GetPageAsync("/account/sign-in");
        var (response, page) = await client.SubmitAsync(signInPage, new Dictionary<string, string?> { ["Email"] = email, ["Password"] = PortalAppFactory.TestPassword });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=validation-summary]")!.TextContent.Should().Contain("locked");
        (await client.GetAsync("/local-governments")).StatusCode.Should().Be(HttpStatusCode.Redirect, "the locked user is not signed in");
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_answer()
    {
        var email = await fixture.App.CreateUserAsync(Roles.RegionalStaff);
        using var client = fixture.App.NewClient();

        var (_, first) = await client.GetPageAsync("/account/sign-in");
        var (_, wrongPassword) = await client.SubmitAsync(first, new Dictionary<string, string?> { ["Email"] = email, ["Password"] = "wrong-password-1" });
        var (_, unknownUser) = await client.SubmitAsync(wrongPassword, new Dictionary<string, string?> { ["Email"] = "nobody@test.example.org", ["Password"] = "wrong-password-1" });

        wrongPassword.QuerySelector("[data-testid=validation-summary]")!.TextContent
            .Should().Be(unknownUser.QuerySelector("[data-testid=validation-summary]")!.TextContent);
    }
}
