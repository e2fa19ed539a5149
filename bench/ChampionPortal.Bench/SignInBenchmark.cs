using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Bench;

/// <summary>
/// Sign-in throughput against the password hasher's own rate in the same run. The portal runs with the rate limits
/// lifted (lockout only counts failures, and every attempt here succeeds) but real hashing; wrk posts the sign-in
/// form with one antiforgery cookie and token, as many times as it can. The hasher is measured on as many threads as
/// the machine has cores, verifying the same hash the portal stores.
/// </summary>
public static class SignInBenchmark
{
    public static async Task<string> RunAsync(int seconds)
    {
        var wrk = Wrk.Find();
        await using var cluster = await PostgresCluster.StartAsync();
        await using var app = new PortalAppFactory(cluster.ProductionConnectionString(await cluster.CreateDatabaseAsync()), "Production", BenchSettings.Measured());
        app.Start();
        var email = await app.CreateUserAsync(Roles.CountryOffice, "AR");

        using var client = app.NewClient("es");
        var form = await new HtmlParser().ParseDocumentAsync(await (await client.GetAsync("/account/sign-in")).Content.ReadAsStringAsync());
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var cookie = client.Cookies.GetCookieHeader(app.BaseAddress);
        var body = $"Email={Uri.EscapeDataString(email)}&Password={Uri.EscapeDataString(PortalAppFactory.TestPassword)}&__RequestVerificationToken={Uri.EscapeDataString(token)}";
        var check = await client.PostAsync("/account/sign-in", [new("Email", email), new("Password", PortalAppFactory.TestPassword), new("__RequestVerificationToken", token)]);
        if (check.Response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("The benchmark's sign-in was refused.");
        }

        var script = Path.Combine(Path.GetTempPath(), $"sign-in-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, $$"""
            wrk.method = "POST"
            wrk.body = "{{body}}"
            wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
            wrk.headers["Cookie"] = "{{cookie}}"
            """);

        // The stored hash, verified by the same hasher and options the portal uses.
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<PortalUser>>();

        static double Ratio((double Hasher, double SignIns) round) => round.SignIns / round.Hasher;
        var (median, rounds) = await PairedRounds.MeasureAsync(
            async () =>
            {
                var hasherRate = HasherRate(hasher, user, seconds);
                var result = await wrk.RunAsync(new Uri(app.BaseAddress, "/account/sign-in").ToString(), null, seconds, script);
                return result.Errors > 0
                    ? throw new InvalidOperationException($"{result.Errors} sign-ins were not answered with a redirect.")
                    : (Hasher: hasherRate, SignIns: result.RequestsPerSecond);
            },
            Ratio);

        File.Delete(script);
        return string.Join(Environment.NewLine,
            "## Sign-in",
            "",
            $"The hasher and the portal in turn, {PairedRounds.Count} rounds of {seconds} s each, the round of median ratio shown; the hasher on {Environment.ProcessorCount} threads (PBKDF2 as Identity configures it).",
            "",
            "| Measure | Per second |",
            "|---|---|",
            $"| Password hasher alone (verifications) | {median.Hasher.ToString("F1", CultureInfo.InvariantCulture)} |",
            $"| Sign-ins through the portal (POST, 302 with the cookie) | {median.SignIns.ToString("F1", CultureInfo.InvariantCulture)} |",
            $"| Ratio (target ≥ 0.8) | **{Ratio(median).ToString("F2", CultureInfo.InvariantCulture)}** ({PairedRounds.Describe(rounds, Ratio)}) |",
            "");
    }

    private static double HasherRate(IPasswordHasher<PortalUser> hasher, PortalUser user, int seconds)
    {
        var until = Stopwatch.StartNew();
        var counts = new int[Environment.ProcessorCount];
        Parallel.For(0, counts.Length, new ParallelOptions { MaxDegreeOfParallelism = counts.Length }, thread =>
        {
            while (until.Elapsed.TotalSeconds < seconds)
            {
                if (hasher.VerifyHashedPassword(user, user.PasswordHash!, PortalAppFactory.TestPassword) == PasswordVerificationResult.Failed)
                {
                    throw new InvalidOperationException("The hasher refused the password.");
                }

                counts[thread]++;
            }
        });
        return counts.Sum() / until.Elapsed.TotalSeconds;
    }
}
