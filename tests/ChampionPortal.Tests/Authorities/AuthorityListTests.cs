using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Tests.LocalGovernments;
using ChampionPortal.Web.Domain;

namespace ChampionPortal.Tests.Authorities;

public sealed class AuthorityListTests(ListQueryCountFixture fixture) : IClassFixture<ListQueryCountFixture>
{
    [Fact]
    public async Task A_name_is_found_however_its_apostrophes_and_spaces_are_typed()
    {
        var place = await fixture.App.AddLocalGovernmentAsync("Quilmes SRCH", "AR");
        await fixture.App.AddAuthorityAsync("Siobhán O'Neill D'Alessandro", place, "AR");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        foreach (var typed in new[] { "oneill", "O'Neill", "o neill", "dalessandro", "siobhan oneill" })
        {
            var (_, found) = await staff.GetPageAsync($"/authorities?country=AR&q={Uri.EscapeDataString(typed)}");
            found.QuerySelectorAll("main table tbody tr").Select(r => r.QuerySelector("td, th")!.TextContent.Trim())
                .Should().ContainMatch("Siobhán O'Neill D'Alessandro*", $"\"{typed}\" finds her");
        }
    }

    [Fact]
    public async Task Pages_of_one_country_keep_the_name_order_show_who_has_no_local_government_or_an_account_and_read_the_first_page_in_one_flat_statement()
    {
        var withAccount = await fixture.App.WithDbAsync(async db =>
        {
            var government = new LocalGovernment { Name = "Municipalidad de Encarnación", CountryCode = "PY", TimeZone = "America/Asuncion" };
            db.LocalGovernments.Add(government);
            db.Authorities.AddRange(Enumerable.Range(1, 30).Select(i => new Authority
            {
                FullName = $"Ñandutí Benítez {i:00}",
                Position = "Directora",
                Email = $"nanduti{i:00}@test.example.org",
                CountryCode = "PY",
                LocalGovernment = government,
            }));
            var unattached = new Authority { FullName = "Ana Acosta", Position = "Asesora", Email = "ana.acosta@test.example.org", CountryCode = "PY" };
            db.Authorities.Add(unattached);
            db.Authorities.Add(new Authority { FullName = "Aarón Otro País", Position = "Alcalde", Email = "aaron@test.example.org", CountryCode = "UY" });
            await db.SaveChangesAsync();
            return db.Authorities.Single(a => a.Email == "nanduti02@test.example.org").Id;
        });
        await fixture.App.CreateUserAsync(Roles.Authority, authorityId: withAccount);
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        fixture.Counter.Reset();
        var (response, first) = await staff.GetPageAsync("/authorities?country=PY");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var rows = first.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        rows.Should().HaveCount(25);
        rows[0][0].Should().Be("Ana Acosta", "names sort without their accents, and only Paraguay's people are listed");
        rows[0][2].Should().Be("—", "a person without a local government is still listed");
        rows[1][0].Should().Be("Ñandutí Benítez 01");
        rows[1][2].Should().Be("Municipalidad de Encarnación");
        rows.Where(r => r[5] != "").Select(r => r[0]).Should().Equal("Ñandutí Benítez 02");

        first.QuerySelector("[data-testid=results-count]")!.GetAttribute("data-count").Should().Be("31");
        var nameHeader = first.QuerySelector("thead th")!;
        nameHeader.GetAttribute("aria-sort").Should().Be("ascending", "the list is in name order until the reader chooses another");
        nameHeader.QuerySelector("a")!.GetAttribute("href").Should().Be("/authorities?country=PY&sort=-name");
        first.QuerySelectorAll("[data-testid=export] a").Select(a => a.GetAttribute("href")).Should()
            .Equal("/authorities/export?country=PY&format=csv", "/authorities/export?country=PY&format=xlsx");

        // The first page and its count are asked for in one statement, flat but for the count's subquery, with the
        // page's size written in: PostgreSQL then keeps one plan for it, and stops reading after 25 rows.
        var page = fixture.Counter.Queries.Should().ContainSingle(q => q.Contains("\"FullName\"", StringComparison.Ordinal)).Subject;
        page.Should().Contain("LIMIT 25").And.Contain("count(*)").And.NotContain("OFFSET");
        page[page.LastIndexOf(") AS ", StringComparison.Ordinal)..].Should().NotContain("FROM (", "the rows are read from the tables themselves");

        // A country office opens its own country's list, and cannot open another's through the filter.
        using var paraguay = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "PY");
        var (_, own) = await paraguay.GetPageAsync("/authorities");
        own.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).Should().Equal(rows.Select(r => r[0]));
        using var uruguay = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "UY");
        var (_, other) = await uruguay.GetPageAsync("/authorities?country=PY");
        other.QuerySelectorAll("tbody tr").Should().BeEmpty();

        // A country without people: no row carries the count, and the list says there is nobody yet.
        using var chile = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "CL");
        var (_, none) = await chile.GetPageAsync("/authorities");
        none.QuerySelector("[data-testid=results-count]")!.GetAttribute("data-count").Should().Be("0");
        none.QuerySelector("[data-testid=empty-state]").Should().NotBeNull();

        // Searching, another order and later pages are read the general way, from the same rows.
        var (_, search) = await staff.GetPageAsync("/authorities?country=PY&q=acosta");
        search.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).Should()
            .ContainSingle().Which.Should().Equal(rows[0]);
        var (_, reversed) = await staff.GetPageAsync("/authorities?country=PY&sort=-name");
        reversed.QuerySelector("tbody tr td")!.TextContent.Trim().Should().Be("Ñandutí Benítez 30");
        reversed.QuerySelector("thead th")!.GetAttribute("aria-sort").Should().Be("descending");
        reversed.QuerySelector("thead th a")!.GetAttribute("href").Should().Be("/authorities?country=PY&sort=name");

        fixture.Counter.Reset();
        var (_, second) = await staff.GetPageAsync("/authorities?country=PY&page=2");
        second.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).Should()
            .Equal(Enumerable.Range(25, 6).Select(i => $"Ñandutí Benítez {i:00}"));
        fixture.Counter.Queries.Should().ContainSingle(q => q.Contains("\"FullName\"", StringComparison.Ordinal)).Which.Should().Contain("OFFSET");
    }
}
