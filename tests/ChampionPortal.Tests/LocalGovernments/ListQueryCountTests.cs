using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Tests.LocalGovernments;

public sealed class ListQueryCountFixture : PortalFixture
{
    public SqlStatementCounter Counter { get; } = new();

    protected override PortalAppFactory CreateFactory(string connectionString)
    {
        // The background workers poll the database on their own schedule: off, so that only the page's statements count.
        var factory = new PortalAppFactory(connectionString, settings: new Dictionary<string, string?>
        {
            ["Email:Outbox:Enabled"] = "false",
            ["Certificates:Issuance:Enabled"] = "false",
        });
        factory.OverrideServices(services => services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Counter));
        return factory;
    }
}

public sealed class ListQueryCountTests(ListQueryCountFixture fixture) : IClassFixture<ListQueryCountFixture>
{
    [Fact]
    public async Task The_list_issues_the_same_number_of_statements_for_10_and_100_rows()
    {
        await fixture.App.WithDbAsync(async db =>
        {
            for (var i = 0; i < 120; i++)
            {
                var government = new LocalGovernment { Name = $"Municipio {i:000}", CountryCode = "BO", TimeZone = "America/La_Paz" };
                db.LocalGovernments.Add(government);
                db.Authorities.Add(new Authority
                {
                    FullName = $"Autoridad {i:000}",
                    Position = "Alcalde",
                    Email = $"autoridad{i:000}@test.example.org",
                    CountryCode = "BO",
                    LocalGovernment = government,
                });
            }

            return await db.SaveChangesAsync();
        });
        var email = await fixture.App.CreateUserAsync(Roles.RegionalStaff);
        using var client = fixture.App.NewClient();
        await client.SignInAsync(email);
        await client.GetAsync("/local-governments?size=10");

        var small = await CountStatementsAsync(client, "/local-governments?size=10");
        var large = await CountStatementsAsync(client, "/local-governments?size=100");

        small.Rows.Should().Be(10);
        large.Rows.Should().Be(100);
        large.Statements.Should().Be(small.Statements).And.BeLessThanOrEqualTo(4);
    }

    [Fact]
    public async Task A_search_with_more_than_a_thousand_results_past_the_page_says_more_than_and_counts_exactly_near_its_end()
    {
        await fixture.App.WithDbAsync(async db =>
        {
            db.LocalGovernments.AddRange(Enumerable.Range(1, 1010).Select(i => new LocalGovernment { Name = $"Villa Adelante {i:0000}", CountryCode = "UY", TimeZone = "America/Montevideo" }));
            return await db.SaveChangesAsync();
        });
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var (_, first) = await staff.GetPageAsync("/local-governments?q=adelante&size=25");
        var count = first.QuerySelector("[data-testid=results-count]")!;
        count.TextContent.Should().Be("More than 1,000 results");
        count.GetAttribute("data-at-least").Should().Be("true");
        first.QuerySelectorAll("tbody tr").Should().HaveCount(25);
        first.QuerySelector("a[rel=next]")!.GetAttribute("href").Should().Contain("page=2");

        var (_, last) = await staff.GetPageAsync("/local-governments?q=adelante&size=25&page=41");
        last.QuerySelector("[data-testid=results-count]")!.TextContent.Should().Be("1,010 local governments", "from page 41 the remaining rows are within reach of the count");
        last.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("td, th")!.TextContent.Trim()).Should().HaveCount(10).And.Contain("Villa Adelante 1010");
        last.QuerySelector("a[rel=next]").Should().BeNull("the last page has no next page to link to");

        // A page number edited by hand past any list (an offset that would overflow) is an empty page, not an error.
        var (beyond, beyondPage) = await staff.GetPageAsync($"/local-governments?q=adelante&size=100&page={int.MaxValue}");
        beyond.StatusCode.Should().Be(HttpStatusCode.OK);
        beyondPage.QuerySelectorAll("tbody tr").Should().BeEmpty();
    }

    private async Task<(int Rows, int Statements)> CountStatementsAsync(PortalClient client, string url)
    {
        fixture.Counter.Reset();
        var (response, page) = await client.GetPageAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (page.QuerySelectorAll("tbody tr").Length, fixture.Counter.Count);
    }
}
