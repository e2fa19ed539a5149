using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Bench;

/// <summary>
/// Page throughput against the floor, and growth: the authorities list (signed in, 25 rows, one country), the funnel
/// dashboard, the public directory and the verification page, served by the portal (Production settings) over a
/// large cohort and over a small one, and by the bare floor server over the large one, measured with wrk from
/// 127.0.0.1 in the same run. Also the SQL statements each page sends, at both sizes.
/// </summary>
public static partial class PageBenchmark
{
    private const int AloneRequests = 20;

    private const int WarmUpSeconds = 2;

    public static async Task<string> RunAsync(int authorities, int seconds)
    {
        var wrk = Wrk.Find();
        await using var cluster = await PostgresCluster.StartAsync();
        var sizes = new[] { (Authorities: 1_000, LocalGovernments: 20), (Authorities: authorities, LocalGovernments: Math.Max(20, authorities / 50)) };
        var sites = new List<Site>();
        try
        {
            foreach (var (people, governments) in sizes)
            {
                sites.Add(await Site.StartAsync(cluster, people, governments));
            }

            var large = sites[^1];
            await using var floor = await FloorServer.StartAsync(large.App.ConnectionString);
            var pages = new (string Name, Func<Site, string> Portal, string Floor, bool SignedIn)[]
            {
                ("Authorities list (25 rows, one country)", s => "/authorities?country=BR", "/authorities?country=BR", true),
                ("Funnel dashboard", s => $"/funnel?cohort={s.Cohort.Id}", $"/funnel?cohort={large.Cohort.Id}", true),
                ("Public directory", s => "/champions", "/champions", false),
                ("Verification page", s => $"/verify/{s.Cohort.VerificationCode}", $"/verify/{large.Cohort.VerificationCode}", false),
            };

            // Every page of both portals and the floor under load once before the measures, then time for the
            // optimizing compiler to finish (see Warmth).
            foreach (var page in pages)
            {
                await wrk.RunAsync(new Uri(floor.BaseAddress, page.Floor).ToString(), null, WarmUpSeconds);
                foreach (var site in sites)
                {
                    await wrk.RunAsync(site.Url(page.Portal(site)), page.SignedIn ? await site.FreshCookieAsync() : null, WarmUpSeconds);
                }
            }

            var settled = await Warmth.SettleAsync();

            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"## Pages — {authorities:N0} authorities, {sizes[^1].LocalGovernments:N0} local governments, {authorities * 3:N0} attendance rows");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"wrk, 2 threads, 16 connections, {seconds} s per measure; the floor and the portal in turn for {PairedRounds.Count} rounds, the round of median ratio shown and every round's ratio in brackets; portal with Production settings; measured after a warm-up of {WarmUpSeconds} s per page and site and {settled.TotalSeconds:F0} s for the compiler to settle.");
            report.AppendLine();
            report.AppendLine("| Page | Floor req/s | Portal req/s | Ratio to floor | One request alone at 1,000 → at " + authorities.ToString("N0", CultureInfo.InvariantCulture) + " | Growth | SQL statements (1,000 / " + authorities.ToString("N0", CultureInfo.InvariantCulture) + ") |");
            report.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var page in pages)
            {
                var floorUrl = new Uri(floor.BaseAddress, page.Floor).ToString();
                static double Ratio((Wrk.Result Floor, Wrk.Result Portal) round) => round.Portal.RequestsPerSecond / round.Floor.RequestsPerSecond;
                var (median, rounds) = await PairedRounds.MeasureAsync(
                    async () => (Floor: await wrk.RunAsync(floorUrl, null, seconds), Portal: await wrk.RunAsync(large.Url(page.Portal(large)), page.SignedIn ? await large.FreshCookieAsync() : null, seconds)),
                    Ratio);

                var statements = $"{await sites[0].StatementsAsync(page.Portal(sites[0]), page.SignedIn)} / {await large.StatementsAsync(page.Portal(large), page.SignedIn)}";

                // Growth from one request at a time, so that a page too slow to finish under wrk's load still has a
                // figure: the two sizes in turn, best of many, since a request of a few milliseconds moves by one with
                // a collection or a context switch.
                var (alone, aloneLarge) = (double.MaxValue, double.MaxValue);
                for (var i = 0; i < AloneRequests; i++)
                {
                    alone = Math.Min(alone, await sites[0].AloneAsync(page.Portal(sites[0]), page.SignedIn));
                    aloneLarge = Math.Min(aloneLarge, await large.AloneAsync(page.Portal(large), page.SignedIn));
                }

                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {page.Name} | {median.Floor.RequestsPerSecond:F0} | {median.Portal.RequestsPerSecond:F0} | **{Ratio(median):F2}** ({PairedRounds.Describe(rounds, Ratio)}) | {alone:F1} → {aloneLarge:F1} ms | **{aloneLarge / alone:F2} ×** | {statements} |");
                foreach (var errors in rounds.SelectMany(r => new[] { r.Floor, r.Portal }).Where(r => r.Errors > 0))
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"| ↳ {errors.Errors} answers other than 2xx/3xx in a measure | | | | | | |");
                }
            }

            // The funnel keeps its figures until a change they count is saved: measured again right after one.
            var funnel = pages.Single(p => p.Name == "Funnel dashboard");
            var (computed, computedLarge) = (await sites[0].AfterChangeAsync(funnel.Portal(sites[0])), await large.AfterChangeAsync(funnel.Portal(large)));
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| ↳ Funnel dashboard right after a change (figures computed again) | | | | {computed:F1} → {computedLarge:F1} ms | **{computedLarge / computed:F2} ×** | |");
            report.AppendLine();
            report.AppendLine("Targets: portal ≥ 0.35 of the floor (list page); latency growth from 1,000 to the large cohort ≤ 1.5 ×; statements per page equal at both sizes.");
            return report.ToString();
        }
        finally
        {
            foreach (var site in sites)
            {
                await site.DisposeAsync();
            }
        }
    }

    /// <summary>A portal over a database of its own with a seeded cohort, a signed-in staff cookie and a SQL statement counter.</summary>
    private sealed class Site : IAsyncDisposable
    {
        public required PortalAppFactory App { get; init; }
        public required BenchData.Cohort Cohort { get; init; }
        public required string StaffEmail { get; init; }
        public required PortalClient Staff { get; init; }

        public required PortalClient Anonymous { get; init; }

        public required SqlStatementCounter Counter { get; init; }

        public static async Task<Site> StartAsync(PostgresCluster cluster, int authorities, int localGovernments)
        {
            var counter = new SqlStatementCounter();
            var app = new PortalAppFactory(cluster.ProductionConnectionString(await cluster.CreateDatabaseAsync()), "Production", BenchSettings.Measured());
            app.OverrideServices(services => services.AddSingleton<IInterceptor>(counter));
            app.Start();
            var cohort = await BenchData.SeedAsync(app, authorities, localGovernments);
            var email = await app.CreateUserAsync(Roles.RegionalStaff);
            var staff = await app.SignedInAsAsync(email, "es");

            return new Site
            {
                App = app,
                Cohort = cohort,
                Staff = staff,
                StaffEmail = email,
                Anonymous = app.NewClient("es"),
                Counter = counter,
            };
        }

        public string Url(string path) => new Uri(App.BaseAddress, path).ToString();

        /// <summary>
        /// A sign-in cookie issued just now. The portal checks a cookie older than a minute against the account
        /// (security stamp, roles: five statements) and answers with a renewed one, which a browser keeps; wrk sends
        /// one fixed header, so with an older cookie every request of a measure paid for the check (half the list's
        /// throughput), which no browser does. A measure lasts less than the minute.
        /// </summary>
        public async Task<string> FreshCookieAsync()
        {
            using var client = await App.SignedInAsAsync(StaffEmail, "es");
            return client.Cookies.GetCookieHeader(App.BaseAddress);
        }

        public async Task<int> StatementsAsync(string path, bool signedIn)
        {
            var client = signedIn ? Staff : Anonymous;
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
            Counter.Reset();
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
            return Counter.Count;
        }

        /// <summary>One request alone, in milliseconds (the staff client keeps its renewed cookie, as a browser does).</summary>
        public async Task<double> AloneAsync(string path, bool signedIn)
        {
            var client = signedIn ? Staff : Anonymous;
            var clock = Stopwatch.StartNew();
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
            return clock.Elapsed.TotalMilliseconds;
        }

        /// <summary>One request alone right after a change to the cohort's figures (best of three).</summary>
        public async Task<double> AfterChangeAsync(string path)
        {
            var best = double.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                await using (var connection = new Npgsql.NpgsqlConnection(App.ConnectionString))
                {
                    await connection.OpenAsync();
                    await using var change = new Npgsql.NpgsqlCommand("""UPDATE "Cohorts" SET "FiguresVersion" = "FiguresVersion" + 1""", connection);
                    await change.ExecuteNonQueryAsync();
                }

                var clock = Stopwatch.StartNew();
                (await Staff.GetAsync(path)).EnsureSuccessStatusCode();
                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            }

            return best;
        }

        public async ValueTask DisposeAsync()
        {
            Staff.Dispose();
            Anonymous.Dispose();
            await App.DisposeAsync();
        }
    }
}

/// <summary>wrk from Debian's packages, run against 127.0.0.1 only.</summary>
public sealed partial class Wrk(string path)
{
    public sealed record Result(double RequestsPerSecond, int Errors);

    public static Wrk Find()
    {
        foreach (var candidate in new[] { "/usr/bin/wrk", "/usr/local/bin/wrk" })
        {
            if (File.Exists(candidate))
            {
                return new Wrk(candidate);
            }
        }

        throw new InvalidOperationException("wrk is missing: bench/run installs it (Debian package 'wrk'), or install it yourself.");
    }

    public async Task<Result> RunAsync(string url, string? cookie, int seconds, string? script = null)
    {
        if (!new Uri(url).IsLoopback)
        {
            throw new ArgumentException("Load is only ever sent to 127.0.0.1.", nameof(url));
        }

        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-t2", "-c16", $"-d{seconds}s", "--timeout", "60s" })
        {
            start.ArgumentList.Add(argument);
        }

        if (cookie is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"Cookie: {cookie}");
        }

        if (script is not null)
        {
            start.ArgumentList.Add("-s");
            start.ArgumentList.Add(script);
        }

        start.ArgumentList.Add(url);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = NonSuccess().Match(output) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new Result(rps, errors);
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}
