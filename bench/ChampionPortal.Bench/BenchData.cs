using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Npgsql;

namespace ChampionPortal.Bench;

/// <summary>
/// A cohort of the given size written straight into the portal's tables with set-based SQL: local governments in the
/// ten countries, authorities spread over them, one approved nomination and one accepted invitation each (one in
/// ten consenting to the public directory), attendance at three sessions (four in five present), a certificate for
/// every local government and for every consenting person.
/// </summary>
public static class BenchData
{
    public sealed record Cohort(int Id, string VerificationCode);

    public static async Task<Cohort> SeedAsync(PortalAppFactory app, int authorities, int localGovernments)
    {
        var (cohort, sessions) = await app.AddCohortAsync(
            "BENCH",
            ("FORUM", EventKind.LaunchForum, new DateTime(2023, 10, 18, 13, 0, 0, DateTimeKind.Utc), 120, "America/Sao_Paulo"),
            ("WS1", EventKind.Workshop, new DateTime(2023, 11, 8, 14, 0, 0, DateTimeKind.Utc), 120, "America/Sao_Paulo"),
            ("WS2", EventKind.Workshop, new DateTime(2023, 11, 22, 14, 0, 0, DateTimeKind.Utc), 120, "America/Sao_Paulo"));
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        async Task ExecuteAsync(string sql, params object[] values)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await command.ExecuteNonQueryAsync();
        }

        await ExecuteAsync("""
            INSERT INTO "LocalGovernments" ("Name", "SearchKey", "CountryCode", "Kind", "TimeZone", "IsMercociudadesMember", "Version")
            SELECT 'Municipio ' || to_char(g, 'FM00000'), 'municipio ' || to_char(g, 'FM00000'),
                   (ARRAY['AR','BO','BR','CL','CO','EC','PY','PE','UY','VE'])[1 + g % 10], 'Municipality', 'America/Bogota', g % 7 = 0, 0
            FROM generate_series(1, $1) g
            """, localGovernments);
        await ExecuteAsync("""
            INSERT INTO "Authorities" ("FullName", "Position", "Email", "EmailNormalized", "PreferredLanguage", "Gender", "LocalGovernmentId", "CountryCode", "SearchKey", "Version")
            SELECT 'Persona ' || to_char(g, 'FM000000'), 'Secretaria de Migraciones', 'p' || g || '@bench.example.org', 'p' || g || '@bench.example.org',
                   'es', CASE WHEN g % 2 = 0 THEN 'Woman' ELSE 'Man' END, lg."Id", lg."CountryCode", 'persona ' || to_char(g, 'FM000000'), 0
            FROM generate_series(1, $1) g
            JOIN (SELECT "Id", "CountryCode", row_number() OVER (ORDER BY "Id") - 1 AS n FROM "LocalGovernments") lg ON lg.n = g % $2
            """, authorities, localGovernments);
        await ExecuteAsync("""
            INSERT INTO "Nominations" ("CohortId", "AuthorityId", "LocalGovernmentId", "CountryCode", "Status", "Justification", "CriteriaMet", "CreatedAtUtc", "SubmittedAtUtc", "ReviewedAtUtc", "Version")
            SELECT $1, a."Id", a."LocalGovernmentId", a."CountryCode", 'Approved', 'Benchmark', 3, now(), now(), now(), 0 FROM "Authorities" a
            """, cohort);
        await ExecuteAsync("""
            INSERT INTO "Invitations" ("CohortId", "NominationId", "AuthorityId", "CountryCode", "Status", "ExpiresAtUtc", "SentAtUtc", "AnsweredAtUtc", "ReminderCount", "DirectoryConsent", "Version")
            SELECT n."CohortId", n."Id", n."AuthorityId", n."CountryCode", 'Accepted', now() + interval '30 days', now(), now(), 0, n."AuthorityId" % 10 = 0, 0
            FROM "Nominations" n WHERE n."CohortId" = $1
            """, cohort);
        await ExecuteAsync("""
            INSERT INTO "InvitationLinks" ("InvitationId", "TokenHash", "SentAtUtc")
            SELECT i."Id", md5(i."Id"::text) || md5('x' || i."Id"), now() FROM "Invitations" i WHERE i."CohortId" = $1
            """, cohort);
        await ExecuteAsync("""
            INSERT INTO "Attendances" ("CohortId", "SessionId", "AuthorityId", "LocalGovernmentId", "CountryCode", "Status", "Source", "RecordedAtUtc", "Version")
            SELECT $1, s, a."Id", a."LocalGovernmentId", a."CountryCode", CASE WHEN (a."Id" + s) % 5 = 0 THEN 'Absent' ELSE 'Present' END, 'Register', now(), 0
            FROM "Authorities" a CROSS JOIN unnest($2::int[]) s
            """, cohort, sessions.Values.ToArray());
        await ExecuteAsync("""
            INSERT INTO "Certificates" ("CohortId", "Kind", "AuthorityId", "LocalGovernmentId", "CountryCode", "Serial", "VerificationCode", "Language", "RecipientName",
                                        "Position", "LocalGovernmentName", "IssuedOn", "Status", "Pdf", "Sha256", "RecipientKey")
            SELECT $1, 'LocalGovernment', NULL, lg."Id", lg."CountryCode", 'CLA-BENCH-G' || lg."Id", upper(substr(md5('g' || lg."Id"), 1, 12)), 'es', lg."Name",
                   NULL, lg."Name", current_date, 'Valid', '\x255044462d'::bytea, md5(lg."Id"::text) || md5(lg."Name"), 'G:' || lg."Id"
            FROM "LocalGovernments" lg
            UNION ALL
            SELECT $1, 'Person', a."Id", a."LocalGovernmentId", a."CountryCode", 'CLA-BENCH-P' || a."Id", upper(substr(md5('p' || a."Id"), 1, 12)), 'es', a."FullName",
                   a."Position", lg."Name", current_date, 'Valid', '\x255044462d'::bytea, md5(a."Id"::text) || md5(a."FullName"), 'P:' || a."Id"
            FROM "Authorities" a JOIN "LocalGovernments" lg ON lg."Id" = a."LocalGovernmentId" WHERE a."Id" % 10 = 0
            """, cohort);
        // The tables as autovacuum keeps them in service (statistics, visibility map for index-only scans), now
        // rather than a minute later in the middle of the first measure.
        await ExecuteAsync("VACUUM (ANALYZE)");

        await using var code = new NpgsqlCommand("""SELECT "VerificationCode" FROM "Certificates" WHERE "Kind" = 'Person' ORDER BY "Id" LIMIT 1""", connection);
        return new Cohort(cohort, (string)(await code.ExecuteScalarAsync())!);
    }

    /// <summary>The large cohort in a throwaway cluster, served by a portal and the floor, kept until Ctrl+C: for reading query plans and profiling.</summary>
    public static async Task<string> KeepAsync(int authorities)
    {
        await using var cluster = await PostgresCluster.StartAsync();
        await using var app = new PortalAppFactory(cluster.ProductionConnectionString(await cluster.CreateDatabaseAsync()), "Production", BenchSettings.Measured());
        app.Start();
        var cohort = await SeedAsync(app, authorities, Math.Max(20, authorities / 50));
        await using var floor = await FloorServer.StartAsync(app.ConnectionString);
        using var staff = app.NewClient("en");
        await staff.SignInAsync(await app.CreateUserAsync(Roles.RegionalStaff));
        // The hosted portal's own console lifetime would swallow Ctrl+C: the signals are handled here.
        var stop = new TaskCompletionSource();
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
        void Stop(System.Runtime.InteropServices.PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.TrySetResult();
        }

        Console.WriteLine($"Cohort {cohort.Id} seeded. Portal: {app.BaseAddress}  Floor: {floor.BaseAddress}  Database: {app.ConnectionString}  (Ctrl+C to stop and delete it)");
        Console.WriteLine($"Regional staff, for curl -H: Cookie: {staff.Cookies.GetCookieHeader(app.BaseAddress)}");
        await stop.Task;
        return "Stopped.";
    }
}
