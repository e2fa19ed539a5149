using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Account;

public sealed class TwoFactorTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Staff_are_reminded_during_the_grace_period_and_after_it_reach_only_the_set_up_page()
    {
        var email = await fixture.App.CreateUserAsync(Roles.RegionalStaff, language: "es");
        using (var first = fixture.App.NewClient("es"))
        {
            await first.SignInAsync(email);
            var (_, home) = await first.GetPageAsync("/cohorts");
            home.QuerySelector("[data-testid=two-factor-reminder]")!.TextContent.Should().Contain("inicio de sesión en dos pasos");
        }

        var requiredFrom = await RequiredFromAsync(email);
        requiredFrom.Should().BeCloseTo(DateTime.UtcNow.AddDays(14), TimeSpan.FromMinutes(5), "the grace period starts at the first sign-in");
        await SetRequiredFromAsync(email, DateTime.UtcNow.AddDays(-1));

        using var client = fixture.App.NewClient("es");
        await client.SignInAsync(email);
        foreach (var path in new[] { "/cohorts", "/authorities", "/certificates" })
        {
            var refused = await client.GetAsync(path);
            refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
            refused.Headers.Location!.ToString().Should().Be("/account/two-factor/setup");
        }

        // After the grace period the password alone does not open set-up: a link goes to the account's mailbox.
        var (_, locked) = await client.GetPageAsync("/account/two-factor/setup");
        locked.QuerySelector("[data-testid=two-factor-required]").Should().NotBeNull();
        locked.QuerySelector("[data-testid=authenticator-key]").Should().BeNull("whoever knows only the password must not enrol an authenticator of their own");
        var (_, forged) = await client.GetPageAsync("/account/two-factor/setup?enrolment=not-a-real-link");
        forged.QuerySelector("[data-testid=enrolment-link-invalid]")!.TextContent.Should().Be("Este enlace de configuración ya no es válido: pida uno nuevo.");
        forged.QuerySelector("[data-testid=authenticator-key]").Should().BeNull();
        await client.SubmitAsync(locked, new Dictionary<string, string?>(), "form[action='/account/two-factor/setup/link']");
        var link = await EmailedLinkAsync(email, "Configure el inicio de sesión en dos pasos en Champion Portal");

        var (_, setup) = await client.GetPageAsync(link);
        var key = setup.QuerySelector("[data-testid=authenticator-key]")!.TextContent;
        setup.QuerySelector("svg").Should().NotBeNull("a QR code for the app is drawn on the page");

        var (wrong, wrongPage) = await client.SubmitAsync(setup, new Dictionary<string, string?> { ["Form.Code"] = "000000" == Totp.Code(key) ? "111111" : "000000" });
        wrong.StatusCode.Should().Be(HttpStatusCode.OK);
        wrongPage.QuerySelector("[data-testid=validation-summary]")!.TextContent.Should().Contain("no es válido");
        (await client.GetAsync("/cohorts")).StatusCode.Should().Be(HttpStatusCode.Redirect, "a wrong code turns nothing on");

        var (_, codesPage) = await client.SubmitAsync(wrongPage, new Dictionary<string, string?> { ["Form.Code"] = Totp.Code(key) });
        var recoveryCodes = codesPage.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        recoveryCodes.Should().HaveCount(10).And.OnlyHaveUniqueItems();
        (await client.GetAsync("/cohorts")).StatusCode.Should().Be(HttpStatusCode.OK, "the portal opens once two-factor sign-in is on");
        (await SubjectsAsync(email)).Should().Contain("Se activó el inicio de sesión en dos pasos en su cuenta", "the owner hears of every enrolment");

        var (_, status) = await client.GetPageAsync("/account/two-factor/setup");
        status.QuerySelector("form[action='/account/two-factor/disable']").Should().BeNull("regional staff are not offered to turn it off");
        await client.PostAsync("/account/two-factor/disable", [new("__RequestVerificationToken", status.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]);
        var (_, afterDisable) = await client.GetPageAsync("/account/two-factor/setup");
        afterDisable.QuerySelector("[data-testid=two-factor-status]")!.TextContent.Should().Contain("Activado", "regional staff cannot turn it off on the server either");

        // Signing in now takes the password and a code; the password alone opens nothing.
        using var next = fixture.App.NewClient("es");
        var passwordStep = await next.SignInAsync(email);
        passwordStep.Headers.Location!.ToString().Should().StartWith("/account/two-factor");
        (await next.GetAsync("/cohorts")).Headers.Location!.ToString().Should().Contain("/account/sign-in");
        var (_, codeStep) = await next.GetPageAsync(passwordStep.Headers.Location!.ToString());
        var (refusedCode, refusedPage) = await next.SubmitAsync(codeStep, new Dictionary<string, string?> { ["Code"] = "12345" });
        refusedCode.StatusCode.Should().Be(HttpStatusCode.OK);
        refusedPage.QuerySelector("[data-testid=validation-summary]")!.TextContent.Should().Contain("no es válido");
        var (signedIn, _) = await next.SubmitAsync(refusedPage, new Dictionary<string, string?> { ["Code"] = Totp.Code(key) });
        signedIn.Headers.Location!.ToString().Should().Be("/");
        (await next.GetAsync("/cohorts")).StatusCode.Should().Be(HttpStatusCode.OK);

        // A recovery code works once.
        (await SignInWithRecoveryCodeAsync(email, recoveryCodes[3])).Should().Be(HttpStatusCode.Redirect);
        (await SignInWithRecoveryCodeAsync(email, recoveryCodes[3])).Should().Be(HttpStatusCode.OK, "the form is shown again with an error");
        (await SignInWithRecoveryCodeAsync(email, recoveryCodes[4])).Should().Be(HttpStatusCode.Redirect);
        (await SubjectsAsync(email)).Count(s => s == "Se usó un código de recuperación para iniciar sesión en su cuenta").Should().Be(2, "each use of a recovery code is e-mailed");
    }

    [Fact]
    public async Task Country_offices_are_not_required_to_use_it_but_may_turn_it_on_and_off()
    {
        var email = await fixture.App.CreateUserAsync(Roles.CountryOffice, "UY");
        using var client = fixture.App.NewClient();
        await client.SignInAsync(email);
        var (_, home) = await client.GetPageAsync("/authorities");
        home.QuerySelector("[data-testid=two-factor-reminder]").Should().BeNull();
        (await RequiredFromAsync(email)).Should().BeNull();

        var (_, setup) = await client.GetPageAsync("/account/two-factor/setup");
        var key = setup.QuerySelector("[data-testid=authenticator-key]")!.TextContent;
        await client.SubmitAsync(setup, new Dictionary<string, string?> { ["Form.Code"] = Totp.Code(key) });
        using (var withCode = fixture.App.NewClient())
        {
            (await withCode.SignInAsync(email)).Headers.Location!.ToString().Should().StartWith("/account/two-factor");
        }

        var (_, status) = await client.GetPageAsync("/account/two-factor/setup");
        await client.SubmitAsync(status, new Dictionary<string, string?>(), "form[action='/account/two-factor/disable']");
        var (_, off) = await client.GetPageAsync("/account/two-factor/setup");
        off.QuerySelector("[data-testid=two-factor-status]")!.TextContent.Should().Contain("Off");
        using var withoutCode = fixture.App.NewClient();
        (await withoutCode.SignInAsync(email)).Headers.Location!.ToString().Should().Be("/");
    }

    private async Task<HttpStatusCode> SignInWithRecoveryCodeAsync(string email, string code)
    {
        using var client = fixture.App.NewClient("es");
        await client.SignInAsync(email);
        var (_, step) = await client.GetPageAsync("/account/two-factor?recovery=true");
        var (response, _) = await client.SubmitAsync(step, new Dictionary<string, string?> { ["Code"] = code });
        return response.StatusCode;
    }

    private Task<List<string>> SubjectsAsync(string email) =>
        fixture.App.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == email).OrderBy(m => m.Id).Select(m => m.Subject).ToListAsync());

    private async Task<string> EmailedLinkAsync(string email, string subject)
    {
        var text = await fixture.App.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == email && m.Subject == subject).Select(m => m.TextBody).SingleAsync());
        var link = System.Text.RegularExpressions.Regex.Match(text, @"https?://\S+").Value;
        return new Uri(link).PathAndQuery;
    }

    private Task<DateTime?> RequiredFromAsync(string email) =>
        fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorRequiredFromUtc).SingleAsync());

    private Task<int> SetRequiredFromAsync(string email, DateTime at) =>
        fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.TwoFactorRequiredFromUtc, at)));
}
