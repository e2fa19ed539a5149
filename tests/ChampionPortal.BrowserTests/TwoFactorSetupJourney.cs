using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.Playwright;

namespace ChampionPortal.BrowserTests;

/// <summary>
/// Regional staff set up two-factor sign-in in a browser and take minutes with their phone: the portal's clock is moved
/// past the once-a-minute check of the account while the set-up page is open, and the session goes on.
/// </summary>
public sealed class TwoFactorSetupJourney(MovableClockFixture portal) : IClassFixture<MovableClockFixture>, IAsyncLifetime
{
    private readonly BrowserFixture browser = new();

    public async Task InitializeAsync() => await browser.LaunchOnlyAsync();

    public async Task DisposeAsync() => await browser.CloseAsync();

    [Theory]
    [InlineData("es", "Activar el inicio de sesión en dos pasos")]
    [InlineData("pt", "Ativar a entrada em duas etapas")]
    public async Task A_person_who_takes_three_minutes_to_scan_the_code_still_finishes_signed_in(string language, string enable)
    {
        var email = await portal.App.CreateUserAsync(Roles.RegionalStaff, language: language);
        await using var journey = await browser.StartJourneyAsync(portal.App, $"two-factor-setup-{language}", language);
        var page = journey.Page;
        await journey.SignInAsync(email);

        await page.GotoAsync("/account/two-factor/setup");
        var key = (await page.Locator("[data-testid=authenticator-key]").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await journey.ShotAsync("setup-opened");

        // Three minutes with the phone, in the portal's time: past the check of the account that runs once a minute.
        portal.Clock.MoveOn(TimeSpan.FromMinutes(3));
        await page.GotoAsync("/authorities");
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
        await Assertions.Expect(page.GetByTestId("create")).ToBeVisibleAsync();
        await journey.ShotAsync("still-signed-in");

        await page.GotoAsync("/account/two-factor/setup");
        await Assertions.Expect(page.Locator("[data-testid=authenticator-key]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(string.Join(@"\s*", key.ToCharArray())));
        await page.Locator("#Form_Code").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = enable }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=recovery-codes] li")).ToHaveCountAsync(10);
        await journey.ShotAsync("recovery-codes");
    }
}
