using System.Globalization;
using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using CsvHelper;
using MiniExcelLibs;

namespace ChampionPortal.Tests.Exports;

public sealed class ExportTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Cells_that_would_run_as_formulas_are_neutralized_in_CSV_and_XLSX()
    {
        var government = await fixture.App.AddLocalGovernmentAsync("=1+1", "EC");
        await fixture.App.WithDbAsync(async db =>
        {
            db.Authorities.Add(new Authority
            {
                FullName = "=HYPERLINK(\"http://attacker.example\",\"click\")",
                Position = "@SUM(A1:A9)",
                Email = "formula@test.example.org",
                Phone = "+593 2 000 000",
                CountryCode = "EC",
                LocalGovernmentId = government,
            });
            return await db.SaveChangesAsync();
        });
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var csv = await ReadCsvAsync(staff, "/authorities/export?format=csv&country=EC");
        var xlsx = await ReadXlsxAsync(staff, "/authorities/export?format=xlsx&country=EC");

        foreach (var rows in new[] { csv, xlsx })
        {
            var row = rows.Single(r => r["email"] == "formula@test.example.org");
            row["authority_name"].Should().Be("'=HYPERLINK(\"http://attacker.example\",\"click\")");
            row["position"].Should().Be("'@SUM(A1:A9)");
            row["phone"].Should().Be("'+593 2 000 000");
            row["local_government"].Should().Be("'=1+1");
            row["country_code"].Should().Be("EC");
        }
    }

    [Fact]
    public async Task Exports_follow_the_filters_and_a_country_office_gets_only_its_country()
    {
        await fixture.App.AddAuthorityAsync("Ana Gómez", await fixture.App.AddLocalGovernmentAsync("Santa Fe", "AR"), "AR");
        await fixture.App.AddAuthorityAsync("Beatriz Gómez", await fixture.App.AddLocalGovernmentAsync("Sorocaba", "BR"), "BR");
        using var office = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "AR");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var officeRows = await ReadCsvAsync(office, "/authorities/export?format=csv&country=BR");
        var officeGovernments = await ReadXlsxAsync(office, "/local-governments/export?format=xlsx");
        var staffFiltered = await ReadCsvAsync(staff, "/authorities/export?format=csv&q=gomez");

        officeRows.Should().BeEmpty("another country cannot be exported, even when asked for");
        officeGovernments.Select(r => r["country_code"]).Should().OnlyContain(c => c == "AR").And.NotBeEmpty();
        staffFiltered.Select(r => r["authority_name"]).Should().BeEquivalentTo(["Ana Gómez", "Beatriz Gómez"]);
    }

    [Fact]
    public async Task An_export_is_a_download_with_the_right_type_and_headers()
    {
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var response = await staff.GetAsync("/nominations/export?format=xlsx");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        var header = (await ReadXlsxRowsAsync(response)).First();
        header.Should().Contain(["id", "cohort", "country_code", "status", "criteria_met", "criterion_local_mgi"]);
    }

    private static async Task<List<Dictionary<string, string?>>> ReadCsvAsync(PortalClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string?>>();
        await csv.ReadAsync();
        csv.ReadHeader();
        while (await csv.ReadAsync())
        {
            rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h)));
        }

        return rows;
    }

    private static async Task<List<Dictionary<string, string?>>> ReadXlsxAsync(PortalClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var rows = await ReadXlsxRowsAsync(response);
        var header = rows[0];
        return rows.Skip(1).Select(r => header.Select((h, i) => (h, v: i < r.Count ? r[i] : null)).ToDictionary(p => p.h!, p => p.v)).ToList();
    }

    private static async Task<List<List<string?>>> ReadXlsxRowsAsync(HttpResponseMessage response)
    {
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: false)
            .Select(row => ((IDictionary<string, object?>)row).Values.Select(v => v?.ToString()).ToList())
            .ToList();
    }
}
