using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Certificates;

public sealed class CertificateListTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_certificates_page_opens_on_a_cohort_to_issue_and_its_list_is_searched_filtered_and_paged()
    {
        var s = await CertificateTests.SetupAsync(fixture.App, "CRL1", others: 12);
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "es");

        // From the menu, without a cohort in the address: the cohort with attendance, and its issuing form.
        var (_, opened) = await staff.GetPageAsync("/certificates");
        opened.QuerySelector("#cohort option[selected]")!.GetAttribute("value").Should().Be(s.Cohort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        opened.QuerySelectorAll("[data-testid=issue-form] input[name=recipients]").Should().HaveCount(16, "14 people and 2 local governments are eligible");
        opened.QuerySelector("[data-testid=empty-state]")!.TextContent.Should().Contain("Todavía no hay certificados.");
        await staff.SubmitAsync(opened, new Dictionary<string, string?>(), "[data-testid=issue-form]");
        await fixture.App.IssuancesFinishedAsync();

        var (_, first) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}&size=10");
        first.QuerySelector("[data-testid=results-count]")!.TextContent.Should().Be("16 certificados");
        first.QuerySelectorAll("[data-testid=certificates] tbody tr").Should().HaveCount(10);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await staff.GetPageAsync(next);
        second.QuerySelectorAll("[data-testid=certificates] tbody tr").Should().HaveCount(6);
        first.QuerySelectorAll("[data-testid=certificates] tbody tr").Concat(second.QuerySelectorAll("[data-testid=certificates] tbody tr"))
            .Select(r => r.GetAttribute("data-id")).Should().OnlyHaveUniqueItems();

        // A name without its accents, a place in capitals, a serial in lower case.
        Names(await ListAsync(staff, s.Cohort, "q=conceicao")).Should().Equal("Conceição Nuñez Añasco");
        Names(await ListAsync(staff, s.Cohort, "q=NITEROI")).Should().BeEquivalentTo("Conceição Nuñez Añasco", "Niterói CRL1");
        var pedro = await fixture.App.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.AuthorityId == s.Pedro));
        Names(await ListAsync(staff, s.Cohort, $"q={pedro.Serial.ToLowerInvariant()}")).Should().Equal("Pedro Rodríguez");

        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        await RevocationTests.RevokeAsync(staff, list, pedro.Id, "Emitido por error.");
        var revoked = await ListAsync(staff, s.Cohort, "status=Revoked");
        Names(revoked).Should().Equal("Pedro Rodríguez");
        revoked.QuerySelector("[data-testid=results-count]")!.TextContent.Should().Be("1 certificado");
        Names(await ListAsync(staff, s.Cohort, "kind=LocalGovernment")).Should().BeEquivalentTo("Niterói CRL1", "Salto CRL1");
        Names(await ListAsync(staff, s.Cohort, "country=BR&kind=Person")).Should().Equal("Conceição Nuñez Añasco");

        var none = await ListAsync(staff, s.Cohort, "q=Zzyzx");
        none.QuerySelector("[data-testid=empty-state]")!.TextContent.Should().Contain("Ningún certificado coincide con estos filtros.");
        none.QuerySelector("[data-testid=empty-state] a")!.GetAttribute("href").Should().Be($"/certificates?cohort={s.Cohort}");

        // A country office finds its country's only, whatever it searches.
        using var uruguay = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "UY");
        var (_, office) = await uruguay.GetPageAsync($"/certificates?cohort={s.Cohort}&q=conceicao");
        Names(office).Should().BeEmpty();
        office.QuerySelector("[data-testid=issue-form]").Should().BeNull("only staff issue");
    }

    private static async Task<AngleSharp.Dom.IDocument> ListAsync(PortalClient client, int cohort, string filters) =>
        (await client.GetPageAsync($"/certificates?cohort={cohort}&{filters}")).Page;

    private static IEnumerable<string> Names(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[data-testid=certificates] tbody tr td:nth-child(2)").Select(td => td.ChildNodes[0].TextContent.Trim());
}
