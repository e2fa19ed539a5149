using ChampionPortal.Testing;
using Microsoft.Playwright;

namespace ChampionPortal.BrowserTests;

/// <summary>The portal on its own database and Debian's Chromium driven by Playwright (no browser download).</summary>
public sealed class BrowserFixture : PortalFixture
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await LaunchOnlyAsync();
    }

    /// <summary>Starts Chromium without a portal of its own, for a test class whose portal needs other settings.</summary>
    public async Task LaunchOnlyAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH; the README's test command does this.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public override async Task DisposeAsync()
    {
        await CloseAsync();
        await base.DisposeAsync();
    }

    public async Task CloseAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>A fresh browser session in the given language whose every visited page is photographed into artifacts/browser/{journey}/.</summary>
    public Task<Journey> StartJourneyAsync(string name, string locale = "en") => StartJourneyAsync(App, name, locale);

    public async Task<Journey> StartJourneyAsync(PortalAppFactory app, string name, string locale = "en", int width = 1280, int height = 860)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return new Journey(context, await context.NewPageAsync(), Path.Combine(TestPaths.Artifacts("browser"), name));
    }
}

/// <summary>One user's walk through the portal, with a screenshot of each page it reaches.</summary>
public sealed class Journey : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly string folder;
    private readonly List<string> policyViolations = [];
    private int step;

    public Journey(IBrowserContext context, IPage page, string folder)
    {
        (this.context, this.folder, Page) = (context, folder, page);

        // Chromium reports what the Content-Security-Policy refused (an inline style, a script) on the console.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (policyViolations)
                {
                    policyViolations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Photographs the page, after checking that the browser refused nothing on it so far.</summary>
    public async Task ShotAsync(string name)
    {
        lock (policyViolations)
        {
            if (policyViolations.Count > 0)
            {
                throw new InvalidOperationException("The Content-Security-Policy refused: " + string.Join(Environment.NewLine, policyViolations));
            }
        }

        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{++step:00}-{name}.png"), FullPage = true });
    }

    public async Task SignInAsync(string email, string password = PortalAppFactory.TestPassword)
    {
        await Page.GotoAsync("/account/sign-in");
        await ShotAsync("sign-in");
        await Page.Locator("#Email").FillAsync(email);
        await Page.Locator("#Password").FillAsync(password);
        await Page.Locator("main button[type=submit]").ClickAsync();
        try
        {
            // The address is polled rather than a navigation event awaited: the sign-in's redirect may commit before a
            // waiter for it is registered, and then the event never comes although the home page is shown.
            await Assertions.Expect(Page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"), new() { Timeout = 60_000 });
        }
        catch (PlaywrightException)
        {
            // Say what the page said, rather than only that a navigation did not come.
            await ShotAsync("sign-in-refused");
            throw new InvalidOperationException($"Sign-in of {email} did not leave the sign-in page: {await Page.Locator("main").InnerTextAsync()}");
        }

        await ShotAsync("signed-in");
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
