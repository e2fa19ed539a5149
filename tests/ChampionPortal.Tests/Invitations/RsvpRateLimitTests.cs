using System.Net;
using ChampionPortal.Testing;

namespace ChampionPortal.Tests.Invitations;

public sealed class RsvpRateLimitFixture : PortalFixture
{
    protected override PortalAppFactory CreateFactory(string connectionString) =>
        new(connectionString, settings: new Dictionary<string, string?> { ["RateLimits:RsvpPerMinute"] = "5" });
}

/// <summary>Guessing links and codes is slowed down: the public link endpoints answer 429 past their per-minute allowance.</summary>
public sealed class RsvpRateLimitTests(RsvpRateLimitFixture fixture) : IClassFixture<RsvpRateLimitFixture>
{
    [Fact]
    public async Task Guessing_tokens_is_refused_with_429_after_the_allowance()
    {
        using var client = fixture.App.NewClient("es");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await client.GetAsync($"/rsvp/guess-{i}")).StatusCode);
        }

        statuses.Take(5).Should().OnlyContain(s => s == HttpStatusCode.NotFound);
        statuses.Skip(5).Should().OnlyContain(s => s == HttpStatusCode.TooManyRequests);
        (await client.GetAsync("/account/sign-in")).StatusCode.Should().Be(HttpStatusCode.OK, "other pages are not limited by it");
    }

}

/// <summary>The other public endpoints that take a guessable code or address share the allowance (a portal of its own).</summary>
public sealed class PublicLinkRateLimitTests(RsvpRateLimitFixture fixture) : IClassFixture<RsvpRateLimitFixture>
{
    [Fact]
    public async Task Verification_check_in_material_links_and_password_reset_share_the_allowance()
    {
        using var client = fixture.App.NewClient("pt");
        for (var i = 0; i < 5; i++)
        {
            (await client.GetAsync($"/verify/GUESS{i}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "an unknown code is answered while within the allowance");
        }

        foreach (var path in new[] { "/verify/GUESS9", "/check-in/invitation/guess", "/material/guess", "/rsvp/guess" })
        {
            (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, path);
        }

        var refused = await client.PostAsync("/account/forgot-password", []);
        refused.Response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }
}
