using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Features.Demo;

namespace ChampionPortal.BrowserTests;

/// <summary>The README's portal (embedded SQLite, demo data) and a browser, for walks over every page.</summary>
public sealed class EmbeddedBrowserFixture : IAsyncLifetime
{
    public EmbeddedDefaultFixture Portal { get; } = new();

    public BrowserFixture Browser { get; } = new();

    public async Task InitializeAsync()
    {
        await Portal.InitializeAsync();
        await Browser.LaunchOnlyAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        await Portal.DisposeAsync();
    }
}

/// <summary>
/// Every page each demo account reaches by clicking (the same walk as the embedded default's HTTP test), opened in
/// Chromium and checked by axe-core: no serious or critical accessibility violation anywhere, in the account's language.
/// </summary>
public sealed class EveryPageAccessibilityJourney(EmbeddedBrowserFixture fixture) : IClassFixture<EmbeddedBrowserFixture>
{
    [Theory]
    [InlineData(null, "es")]
    [InlineData("admin@demo.example.org", "en")]
    [InlineData("staff@demo.example.org", "pt")]
    [InlineData("office.ar@demo.example.org", "es")]
    [InlineData("authority@demo.example.org", "es")]
    public async Task Every_page_a_demo_account_reaches_passes_axe_without_serious_violations(string? email, string language)
    {
        var app = fixture.Portal.App;
        using var client = app.NewClient(language);
        if (email is not null)
        {
            (await client.SignInAsync(email, DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var paths = (await PageWalk.WalkAsync(client, ["/", "/champions", "/verify", "/resources"]))
            .Where(p => p.Status == HttpStatusCode.OK && p.MediaType == "text/html").Select(p => p.Path).ToList();
        await using var journey = await fixture.Browser.StartJourneyAsync(app, $"axe-walk-{email?.Split('@')[0] ?? "visitor"}", language);
        if (email is not null)
        {
            await journey.SignInAsync(email, DemoData.Password);
        }

        var violations = new List<string>();
        foreach (var path in paths)
        {
            await journey.Page.GotoAsync(path);
            violations.AddRange(await PublicSiteAndAccessibilityJourney.AxeAsync(journey.Page, path));
        }

        await journey.ShotAsync("last-page");
        paths.Count.Should().BeGreaterThan(5, "the walk reaches the account's pages");
        violations.Should().BeEmpty(string.Join(Environment.NewLine, violations.Distinct()));
    }
}
