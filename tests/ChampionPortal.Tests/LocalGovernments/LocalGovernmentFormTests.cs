using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.LocalGovernments;

public sealed class LocalGovernmentFormTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_post_without_an_antiforgery_token_answers_400_and_changes_nothing()
    {
        using var client = await SignedInStaffAsync();
        var (response, _) = await client.PostAsync("/local-governments/new", new Dictionary<string, string>
        {
            ["Form.Name"] = "Forged",
            ["Form.Kind"] = "City",
            ["Form.CountryCode"] = "CO",
            ["Form.TimeZone"] = "America/Bogota",
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await fixture.App.WithDbAsync(db => db.LocalGovernments.AnyAsync(l => l.Name == "Forged"))).Should().BeFalse();
    }

    [Fact]
    public async Task Create_edit_and_delete_through_the_forms()
    {
        using var client = await SignedInStaffAsync();

        var (_, newForm) = await client.GetPageAsync("/local-governments/new");
        var (created, _) = await client.SubmitAsync(newForm, new Dictionary<string, string?>
        {
            ["Form.Name"] = "Ciudad del Este",
            ["Form.Kind"] = "Municipality",
            ["Form.CountryCode"] = "PY",
            ["Form.TimeZone"] = "America/Asuncion",
            ["Form.Latitude"] = "-25.5097",
            ["Form.Longitude"] = "-54.6111",
            ["Form.IsMercociudadesMember"] = "true",
        });
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var detailsUrl = created.Headers.Location!.ToString();
        var (_, details) = await client.GetPageAsync(detailsUrl);
        details.QuerySelector("h1")!.TextContent.Should().Be("Ciudad del Este");

        var (_, editForm) = await client.GetPageAsync(detailsUrl + "/edit");
        var (edited, _) = await client.SubmitAsync(editForm, new Dictionary<string, string?> { ["Form.Name"] = "Ciudad del Este (Alto Paraná)" });
        edited.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, afterEdit) = await client.GetPageAsync(detailsUrl);
        afterEdit.QuerySelector("h1")!.TextContent.Should().Be("Ciudad del Este (Alto Paraná)");

        var (_, deletePage) = await client.GetPageAsync(detailsUrl + "/delete");
        var (deleted, _) = await client.SubmitAsync(deletePage, new Dictionary<string, string?>());
        deleted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync(detailsUrl)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stale_version_shows_the_conflict_and_changes_nothing()
    {
        var id = await fixture.App.AddLocalGovernmentAsync("Iquique", "CL");
        using var first = await SignedInStaffAsync();
        using var second = await SignedInStaffAsync();
        var (_, firstForm) = await first.GetPageAsync($"/local-governments/{id}/edit");
        var (_, secondForm) = await second.GetPageAsync($"/local-governments/{id}/edit");

        (await first.SubmitAsync(firstForm, new Dictionary<string, string?> { ["Form.Name"] = "Iquique (first)" })).Response
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (response, page) = await second.SubmitAsync(secondForm, new Dictionary<string, string?> { ["Form.Name"] = "Iquique (second)" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=conflict]")!.TextContent.Should().Contain("Iquique (first)");
        page.QuerySelector("[data-testid=validation-summary]")!.TextContent.Should().Contain("Someone else changed");
        var stored = await fixture.App.WithDbAsync(db => db.LocalGovernments.AsNoTracking().SingleAsync(l => l.Id == id));
        stored.Name.Should().Be("Iquique (first)");
        stored.Version.Should().Be(2);

        // The re-displayed form now carries the current version: saving again is a deliberate overwrite.
        var (again, _) = await second.SubmitAsync(page, new Dictionary<string, string?>());
        again.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fixture.App.WithDbAsync(db => db.LocalGovernments.AsNoTracking().SingleAsync(l => l.Id == id))).Name.Should().Be("Iquique (second)");
    }

    [Fact]
    public async Task A_local_government_with_authorities_cannot_be_deleted_and_says_why()
    {
        var id = await fixture.App.AddLocalGovernmentAsync("Pasto", "CO");
        await fixture.App.AddAuthorityAsync("Authority of Pasto", id, "CO");
        using var client = await SignedInStaffAsync();

        var (_, page) = await client.GetPageAsync($"/local-governments/{id}/delete");
        page.QuerySelector("[data-testid=delete-blocked]")!.TextContent.Should().Contain("authorities belong to it (1)");

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (response, after) = await client.PostAsync($"/local-governments/{id}/delete", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["version"] = "1",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        after.QuerySelector("[data-testid=validation-summary]")!.TextContent.Should().Contain("cannot be deleted");
        (await fixture.App.WithDbAsync(db => db.LocalGovernments.AnyAsync(l => l.Id == id))).Should().BeTrue();
    }

    [Fact]
    public async Task Search_ignores_accents_and_case()
    {
        await fixture.App.AddLocalGovernmentAsync("Concepción", "PY");
        using var client = await SignedInStaffAsync();

        var (_, page) = await client.GetPageAsync("/local-governments?q=CONCEPCION");

        page.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).Should().Contain("Concepción");
        page.QuerySelector("[data-testid=results-count]")!.GetAttribute("data-count").Should().Be("1");
    }

    private Task<PortalClient> SignedInStaffAsync() => fixture.App.SignedInClientAsync(Roles.RegionalStaff);
}
