using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Operations;

public sealed class AuditPageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Administrators_find_who_changed_a_record_with_each_field_before_and_after_and_nobody_can_change_the_trail()
    {
        var place = await fixture.App.AddLocalGovernmentAsync("Tacuarembó", "UY");
        var staffEmail = await fixture.App.CreateUserAsync(Roles.RegionalStaff);
        using var staff = fixture.App.NewClient();
        await staff.SignInAsync(staffEmail);
        var (_, edit) = await staff.GetPageAsync($"/local-governments/{place}/edit");
        (await staff.SubmitAsync(edit, new Dictionary<string, string?> { ["Form.Name"] = "Tacuarembó (departamento)" })).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var admin = await fixture.App.SignedInClientAsync(Roles.Administrator, language: "es");
        var (response, page) = await admin.GetPageAsync($"/audit?entity=LocalGovernment&key={place}&action=Updated");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var row = page.QuerySelectorAll("[data-testid=audit] tbody tr").Should().ContainSingle().Subject;
        row.TextContent.Should().Contain(staffEmail).And.Contain("modificado").And.Contain("Name: Tacuarembó → Tacuarembó (departamento)");
        (await admin.GetPageAsync($"/audit?actor={Uri.EscapeDataString(staffEmail.ToUpperInvariant())}")).Page
            .QuerySelectorAll("[data-testid=audit] tbody tr").Should().NotBeEmpty("the person filter ignores case");
        (await admin.GetPageAsync("/audit?from=2001-01-01&to=2001-01-31")).Page.QuerySelector("[data-testid=empty-state]").Should().NotBeNull();

        // Read-only: no write route exists, and only Administrators read it.
        var count = await fixture.App.WithDbAsync(db => db.AuditEntries.CountAsync());
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        foreach (var path in new[] { "/audit", $"/audit/{row.GetAttribute("data-id")}", $"/audit/{row.GetAttribute("data-id")}/delete" })
        {
            var (post, _) = await admin.PostAsync(path, new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
            ((int)post.StatusCode).Should().BeGreaterThanOrEqualTo(400, $"POST {path} changes nothing");
        }

        (await fixture.App.WithDbAsync(db => db.AuditEntries.CountAsync())).Should().Be(count);
        (await staff.GetAsync("/audit")).Headers.Location!.ToString().Should().Contain("/account/access-denied");
    }
}
