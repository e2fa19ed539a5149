using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Npgsql;
using NpgsqlTypes;

namespace ChampionPortal.Bench;

/// <summary>
/// A register of 10,000 people (200 local governments, two sessions) imported the way regional staff do it — upload,
/// preview, confirm — against PostgreSQL's binary COPY of the rows that import writes (local governments,
/// authorities, nominations, invitations, attendance) into an empty database of the same schema, in the same run.
/// </summary>
public static class ImportBenchmark
{
    private static readonly string[] Countries = ["AR", "BO", "BR", "CL", "CO", "EC", "PY", "PE", "UY", "VE"];

    public static async Task<string> RunAsync(int rows)
    {
        await using var cluster = await PostgresCluster.StartAsync();
        var settings = BenchSettings.Measured();
        await using var app = new PortalAppFactory(cluster.ProductionConnectionString(await cluster.CreateDatabaseAsync()), "Production", settings);
        app.Start();
        var copyDatabase = cluster.ProductionConnectionString(await cluster.CreateDatabaseAsync());
        await using var copyTarget = new PortalAppFactory(copyDatabase, "Production", settings);
        copyTarget.Start();

        double bestImport = double.MaxValue, bestCopy = double.MaxValue;
        for (var round = 1; round <= 2; round++)
        {
            var code = $"IMP{round}";
            var (cohort, _) = await app.AddCohortAsync(
                code,
                ("FORUM", EventKind.LaunchForum, new DateTime(2023, 10, 18, 13, 0, 0, DateTimeKind.Utc), 120, "America/Sao_Paulo"),
                ("WS1", EventKind.Workshop, new DateTime(2023, 11, 8, 14, 0, 0, DateTimeKind.Utc), 120, "America/Sao_Paulo"));
            var csv = new StringBuilder("country_code,local_government,authority_name,position,email,preferred_language,invitation_status,FORUM,WS1\n");
            for (var i = 0; i < rows; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{Countries[i % 10]},Municipio {round}-{i % 200:000},Persona {round}-{i:00000},Secretaria,p{round}.{i}@import.example.org,es,accepted,{(i % 5 == 0 ? "absent" : "present")},present\n");
            }

            using var staff = await app.SignedInClientAsync(Roles.RegionalStaff);
            var clock = Stopwatch.StartNew();
            var (_, form) = await staff.GetPageAsync($"/cohorts/{cohort}/register");
            var (previewed, preview) = await staff.UploadAsync(form, "main form[enctype]", "file", "register.csv", Encoding.UTF8.GetBytes(csv.ToString()));
            if (previewed.StatusCode != HttpStatusCode.OK || preview.QuerySelector("[data-testid=import-problems]") is not null)
            {
                throw new InvalidOperationException($"The register was not accepted: {preview.QuerySelector("[data-testid=import-problems]")?.TextContent}");
            }

            var (confirmed, _) = await staff.SubmitAsync(preview, new Dictionary<string, string?>());
            if (confirmed.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"The register was not saved ({(int)confirmed.StatusCode}).");
            }

            bestImport = Math.Min(bestImport, clock.Elapsed.TotalSeconds);
            var (copyCohort, copySessions) = await copyTarget.AddCohortAsync(
                $"COPY{round}",
                ("FORUM", EventKind.LaunchForum, new DateTime(2023, 10, 18, 13, 0, 0, DateTimeKind.Utc), 120, "America/Sao_Paulo"),
                ("WS1", EventKind.Workshop, new DateTime(2023, 11, 8, 14, 0, 0, DateTimeKind.Utc), 120, "America/Sao_Paulo"));
            bestCopy = Math.Min(bestCopy, await CopyAsync(copyDatabase, copyCohort, [.. copySessions.Values], round, rows));
        }

        return string.Join(Environment.NewLine,
            "## Register import",
            "",
            $"{rows:N0} people, 200 local governments, 2 sessions; best of 2 rounds.",
            "",
            "| Measure | Seconds |",
            "|---|---|",
            $"| PostgreSQL binary COPY of the rows the import writes | {bestCopy.ToString("F2", CultureInfo.InvariantCulture)} |",
            $"| Register import (upload, preview, confirm) | {bestImport.ToString("F2", CultureInfo.InvariantCulture)} |",
            $"| COPY ÷ import (target ≥ 0.2) | **{(bestCopy / bestImport).ToString("F2", CultureInfo.InvariantCulture)}** |",
            "");
    }

    /// <summary>The least the database can do with those rows: one binary COPY per table, in one transaction.</summary>
    private static async Task<double> CopyAsync(string connectionString, int cohort, IReadOnlyList<int> sessions, int round, int rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = DateTime.UtcNow;
        var firstGovernment = await NextIdAsync(connection, "LocalGovernments");
        await using (var writer = await connection.BeginBinaryImportAsync("""COPY "LocalGovernments" ("Id", "Name", "SearchKey", "CountryCode", "Kind", "TimeZone", "IsMercociudadesMember", "Version") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var g = 0; g < 200; g++)
            {
                await writer.WriteRowAsync(default, firstGovernment + g, $"Municipio {round}-{g:000}", $"municipio {round}-{g:000}", Countries[g % 10], "Municipality", "America/Bogota", false, 0);
            }

            await writer.CompleteAsync();
        }

        var firstAuthority = await NextIdAsync(connection, "Authorities");
        await using (var writer = await connection.BeginBinaryImportAsync("""COPY "Authorities" ("Id", "FullName", "Position", "Email", "EmailNormalized", "PreferredLanguage", "Gender", "LocalGovernmentId", "CountryCode", "SearchKey", "Version") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < rows; i++)
            {
                var email = $"p{round}.{i}@copy.example.org";
                await writer.WriteRowAsync(default, firstAuthority + i, $"Persona {round}-{i:00000}", "Secretaria", email, email, "es", "PrefersNotToSay", firstGovernment + (i % 200), Countries[i % 10], $"persona {round}-{i:00000}", 0);
            }

            await writer.CompleteAsync();
        }

        var firstNomination = await NextIdAsync(connection, "Nominations");
        await using (var writer = await connection.BeginBinaryImportAsync("""COPY "Nominations" ("Id", "CohortId", "AuthorityId", "LocalGovernmentId", "CountryCode", "Status", "Justification", "CriteriaMet", "CreatedAtUtc", "Version") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < rows; i++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(firstNomination + i);
                await writer.WriteAsync(cohort);
                await writer.WriteAsync(firstAuthority + i);
                await writer.WriteAsync(firstGovernment + (i % 200));
                await writer.WriteAsync(Countries[i % 10]);
                await writer.WriteAsync("Approved");
                await writer.WriteAsync("Register");
                await writer.WriteAsync(0);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(0);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("""COPY "Invitations" ("CohortId", "NominationId", "AuthorityId", "CountryCode", "Status", "ExpiresAtUtc", "ReminderCount", "DirectoryConsent", "Version") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < rows; i++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(cohort);
                await writer.WriteAsync(firstNomination + i);
                await writer.WriteAsync(firstAuthority + i);
                await writer.WriteAsync(Countries[i % 10]);
                await writer.WriteAsync("Accepted");
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(0);
                await writer.WriteAsync(false);
                await writer.WriteAsync(0);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("""COPY "Attendances" ("CohortId", "SessionId", "AuthorityId", "LocalGovernmentId", "CountryCode", "Status", "Source", "RecordedAtUtc", "Version") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < rows; i++)
            {
                foreach (var session in sessions)
                {
                    await writer.WriteRowAsync(default, cohort, session, firstAuthority + i, firstGovernment + (i % 200), Countries[i % 10], "Present", "Import", now, 0);
                }
            }

            await writer.CompleteAsync();
        }

        await transaction.CommitAsync();
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<int> NextIdAsync(NpgsqlConnection connection, string table)
    {
        // Ids taken in one block from the table's identity, as the import's inserts would take them one by one.
        await using var command = new NpgsqlCommand($"""SELECT nextval(pg_get_serial_sequence('"{table}"', 'Id'))::int""", connection);
        var first = (int)(await command.ExecuteScalarAsync())!;
        await using var advance = new NpgsqlCommand($"""SELECT setval(pg_get_serial_sequence('"{table}"', 'Id'), {first} + 20000)""", connection);
        await advance.ExecuteScalarAsync();
        return first;
    }
}
