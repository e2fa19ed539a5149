using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using ChampionPortal.Testing;
using ChampionPortal.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Bench;

/// <summary>
/// Holds a mixed read load on the portal (Production settings, demo data, its own PostgreSQL) from 127.0.0.1 for a
/// bounded time: public pages, a country office's lists and regional staff's dashboards, side by side. Any answer
/// other than 200 is an error. Reports throughput, latency and the managed heap after a full collection before and
/// after, which would grow with a leak.
/// </summary>
public static class LoadTest
{
    public static async Task<(string Report, int Errors)> RunAsync(int seconds, int workers)
    {
        await using var cluster = await PostgresCluster.StartAsync();
        var database = await cluster.CreateDatabaseAsync();
        await using var app = new PortalAppFactory(cluster.ProductionConnectionString(database), "Production", BenchSettings.Measured(workers: true, ("Demo:SeedOnStart", "true")));
        app.Start();
        var cohort = await app.WithDbAsync(db => db.Cohorts.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var code = await app.WithDbAsync(db => db.Certificates.OrderBy(c => c.Id).Select(c => c.VerificationCode).FirstAsync());

        using var visitor = app.NewClient("es");
        using var office = app.NewClient("pt");
        using var staff = app.NewClient("es");
        await SignInAsync(office, "office.br@demo.example.org");
        await SignInAsync(staff, "staff@demo.example.org");
        (PortalClient Client, string Path)[] mix =
        [
            (visitor, "/"),
            (visitor, "/champions"),
            (visitor, $"/verify/{code}"),
            (visitor, "/open-data/champions.json"),
            (visitor, "/publications"),
            (office, "/authorities"),
            (office, "/local-governments"),
            (office, $"/nominations?cohort={cohort}"),
            (staff, $"/funnel?cohort={cohort}"),
            (staff, $"/certificates?cohort={cohort}"),
            (staff, "/authorities?country=AR"),
            (staff, $"/invitations?cohort={cohort}"),
        ];

        // Warm-up: every page once, so that start-up work (views, queries) is not counted as growth.
        foreach (var (client, path) in mix)
        {
            await client.GetAsync(path);
        }

        var heapBefore = Heap();
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;
        var errors = new List<string>();
        var latencies = new List<double>[workers];
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            for (var n = w; clock.Elapsed < until; n++)
            {
                var (client, path) = mix[n % mix.Length];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(path);
                    await response.Content.LoadIntoBufferAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        lock (errors)
                        {
                            errors.Add($"{path}: {(int)response.StatusCode}");
                        }
                    }
                }
                catch (HttpRequestException exception)
                {
                    lock (errors)
                    {
                        errors.Add($"{path}: {exception.Message}");
                    }
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var elapsed = clock.Elapsed;
        var heapAfter = Heap();
        var workingSetAfter = Process.GetCurrentProcess().WorkingSet64;

        var all = latencies.SelectMany(l => l).Order().ToList();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Load test — {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"{workers} concurrent clients for {elapsed.TotalSeconds:F0} s over {mix.Length} pages (public, country office, regional staff), demo data, PostgreSQL, Production settings.");
        report.AppendLine();
        report.AppendLine("| Measure | Value |");
        report.AppendLine("|---|---|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Requests | {all.Count:N0} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Errors (any answer but 200) | {errors.Count:N0} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Requests per second | {all.Count / elapsed.TotalSeconds:F0} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Latency median / 95th / 99th percentile | {Percentile(all, 0.5):F1} / {Percentile(all, 0.95):F1} / {Percentile(all, 0.99):F1} ms |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Managed heap after a full collection, before → after | {heapBefore / 1048576.0:F1} → {heapAfter / 1048576.0:F1} MB |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| Process working set (portal and load generator), before → after | {workingSetBefore / 1048576.0:F0} → {workingSetAfter / 1048576.0:F0} MB |");
        foreach (var error in errors.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(10))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"\nError ×{error.Count()}: {error.Key}");
        }

        return (report.ToString(), errors.Count);
    }

    private static async Task SignInAsync(PortalClient client, string email)
    {
        var response = await client.SignInAsync(email, DemoData.Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The demo account {email} could not sign in ({(int)response.StatusCode}).");
        }
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(share * sorted.Count))];
}
