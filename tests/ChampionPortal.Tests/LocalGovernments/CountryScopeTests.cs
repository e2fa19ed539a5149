using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.LocalGovernments;

/// <summary>A CountryOffice user reaches only the records of its own country; anything else answers 404.</summary>
public sealed class CountryScopeTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Another_countrys_local_government_answers_404_on_every_action_and_is_left_unchanged()
    {
        var peruvian = await fixture.App.AddLocalGovernmentAsync("Tacna", "PE");
        var argentine = await fixture.App.AddLocalGovernmentAsync("Salta", "AR");
        using var client = await SignedInOfficeAsync("AR");

        (await client.GetAsync($"/local-governments/{peruvian}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync($"/local-governments/{peruvian}/edit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync($"/local-governments/{peruvian}/delete")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // POSTs carry a valid antiforgery token taken from a page the user may open, so only the scope can refuse them.
        var (_, ownEdit) = await client.GetPageAsync($"/local-governments/{argentine}/edit");
        var token = ownEdit.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (editResponse, _) = await client.PostAsync($"/local-governments/{peruvian}/edit", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.Name"] = "Tacna renamed",
            ["Form.Kind"] = "Municipality",
            ["Form.CountryCode"] = "PE",
            ["Form.TimeZone"] = "America/Lima",
            ["Form.Version"] = "1",
        });
        var (deleteResponse, _) = await client.PostAsync($"/local-governments/{peruvian}/delete", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["version"] = "1",
        });

        editResponse.StatusCode.Should().Be(HttpStatusCode.NotFound);
        deleteResponse.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var stored = await fixture.App.WithDbAsync(db => db.LocalGovernments.AsNoTracking().SingleAsync(l => l.Id == peruvian));
        stored.Name.Should().Be("Tacna");
        (await client.GetAsync($"/local-governments/{argentine}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_list_and_the_search_show_only_the_own_country()
    {
        await fixture.App.AddLocalGovernmentAsync("San Lorenzo", "PY");
        await fixture.App.AddLocalGovernmentAsync("San Lorenzo", "EC");
        using var client = await SignedInOfficeAsync("PY");

        var (_, all) = await client.GetPageAsync("/local-governments?size=100");
        var (_, search) = await client.GetPageAsync("/local-governments?q=san+lorenzo");
        var (_, forcedCountry) = await client.GetPageAsync("/local-governments?country=EC");

        all.QuerySelectorAll("tbody tr").Should().NotBeEmpty();
        Countries(all).Should().OnlyContain(c => c == "Paraguay");
        Countries(search).Should().Equal("Paraguay");
        forcedCountry.QuerySelectorAll("tbody tr").Should().BeEmpty("asking for another country through the query string shows nothing");
    }

    [Fact]
    public async Task A_country_office_cannot_create_a_record_for_another_country()
    {
        using var client = await SignedInOfficeAsync("UY");
        var (_, form) = await client.GetPageAsync("/local-governments/new");

        var (response, page) = await client.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Form.Name"] = "Porto Alegre",
            ["Form.CountryCode"] = "BR",
            ["Form.TimeZone"] = "America/Sao_Paulo",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=validation-summary]").Should().NotBeNull();
        (await fixture.App.WithDbAsync(db => db.LocalGovernments.AnyAsync(l => l.Name == "Porto Alegre"))).Should().BeFalse();
    }

    private static IEnumerable<string> Countries(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("tbody tr td:nth-child(3)").Select(td => td.TextContent.Trim());

    private Task<PortalClient> SignedInOfficeAsync(string country) => fixture.App.SignedInClientAsync(Roles.CountryOffice, country);
}
