using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Tests.LocalGovernments;
using ChampionPortal.Web.Domain;

namespace ChampionPortal.Tests.Authorities;

public sealed class AuthorityListTests(ListQueryCountFixture fixture) : IClassFixture<ListQueryCountFixture>
{
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

        // The first page is asked for in one flat statement with its size written in: PostgreSQL then keeps one plan
        // for it, and stops reading after 25 rows.
        var page = fixture.Counter.Queries.Should().ContainSingle(q => q.Contains("\"FullName\"", StringComparison.Ordinal)).Subject;
        page.Should().Contain("LIMIT 25").And.NotContain("OFFSET").And.NotContain("FROM (");

        // A country office opens its own country's list, and cannot open another's through the filter.
        using var paraguay = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "PY");
        var (_, own) = await paraguay.GetPageAsync("/authorities");
        own.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).Should().Equal(rows.Select(r => r[0]));
        using var uruguay = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "UY");
        var (_, other) = await uruguay.GetPageAsync("/authorities?country=PY");
        other.QuerySelectorAll("tbody tr").Should().BeEmpty();

        // Searching, another order and later pages are read the general way, from the same rows.
        var (_, search) = await staff.GetPageAsync("/authorities?country=PY&q=acosta");
        search.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).Should()
            .ContainSingle().Which.Should().Equal(rows[0]);
        var (_, reversed) = await staff.GetPageAsync("/authorities?country=PY&sort=-name");
        reversed.QuerySelector("tbody tr td")!.TextContent.Trim().Should().Be("Ñandutí Benítez 30");

        fixture.Counter.Reset();
        var (_, second) = await staff.GetPageAsync("/authorities?country=PY&page=2");
        second.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).Should()
            .Equal(Enumerable.Range(25, 6).Select(i => $"Ñandutí Benítez {i:00}"));
        fixture.Counter.Queries.Should().ContainSingle(q => q.Contains("\"FullName\"", StringComparison.Ordinal)).Which.Should().Contain("OFFSET");
    }
}
