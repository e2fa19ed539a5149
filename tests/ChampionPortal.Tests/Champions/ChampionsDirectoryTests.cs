using System.Net;
using System.Text.Json;
using ChampionPortal.Testing;
using ChampionPortal.Tests.Certificates;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Champions;

public sealed class ChampionsDirectoryTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static readonly string[] CoveredCountries = ["AR", "BO", "BR", "CL", "CO", "EC", "PY", "PE", "UY", "VE"];

    [Fact]
    public async Task A_person_appears_in_the_page_the_csv_and_the_json_only_with_consent_and_a_revoked_certificate_disappears()
    {
        var s = await IssuedAsync("DIR1");
        await ConsentAsync(s.Cohort, s.Conceicao, true);
        await ConsentAsync(s.Cohort, s.Pedro, false);
        using var visitor = fixture.App.NewClient();

        var (response, page) = await visitor.GetPageAsync("/champions?cohort=DIR1");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelectorAll("[data-testid=governments] li").Select(li => li.QuerySelector("a")!.TextContent).Should().BeEquivalentTo(["Niterói DIR1", "Salto DIR1"]);
        page.QuerySelectorAll("[data-testid=people] li a").Select(a => a.TextContent).Should().Equal("Conceição Nuñez Añasco");
        page.Body!.InnerHtml.Should().NotContain("Pedro Rodríguez", "he did not consent");
        var verify = page.QuerySelector("[data-testid=people] li a")!.GetAttribute("href")!;
        (await visitor.GetPageAsync(verify)).Page.QuerySelector("[data-testid=verification]")!.GetAttribute("data-status").Should().Be("Valid");

        var csv = await (await visitor.GetAsync("/open-data/champions/DIR1.csv")).Content.ReadAsStringAsync();
        csv.Should().StartWith("cohort,kind,name,local_government,country_code").And.Contain("Conceição Nuñez Añasco").And.NotContain("Pedro Rodríguez");
        var json = JsonDocument.Parse(await (await visitor.GetAsync("/open-data/champions/DIR1.json")).Content.ReadAsStringAsync());
        json.RootElement.EnumerateArray().Select(r => r.GetProperty("name").GetString()).Should().BeEquivalentTo(["Niterói DIR1", "Salto DIR1", "Conceição Nuñez Añasco"]);
        (await visitor.GetAsync("/open-data/champions.json")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await visitor.GetAsync("/open-data/champions/NO-SUCH.csv")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // Salto's certificate is revoked: it leaves the directory, the map and the open data.
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var salto = await fixture.App.WithDbAsync(db => db.Certificates.Where(c => c.CohortId == s.Cohort && c.RecipientKey == $"G:{s.Salto}").Select(c => c.Id).SingleAsync());
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        await Certificates.RevocationTests.RevokeAsync(staff, list, salto, "Issued in error.");
        (await visitor.GetPageAsync("/champions?cohort=DIR1")).Page.QuerySelectorAll("[data-testid=governments] li").Should().ContainSingle();
        (await (await visitor.GetAsync("/open-data/champions/DIR1.csv")).Content.ReadAsStringAsync()).Should().NotContain("Salto DIR1");
    }

    [Fact]
    public async Task An_authority_gives_or_withdraws_consent_in_the_profile_and_the_directory_follows()
    {
        var s = await IssuedAsync("DIR2");
        await ConsentAsync(s.Cohort, s.Pedro, false);
        using var pedro = await fixture.App.SignedInClientAsync(Roles.Authority, authorityId: s.Pedro);
        using var visitor = fixture.App.NewClient();

        var (_, profile) = await pedro.GetPageAsync("/account/profile");
        profile.QuerySelector("#Form_DirectoryConsent")!.HasAttribute("checked").Should().BeFalse();
        await pedro.SubmitAsync(profile, new Dictionary<string, string?> { ["Form.DirectoryConsent"] = "true" }, "main form");
        (await visitor.GetPageAsync("/champions?cohort=DIR2")).Page.QuerySelectorAll("[data-testid=people] li a").Select(a => a.TextContent).Should().Contain("Pedro Rodríguez");

        (_, profile) = await pedro.GetPageAsync("/account/profile");
        profile.QuerySelector("#Form_DirectoryConsent")!.HasAttribute("checked").Should().BeTrue();
        await pedro.SubmitAsync(profile, new Dictionary<string, string?> { ["Form.DirectoryConsent"] = "false" }, "main form");
        (await visitor.GetPageAsync("/champions?cohort=DIR2")).Page.Body!.InnerHtml.Should().NotContain("Pedro Rodríguez");
    }

    [Fact]
    public async Task The_map_has_a_shape_per_country_a_point_per_located_local_government_a_table_and_the_disclaimer_in_the_pages_language()
    {
        var s = await IssuedAsync("DIR3");
        await fixture.App.WithDbAsync(async db =>
        {
            var niteroi = await db.LocalGovernments.SingleAsync(l => l.Id == s.Niteroi);
            (niteroi.Latitude, niteroi.Longitude) = (-22.88, -43.10);
            return await db.SaveChangesAsync();
        });
        using var visitor = fixture.App.NewClient("es");

        var (_, page) = await visitor.GetPageAsync("/champions?cohort=DIR3");
        var map = page.QuerySelector("svg[data-testid=map]")!;
        var shapes = map.QuerySelectorAll("path.map-country").Select(p => p.GetAttribute("data-country")).ToList();
        shapes.Should().Contain(CoveredCountries).And.OnlyHaveUniqueItems();
        map.QuerySelectorAll("path.map-country").Should().OnlyContain(p => p.GetAttribute("d")!.StartsWith('M'));
        map.QuerySelector("path[data-country=BR]")!.GetAttribute("data-governments").Should().Be("1");
        map.QuerySelector("path[data-country=AR]")!.GetAttribute("data-governments").Should().Be("0");
        map.QuerySelector("path[data-country=BR]")!.TextContent.Should().Be("Brasil: 1 gobierno local campeón");
        var point = map.QuerySelector("[data-testid=map-point]")!;
        map.QuerySelectorAll("[data-testid=map-point]").Should().ContainSingle("only Niterói has coordinates");
        point.GetAttribute("aria-label").Should().Be("Niterói DIR3, Brasil");
        double.Parse(point.QuerySelector("circle")!.GetAttribute("cx")!, System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(450, 560, "Niterói lies on Brazil's Atlantic coast");
        page.QuerySelectorAll("[data-testid=map-table] tbody tr").Should().HaveCount(10);
        page.QuerySelector("[data-testid=map-disclaimer]")!.TextContent.Should().StartWith("Este mapa tiene fines ilustrativos únicamente.");
        (await fixture.App.NewClient("pt").GetPageAsync("/champions?cohort=DIR3")).Page.QuerySelector("[data-testid=map-disclaimer]")!.TextContent
            .Should().Contain("Organização Internacional para as Migrações");
    }

    [Fact]
    public async Task A_large_cohort_is_listed_fifty_at_a_time_by_country_and_name_and_search_and_country_filter_the_whole_cohort()
    {
        var (cohort, _) = await fixture.App.AddCohortAsync("DIR4");
        await fixture.App.WithDbAsync(async db =>
        {
            for (var i = 1; i <= 64; i++)
            {
                var country = i % 2 == 0 ? "UY" : "AR";
                var government = new LocalGovernment { Name = i == 64 ? "San José de Mayo" : $"Ciudad {i:00}", CountryCode = country, TimeZone = "America/Montevideo" };
                db.LocalGovernments.Add(government);
                await db.SaveChangesAsync();
                db.Certificates.Add(new Certificate
                {
                    CohortId = cohort,
                    Kind = CertificateKind.LocalGovernment,
                    LocalGovernmentId = government.Id,
                    CountryCode = country,
                    Serial = $"CLA-DIR4-{i:000}",
                    VerificationCode = $"DIR4{i:00000000}",
                    Language = "es",
                    RecipientName = government.Name,
                    LocalGovernmentName = government.Name,
                    IssuedOn = new DateOnly(2024, 1, 15),
                    Status = i == 7 ? CertificateStatus.Revoked : CertificateStatus.Valid,
                    Pdf = [1],
                    Sha256 = new string('0', 64),
                    RecipientKey = $"G:{government.Id}",
                });
            }

            return await db.SaveChangesAsync();
        });
        using var visitor = fixture.App.NewClient("es");
        static List<string> Names(AngleSharp.Dom.IDocument page) => [.. page.QuerySelectorAll("[data-testid=governments] li a").Select(a => a.TextContent)];

        var (_, first) = await visitor.GetPageAsync("/champions?cohort=DIR4");
        first.QuerySelector("h2#governments-heading")!.TextContent.Should().Contain("(63)", "64 certificates, one revoked");
        Names(first).Should().HaveCount(50).And.StartWith(["Ciudad 01", "Ciudad 03"], "Argentina comes first, then names in order");
        var next = first.QuerySelector("[data-testid=governments-pages] a[rel=next]")!.GetAttribute("href")!;
        next.Should().Contain("gpage=2").And.Contain("cohort=DIR4");
        var (_, second) = await visitor.GetPageAsync(next);
        Names(second).Should().HaveCount(13).And.EndWith("San José de Mayo").And.NotContain(Names(first));
        Names(first).Concat(Names(second)).Should().Equal(
            [
                .. Enumerable.Range(1, 63).Where(i => i % 2 == 1 && i != 7).Select(i => $"Ciudad {i:00}"),
                .. Enumerable.Range(1, 63).Where(i => i % 2 == 0).Select(i => $"Ciudad {i:00}"), "San José de Mayo",
            ],
            "the first page ends within Uruguay and the second goes on from there");
        second.QuerySelector("path[data-country=UY]")!.GetAttribute("data-governments").Should().Be("32", "the map counts the whole cohort on every page");

        // The legend says the numbers each shade stands for, and every shaded country's count is within its shade's.
        var legend = second.QuerySelectorAll("[data-testid=map-legend] [data-shade]")
            .Select(step => (Shade: step.GetAttribute("data-shade")!, From: int.Parse(step.GetAttribute("data-from")!, System.Globalization.CultureInfo.InvariantCulture),
                To: int.Parse(step.GetAttribute("data-to")!, System.Globalization.CultureInfo.InvariantCulture), Text: step.TextContent.Trim()))
            .ToList();
        legend.Select(step => step.Text).Should().NotBeEmpty().And.AllSatisfy(text => text.Should().MatchRegex(@"^\d+(–\d+)?$"));
        legend[^1].To.Should().Be(32, "the top of the scale is the most any country has");
        foreach (var country in second.QuerySelectorAll("path[data-country][data-governments]").Where(c => c.GetAttribute("data-governments") != "0"))
        {
            var count = int.Parse(country.GetAttribute("data-governments")!, System.Globalization.CultureInfo.InvariantCulture);
            var shade = country.ClassList.Single(c => c.StartsWith("map-shade-", StringComparison.Ordinal))["map-shade-".Length..];
            legend.Single(step => step.Shade == shade).Should().Match<(string Shade, int From, int To, string Text)>(step => step.From <= count && count <= step.To);
        }

        var (_, searched) = await visitor.GetPageAsync("/champions?cohort=DIR4&q=jose+de+mayo");
        Names(searched).Should().Equal("San José de Mayo");
        searched.QuerySelector("h2#governments-heading")!.TextContent.Should().Contain("(1)");
        var (_, uruguay) = await visitor.GetPageAsync("/champions?cohort=DIR4&country=uy");
        Names(uruguay).Should().HaveCount(32).And.OnlyContain(n => n == "San José de Mayo" || int.Parse(n.Substring(7), System.Globalization.CultureInfo.InvariantCulture) % 2 == 0);
        uruguay.QuerySelector("[data-testid=governments-pages] a[rel=next]").Should().BeNull();

        var (beyond, beyondPage) = await visitor.GetPageAsync($"/champions?cohort=DIR4&gpage={int.MaxValue}&ppage=-5");
        beyond.StatusCode.Should().Be(HttpStatusCode.OK, "a page number edited by hand is not an error");
        Names(beyondPage).Should().BeEmpty();
    }

    private async Task<CertificateTests.Setup> IssuedAsync(string code)
    {
        var s = await CertificateTests.SetupAsync(fixture.App, code);
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
        await fixture.App.IssuancesFinishedAsync();
        return s;
    }

    private Task<int> ConsentAsync(int cohort, int authority, bool consent) => fixture.App.WithDbAsync(async db =>
    {
        (await db.Invitations.SingleAsync(i => i.CohortId == cohort && i.AuthorityId == authority)).DirectoryConsent = consent;
        return await db.SaveChangesAsync();
    });
}
