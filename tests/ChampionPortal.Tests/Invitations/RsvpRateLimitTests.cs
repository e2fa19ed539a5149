using System.Net;
using ChampionPortal.Testing;

namespace ChampionPortal.Tests.Invitations;

public sealed class RsvpRateLimitFixture : PortalFixture
{
    protected override PortalAppFactory CreateFactory(string connectionString) =>
        new(connectionString, settings: new Dictionary<string, string?> { ["RateLimits:RsvpPerMinute"] = "5" });
}

/// <summary>Guessing links is slowed down: the RSVP endpoint answers 429 past its per-minute allowance.</summary>
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
