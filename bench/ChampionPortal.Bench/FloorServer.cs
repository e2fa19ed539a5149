using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChampionPortal.Bench;

/// <summary>
/// The floor: the same rows as the portal's pages, read with raw Npgsql and written as minimal HTML by a bare Kestrel
/// endpoint (the TechEmpower "Fortunes" idea). No authentication, no localization, no layout: what serving the data
/// costs at the least on this machine.
/// </summary>
public sealed class FloorServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly NpgsqlDataSource data;

    private FloorServer(WebApplication app, NpgsqlDataSource data)
    {
        this.app = app;
        this.data = data;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FloorServer> StartAsync(string connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        // The same connection settings as the portal's (prepared statements, no reset on return to the pool), so
        // that the database does the same work for both and the ratio is the portal's own overhead.
        var data = NpgsqlDataSource.Create(ChampionPortal.Web.Data.PortalDatabaseSettings.WithRequestTuning(connectionString));
        var app = builder.Build();
        var floor = new FloorServer(app, data);
        app.MapGet("/authorities", floor.AuthoritiesAsync);
        app.MapGet("/funnel", floor.FunnelAsync);
        app.MapGet("/champions", floor.ChampionsAsync);
        app.MapGet("/verify/{code}", floor.VerifyAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        floor.BaseAddress = new Uri(address);
        return floor;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await data.DisposeAsync();
    }

    // The list's page of 25 and its results count (up to 1,000 past the page, as the portal counts), filtered by
    // country and sorted by name.
    private async Task AuthoritiesAsync(HttpContext http, string country)
    {
        var html = Start("Authorities");
        await using (var count = data.CreateCommand("""SELECT count(*) FROM (SELECT 1 FROM "Authorities" WHERE "CountryCode" = $1 LIMIT 1026) page"""))
        {
            count.Parameters.Add(new NpgsqlParameter { Value = country, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Char });
            html.Append("<p>").Append((long)(await count.ExecuteScalarAsync())!).Append(" results</p>");
        }

        await using var command = data.CreateCommand("""
            SELECT a."Id", a."FullName", a."Position", lg."Name", c."NameEn"
            FROM "Authorities" a LEFT JOIN "LocalGovernments" lg ON lg."Id" = a."LocalGovernmentId" JOIN "Countries" c ON c."Code" = a."CountryCode"
            WHERE a."CountryCode" = $1 ORDER BY a."SearchKey", a."Id" LIMIT 25
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = country, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Char });
        html.Append("<table>");
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                Row(html, reader.GetInt32(0).ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? "" : reader.GetString(3), reader.GetString(4));
            }
        }

        await EndAsync(http, html.Append("</table>"));
    }

    // Each stage as distinct people, local governments and countries.
    private async Task FunnelAsync(HttpContext http, int cohort)
    {
        var html = Start("Funnel").Append("<table>");
        await using var command = data.CreateCommand("""
            SELECT 'Nominated', count(DISTINCT "AuthorityId"), count(DISTINCT "LocalGovernmentId"), count(DISTINCT "CountryCode") FROM "Nominations" WHERE "CohortId" = $1
            UNION ALL SELECT 'Approved', count(DISTINCT "AuthorityId"), count(DISTINCT "LocalGovernmentId"), count(DISTINCT "CountryCode") FROM "Nominations" WHERE "CohortId" = $1 AND "Status" = 'Approved'
            UNION ALL SELECT 'Invited', count(DISTINCT "AuthorityId"), 0, count(DISTINCT "CountryCode") FROM "Invitations" WHERE "CohortId" = $1
            UNION ALL SELECT 'Accepted', count(DISTINCT "AuthorityId"), 0, count(DISTINCT "CountryCode") FROM "Invitations" WHERE "CohortId" = $1 AND "Status" = 'Accepted'
            UNION ALL SELECT s."Code", count(DISTINCT a."AuthorityId"), count(DISTINCT a."LocalGovernmentId"), count(DISTINCT a."CountryCode")
                FROM "Sessions" s LEFT JOIN "Attendances" a ON a."SessionId" = s."Id" AND a."Status" = 'Present' WHERE s."CohortId" = $1 GROUP BY s."Code"
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = cohort });
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                Row(html, reader.GetString(0), reader.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetInt64(2).ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetInt64(3).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        await EndAsync(http, html.Append("</table>"));
    }

    // The latest cohort's public champions counted per country and kind (for the map and the headings), and the first
    // page of 50 of each list (local governments, people who consented), with their certificates' codes.
    private async Task ChampionsAsync(HttpContext http)
    {
        const string Visible = """
            c."CohortId" = (SELECT max("Id") FROM "Cohorts") AND c."Status" = 'Valid'
              AND (c."Kind" = 'LocalGovernment' OR EXISTS (SELECT 1 FROM "Invitations" i WHERE i."AuthorityId" = c."AuthorityId" AND i."CohortId" = c."CohortId" AND i."DirectoryConsent"))
            """;
        var html = Start("Champions").Append("<table>");
        await using var connection = await data.OpenConnectionAsync();
        await using (var counts = new NpgsqlCommand($"""SELECT c."CountryCode", c."Kind", count(*) FROM "Certificates" c WHERE {Visible} GROUP BY 1, 2""", connection))
        await using (var reader = await counts.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                Row(html, reader.GetString(0), reader.GetString(1), reader.GetInt64(2).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        await using (var lists = new NpgsqlCommand($"""
            (SELECT c."RecipientName", c."LocalGovernmentName", k."NameEn", c."VerificationCode" FROM "Certificates" c JOIN "Countries" k ON k."Code" = c."CountryCode"
             WHERE {Visible} AND c."Kind" = 'LocalGovernment' ORDER BY k."NameEn", c."RecipientName", c."Id" LIMIT 50)
            UNION ALL
            (SELECT c."RecipientName", c."LocalGovernmentName", k."NameEn", c."VerificationCode" FROM "Certificates" c JOIN "Countries" k ON k."Code" = c."CountryCode"
             WHERE {Visible} AND c."Kind" = 'Person' ORDER BY k."NameEn", c."RecipientName", c."Id" LIMIT 50)
            """, connection))
        await using (var reader = await lists.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                Row(html, reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            }
        }

        await EndAsync(http, html.Append("</table>"));
    }

    private async Task VerifyAsync(HttpContext http, string code)
    {
        await using var command = data.CreateCommand("""
            SELECT c."Status", c."RecipientName", c."LocalGovernmentName", k."NameEn", h."Name", c."IssuedOn"
            FROM "Certificates" c JOIN "Countries" k ON k."Code" = c."CountryCode" JOIN "Cohorts" h ON h."Id" = c."CohortId"
            WHERE c."VerificationCode" = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = code.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant() });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            http.Response.StatusCode = (int)HttpStatusCode.NotFound;
            return;
        }

        var html = Start("Verification").Append("<dl>");
        for (var i = 0; i < 5; i++)
        {
            html.Append("<dd>").Append(HtmlEncoder.Default.Encode(reader.GetString(i))).Append("</dd>");
        }

        await EndAsync(http, html.Append("<dd>").Append(reader.GetFieldValue<DateOnly>(5).ToString("D", System.Globalization.CultureInfo.InvariantCulture)).Append("</dd></dl>"));
    }

    private static StringBuilder Start(string title) =>
        new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(title).Append("</title></head><body>");

    private static void Row(StringBuilder html, params string[] cells)
    {
        html.Append("<tr>");
        foreach (var cell in cells)
        {
            html.Append("<td>").Append(HtmlEncoder.Default.Encode(cell)).Append("</td>");
        }

        html.Append("</tr>");
    }

    private static Task EndAsync(HttpContext http, StringBuilder html)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync(html.Append("</body></html>").ToString());
    }
}
