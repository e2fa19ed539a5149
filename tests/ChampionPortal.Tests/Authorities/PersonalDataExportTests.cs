using System.Net;
using System.Text.Json;
using ChampionPortal.Testing;
using ChampionPortal.Tests.Certificates;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Authorities;

public sealed class PersonalDataExportTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task An_administrator_exports_everything_held_about_an_authority_and_no_one_else_can()
    {
        var s = await CertificateTests.SetupAsync(fixture.App, "PDX1");
        using (var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff))
        {
            var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
            await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
            await fixture.App.IssuancesFinishedAsync();
            (await staff.GetAsync($"/authorities/{s.Conceicao}/personal-data")).Headers.Location!.ToString().Should().Contain("/account/access-denied");
        }

        var accountEmail = await fixture.App.CreateUserAsync(Roles.Authority, authorityId: s.Conceicao);
        using var admin = await fixture.App.SignedInClientAsync(Roles.Administrator);
        (await admin.GetPageAsync($"/authorities/{s.Conceicao}")).Page.QuerySelector("[data-testid=personal-data]").Should().NotBeNull();
        var response = await admin.GetAsync($"/authorities/{s.Conceicao}/personal-data");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;

        var email = await fixture.App.WithDbAsync(db => db.Authorities.Where(a => a.Id == s.Conceicao).Select(a => a.Email).SingleAsync());
        root.GetProperty("authority").GetProperty("fullName").GetString().Should().Be("Conceição Nuñez Añasco");
        root.GetProperty("authority").GetProperty("email").GetString().Should().Be(email);
        root.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("email").GetString()).Should().Equal(accountEmail);
        root.GetProperty("nominations").GetArrayLength().Should().Be(1);
        root.GetProperty("invitations")[0].GetProperty("status").GetString().Should().Be("Accepted");
        root.GetProperty("attendance").GetArrayLength().Should().Be(2, "both sessions");
        root.GetProperty("certificates")[0].GetProperty("serial").GetString().Should().StartWith("CLA-PDX1-");
        root.GetProperty("auditTrail").GetArrayLength().Should().BeGreaterThan(0);
        text.Should().NotContain("PasswordHash").And.NotContain("SecurityStamp").And.NotContain("TokenHash");

        (await admin.GetAsync("/authorities/999999/personal-data")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
