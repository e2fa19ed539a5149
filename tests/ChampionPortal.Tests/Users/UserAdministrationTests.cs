using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Users;

public sealed class UserAdministrationTests(MailPortalFixture fixture) : IClassFixture<MailPortalFixture>
{
    [Fact]
    public async Task An_administrator_creates_a_country_office_account_whose_owner_sets_a_password_from_the_email()
    {
        using var admin = await fixture.App.SignedInClientAsync(Roles.Administrator);
        var (_, form) = await admin.GetPageAsync("/users/new");

        var (created, _) = await admin.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Form.Email"] = "oficina.py@test.example.org",
            ["Form.FullName"] = "Oficina de Paraguay",
            ["Form.Role"] = "CountryOffice",
            ["Form.CountryCode"] = "PY",
            ["Form.PreferredLanguage"] = "es",
        });
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var message = await fixture.Smtp.WaitForMessageToAsync("oficina.py@test.example.org");
        message.Subject.Should().Be("Su cuenta del Portal Champion");
        var link = System.Text.RegularExpressions.Regex.Match(message.TextBody!, @"https?://\S+/account/reset-password\?\S+").Value;
        using var owner = fixture.App.NewClient("es");
        var (_, setPassword) = await owner.GetPageAsync(new Uri(link).PathAndQuery);
        await owner.SubmitAsync(setPassword, new Dictionary<string, string?> { ["NewPassword"] = "Mi-Primera-Clave-2026", ["ConfirmPassword"] = "Mi-Primera-Clave-2026" });
        (await owner.SignInAsync("oficina.py@test.example.org", "Mi-Primera-Clave-2026")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, home) = await owner.GetPageAsync("/");
        home.QuerySelector("[data-testid=country-overview]")!.TextContent.Should().Contain("Paraguay");

        var audit = await fixture.App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(PortalUser) && a.Action == AuditAction.Created && a.ChangesJson.Contains("oficina.py@test.example.org"))
            .Select(a => a.Actor).ToListAsync());
        audit.Should().ContainSingle().Which.Should().EndWith("@test.example.org").And.StartWith("administrator");
    }

    [Fact]
    public async Task Deactivation_refuses_sign_in_and_reactivation_restores_it()
    {
        var email = await fixture.App.CreateUserAsync(Roles.RegionalStaff);
        var id = await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        using var admin = await fixture.App.SignedInClientAsync(Roles.Administrator);

        await ActAsync(admin, id, "deactivate");
        using (var refused = fixture.App.NewClient())
        {
            (await refused.SignInAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK, "a deactivated account cannot sign in");
        }

        var (_, details) = await admin.GetPageAsync($"/users/{id}");
        details.QuerySelector("[data-testid=status]")!.TextContent.Should().Be("Deactivated");
        await ActAsync(admin, id, "reactivate");
        using var allowed = fixture.App.NewClient();
        (await allowed.SignInAsync(email)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Resetting_the_lockout_lets_a_locked_account_sign_in_again()
    {
        var email = await fixture.App.CreateUserAsync(Roles.CountryOffice, "VE");
        var id = await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        using var client = fixture.App.NewClient();
        for (var i = 0; i < 10; i++)
        {
            await client.SignInAsync(email, "wrong-password");
        }

        (await client.SignInAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK, "the account is locked");
        using var admin = await fixture.App.SignedInClientAsync(Roles.Administrator);
        var (_, list) = await admin.GetPageAsync("/users?status=LockedOut");
        list.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelector("td")!.TextContent.Trim()).Should().Contain(email);

        await ActAsync(admin, id, "reset-lockout");

        (await client.SignInAsync(email)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_themself_and_other_roles_cannot_manage_users()
    {
        var adminEmail = await fixture.App.CreateUserAsync(Roles.Administrator);
        var adminId = await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == adminEmail).Select(u => u.Id).SingleAsync());
        using var admin = fixture.App.NewClient();
        await admin.SignInAsync(adminEmail);

        await ActAsync(admin, adminId, "deactivate");
        (await fixture.App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == adminId))).IsActive.Should().BeTrue();

        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var response = await staff.GetAsync("/users");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("access-denied");
    }

    private static async Task ActAsync(PortalClient admin, int id, string operation)
    {
        var (_, details) = await admin.GetPageAsync($"/users/{id}");
        var token = details.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (response, _) = await admin.PostAsync($"/users/{id}/{operation}", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
