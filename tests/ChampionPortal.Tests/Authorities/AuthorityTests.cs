using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Authorities;

public sealed class AuthorityTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_country_office_creates_edits_and_deletes_an_authority_of_its_country()
    {
        var governmentId = await fixture.App.AddLocalGovernmentAsync("Valparaíso", "CL");
        using var office = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "CL");

        var (_, form) = await office.GetPageAsync("/authorities/new");
        var (created, _) = await office.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Form.FullName"] = "Camila Núñez Ortúzar",
            ["Form.Position"] = "Alcaldesa",
            ["Form.Email"] = "camila.nunez@test.example.org",
            ["Form.LocalGovernmentId"] = governmentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Gender"] = "Woman",
        });
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var url = created.Headers.Location!.ToString();

        var (_, search) = await office.GetPageAsync("/authorities?q=camila+nunez");
        search.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).Should().Equal("Camila Núñez Ortúzar");

        var (_, edit) = await office.GetPageAsync(url + "/edit");
        (await office.SubmitAsync(edit, new Dictionary<string, string?> { ["Form.Position"] = "Alcaldesa de Valparaíso" })).Response
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await fixture.App.WithDbAsync(db => db.Authorities.AsNoTracking().SingleAsync(a => a.Email == "camila.nunez@test.example.org"));
        stored.Position.Should().Be("Alcaldesa de Valparaíso");
        stored.CountryCode.Should().Be("CL");
        stored.PreferredLanguage.Should().Be("es");

        var (_, confirm) = await office.GetPageAsync(url + "/delete");
        (await office.SubmitAsync(confirm, new Dictionary<string, string?>())).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await office.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_countrys_authority_answers_404_on_every_action_and_stays_unchanged()
    {
        var bolivian = await fixture.App.AddAuthorityAsync("Autoridad de Sucre", await fixture.App.AddLocalGovernmentAsync("Sucre", "BO"), "BO");
        var own = await fixture.App.AddAuthorityAsync("Autoridad de Salto", await fixture.App.AddLocalGovernmentAsync("Salto", "UY"), "UY");
        using var office = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "UY");

        foreach (var path in new[] { "", "/edit", "/delete" })
        {
            (await office.GetAsync($"/authorities/{bolivian}{path}")).StatusCode.Should().Be(HttpStatusCode.NotFound, path);
        }

        var (_, ownEdit) = await office.GetPageAsync($"/authorities/{own}/edit");
        var token = ownEdit.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (edit, _) = await office.PostAsync($"/authorities/{bolivian}/edit", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.FullName"] = "Renamed",
            ["Form.Position"] = "Alcalde",
            ["Form.Email"] = "renamed@test.example.org",
            ["Form.PreferredLanguage"] = "es",
            ["Form.Gender"] = "Man",
            ["Form.CountryCode"] = "BO",
            ["Form.Version"] = "1",
        });
        var (delete, _) = await office.PostAsync($"/authorities/{bolivian}/delete", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["version"] = "1" });

        edit.StatusCode.Should().Be(HttpStatusCode.NotFound);
        delete.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fixture.App.WithDbAsync(db => db.Authorities.AsNoTracking().SingleAsync(a => a.Id == bolivian))).FullName.Should().Be("Autoridad de Sucre");
        var (_, list) = await office.GetPageAsync("/authorities?size=100&country=BO");
        list.QuerySelectorAll("tbody tr").Should().BeEmpty();
    }

    [Fact]
    public async Task Duplicate_e_mail_another_countrys_local_government_and_an_undescribed_self_description_are_refused()
    {
        var argentine = await fixture.App.AddLocalGovernmentAsync("Bahía Blanca", "AR");
        await fixture.App.AddAuthorityAsync("Existing Person", argentine, "AR");
        var existingEmail = await fixture.App.WithDbAsync(db => db.Authorities.Where(a => a.FullName == "Existing Person").Select(a => a.Email).SingleAsync());
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, form) = await staff.GetPageAsync("/authorities/new");

        var (response, page) = await staff.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Form.FullName"] = "New Person",
            ["Form.Position"] = "Director",
            ["Form.Email"] = existingEmail.ToUpperInvariant(),
            ["Form.CountryCode"] = "PE",
            ["Form.LocalGovernmentId"] = argentine.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Gender"] = "SelfDescribed",
            ["Form.GenderDescription"] = "",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("span[data-valmsg-for='Form.Email']")!.TextContent.Should().Contain("already has this e-mail");
        page.QuerySelector("span[data-valmsg-for='Form.LocalGovernmentId']")!.TextContent.Should().Contain("must be in the chosen country");
        page.QuerySelector("span[data-valmsg-for='Form.GenderDescription']")!.TextContent.Should().NotBeEmpty();
        (await fixture.App.WithDbAsync(db => db.Authorities.AnyAsync(a => a.FullName == "New Person"))).Should().BeFalse();
    }

    [Fact]
    public async Task An_authority_with_a_portal_account_cannot_be_deleted()
    {
        var authorityId = await fixture.App.AddAuthorityAsync("Persona con cuenta", await fixture.App.AddLocalGovernmentAsync("Loja", "EC"), "EC");
        await fixture.App.CreateUserAsync(Roles.Authority, authorityId: authorityId);
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var (_, page) = await staff.GetPageAsync($"/authorities/{authorityId}/delete");

        page.QuerySelector("[data-testid=delete-blocked]")!.TextContent.Should().Contain("portal account");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (response, _) = await staff.PostAsync($"/authorities/{authorityId}/delete", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["version"] = "1" });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await fixture.App.WithDbAsync(db => db.Authorities.AnyAsync(a => a.Id == authorityId))).Should().BeTrue();
    }
}
