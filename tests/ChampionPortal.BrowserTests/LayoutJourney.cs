using ChampionPortal.Web.Features.Demo;
using Microsoft.Playwright;

namespace ChampionPortal.BrowserTests;

/// <summary>
/// The frame as each demo account sees it on a phone (390 px), a laptop (1280 px) and a wide screen (1920 px), in its
/// language: the top bar stays one row, the menu's entries stay one line each, no page scrolls sideways, and on a phone
/// the menu opens from its button. Every page is photographed at every width.
/// </summary>
public sealed class LayoutJourney(EmbeddedBrowserFixture fixture) : IClassFixture<EmbeddedBrowserFixture>
{
    private static readonly int[] Widths = [390, 1280, 1920];

    // The innermost elements that reach past the window's right edge, named as a reader of the markup would find them.
    private const string Overflowing = """
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
            .slice(0, 3)
            .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''))
        """;

    // Words of a drawing on the page (chart labels and values) as small as they are drawn, at most three.
    private const string TinyChartText = """
        () => [...document.querySelectorAll('svg text')]
            .filter(t => { const r = t.getBoundingClientRect(); return r.width > 0 && t.textContent.trim().length > 0 && r.height < 10; })
            .slice(0, 3)
            .map(t => t.textContent.trim())
        """;

    [Theory]
    [InlineData(null, "pt")]
    [InlineData("admin@demo.example.org", "pt")]
    [InlineData("staff@demo.example.org", "es")]
    [InlineData("staff@demo.example.org", "en")]
    [InlineData("office.br@demo.example.org", "pt")]
    [InlineData("office.ar@demo.example.org", "es")]
    [InlineData("authority@demo.example.org", "es")]
    public async Task The_frame_fits_every_width_in_the_readers_language(string? email, string language)
    {
        var problems = new List<string>();
        foreach (var width in Widths)
        {
            await using var journey = await fixture.Browser.StartJourneyAsync(fixture.Portal.App, $"layout-{email?.Split('@')[0] ?? "visitor"}-{language}-{width}", language, width);
            if (email is not null)
            {
                await journey.SignInAsync(email, DemoData.Password);
            }

            var page = journey.Page;
            await page.GotoAsync("/");
            var paths = new List<string> { "/" };
            paths.AddRange(await page.Locator("[data-nav]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
            paths.AddRange(email is null ? ["/champions", "/verify"] : []);
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                var at = $"{path} at {width} px";
                if (await page.Locator("html").GetAttributeAsync("lang") is var lang && lang != language)
                {
                    problems.Add($"{at}: the page is in '{lang}', not in the reader's '{language}'");
                }

                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                if (overflow > 0)
                {
                    var culprits = await page.EvaluateAsync<string[]>(Overflowing);
                    problems.Add($"{at}: the page scrolls sideways by {overflow} px ({string.Join(", ", culprits)})");
                }

                // A drawing scaled down to the window shrinks its words with it: below 10 px high they cannot be read.
                var tiny = await page.EvaluateAsync<string[]>(TinyChartText);
                problems.AddRange(tiny.Select(text => $"{at}: the chart text '{text}' is too small to read"));

                var bar = await page.Locator("header.portal-topbar").BoundingBoxAsync();
                if (bar!.Height > 80)
                {
                    problems.Add($"{at}: the top bar wraps ({bar.Height} px high)");
                }

                if (width >= 1280 && email is not null)
                {
                    var wrapped = await page.Locator("#portal-menu .portal-side-link").EvaluateAllAsync<string[]>(
                        "links => links.filter(a => a.getClientRects().length > 1 || a.offsetHeight > parseFloat(getComputedStyle(a).lineHeight) * 1.6).map(a => a.textContent.trim())");
                    problems.AddRange(wrapped.Select(text => $"{at}: the menu entry '{text}' wraps"));
                    if (!await page.Locator("#portal-menu").IsVisibleAsync())
                    {
                        problems.Add($"{at}: the side menu is not shown");
                    }
                }

                await journey.ShotAsync(path == "/" ? "home" : path.Trim('/').Replace('/', '-'));
            }

            if (width == 390 && email is not null)
            {
                await page.GotoAsync("/");
                var firstEntry = page.Locator("#portal-menu [data-nav]").First;
                (await firstEntry.IsVisibleAsync()).Should().BeFalse("on a phone the menu waits behind its button");
                await page.Locator(".portal-menu-toggle").ClickAsync();
                await Assertions.Expect(firstEntry).ToBeVisibleAsync();

                // Photographed once the panel has slid in.
                await page.Locator("#portal-menu.show:not(.showing)").WaitForAsync();
                await journey.ShotAsync("menu-open");
            }
        }

        problems.Should().BeEmpty(string.Join(Environment.NewLine, problems));
    }
}
