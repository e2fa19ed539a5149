using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Tests.Account;

public sealed class SessionCheckTests(MovableClockFixture fixture) : IClassFixture<MovableClockFixture>
{
    [Fact]
    public async Task A_session_of_a_deactivated_account_ends_at_the_next_check_of_the_account_a_minute_on()
    {
        var email = await fixture.App.CreateUserAsync(Roles.RegionalStaff);
        using var session = fixture.App.NewClient();
        await session.SignInAsync(email);
        (await session.GetAsync("/authorities")).StatusCode.Should().Be(HttpStatusCode.OK);

        // As an administrator's deactivation does it: the account is marked and its security stamp changes.
        using (var scope = fixture.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.Users.SingleAsync(u => u.Email == email);
            user.IsActive = false;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
        }

        // The account is checked once a minute (a check on every request would cost every request), so within the
        // minute the session goes on; a minute on, the check finds the change and the session ends.
        (await session.GetAsync("/authorities")).StatusCode.Should().Be(HttpStatusCode.OK);
        fixture.Clock.MoveOn(TimeSpan.FromMinutes(2));
        var ended = await session.GetAsync("/authorities");
        ended.StatusCode.Should().Be(HttpStatusCode.Redirect);
        ended.Headers.Location!.OriginalString.Should().Contain("/account/sign-in");
    }

    [Fact]
    public async Task Opening_two_factor_set_up_keeps_the_session_so_a_person_who_takes_minutes_to_scan_the_code_still_finishes()
    {
        var email = await fixture.App.CreateUserAsync(Roles.RegionalStaff);
        using var session = fixture.App.NewClient();
        await session.SignInAsync(email);

        var (opened, setup) = await session.GetPageAsync("/account/two-factor/setup");
        opened.StatusCode.Should().Be(HttpStatusCode.OK);
        var key = setup.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal);

        // Three minutes with the phone: past the once-a-minute check of the account.
        fixture.Clock.MoveOn(TimeSpan.FromMinutes(3));
        (await session.GetAsync("/authorities")).StatusCode.Should().Be(HttpStatusCode.OK, "opening the set-up page must not end the session");
        var (_, again) = await session.GetPageAsync("/account/two-factor/setup");
        again.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal).Should().Be(key, "the key shown first is the one to scan");

        var (enabled, codes) = await session.SubmitAsync(again, new Dictionary<string, string?> { ["Form.Code"] = Totp.Code(key) }, "form[action='/account/two-factor/setup']");
        enabled.StatusCode.Should().Be(HttpStatusCode.OK);
        codes.QuerySelectorAll("[data-testid=recovery-codes] li").Should().HaveCount(10);
        (await session.GetAsync("/authorities")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
