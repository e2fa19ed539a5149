using System.Diagnostics;
using System.Globalization;
using ChampionPortal.Bench;

// Champion Portal benchmarks. Each compares the portal with the best it could possibly do, measured in the same run
// on the same machine, and reports the ratio; absolute times only describe the machine.
//   dotnet run -c Release --project bench/ChampionPortal.Bench -- certificates [--count 1000]   (on one core, then on two)
//   dotnet run -c Release --project bench/ChampionPortal.Bench -- load [--seconds 120] [--clients 16]
//   dotnet run -c Release --project bench/ChampionPortal.Bench -- pages [--authorities 100000] [--seconds 5]
//   dotnet run -c Release --project bench/ChampionPortal.Bench -- sign-in [--seconds 5]
//   dotnet run -c Release --project bench/ChampionPortal.Bench -- import [--rows 10000]
//   dotnet run -c Release --project bench/ChampionPortal.Bench -- database [--authorities 100000]
//     (not a benchmark: the large cohort in a throwaway cluster, kept until Ctrl+C, to read query plans with psql)
//   bench/run   (all of them but the load test, in one report)
// The hosted portal finds its content root through the manifest the build puts beside this program, read from the
// working directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var suite = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "certificates";
int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

// Certificates are measured on one core, so that the figure is a property of the code, and on two. Each in a
// process of its own started under taskset: on Linux CPU affinity belongs to each thread, and a process pinned after
// its start keeps threads that were created free.
async Task<string> CertificatesAsync()
{
    if (args.Contains("--pinned"))
    {
        return await CertificateBenchmark.RunAsync(Option("--count", 1000), Option("--cores", 1));
    }

    var reports = new List<string>();
    foreach (var cores in new[] { 1, 2 }.Where(c => c <= Environment.ProcessorCount))
    {
        var start = new ProcessStartInfo("taskset") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", string.Join(",", Enumerable.Range(0, cores)), Environment.ProcessPath!, "certificates", "--pinned", "--cores", $"{cores}", "--count", $"{Option("--count", 1000)}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("taskset (util-linux) is needed to pin the certificates benchmark to its cores.");
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The certificates benchmark on {cores} core(s) failed:{Environment.NewLine}{output}");
        }

        // The child's report, without the portal's own log lines.
        reports.Add(string.Join(Environment.NewLine, output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !l.StartsWith("{\"@t\"", StringComparison.Ordinal))).Trim());
    }

    return string.Join(Environment.NewLine + Environment.NewLine, reports) + Environment.NewLine;
}

var (report, errors) = suite switch
{
    "certificates" => (await CertificatesAsync(), 0),
    "load" => await LoadTest.RunAsync(Option("--seconds", 120), Option("--clients", 16)),
    "pages" => (await PageBenchmark.RunAsync(Option("--authorities", 100_000), Option("--seconds", 5)), 0),
    "sign-in" => (await SignInBenchmark.RunAsync(Option("--seconds", 5)), 0),
    "import" => (await ImportBenchmark.RunAsync(Option("--rows", 10_000)), 0),
    "database" => (await BenchData.KeepAsync(Option("--authorities", 100_000)), 0),
    "all" => (string.Join(Environment.NewLine, [
        $"# Champion Portal benchmarks — {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
        "",
        await PageBenchmark.RunAsync(Option("--authorities", 100_000), Option("--seconds", 5)),
        await SignInBenchmark.RunAsync(Option("--seconds", 5)),
        await ImportBenchmark.RunAsync(Option("--rows", 10_000)),
        "## Certificates",
        "",
        await CertificatesAsync()]), 0),
    _ => throw new ArgumentException($"Unknown benchmark '{suite}'. Known: all, certificates, load, pages, sign-in, import, database."),
};

Console.WriteLine(report);
await File.WriteAllTextAsync(Path.Combine(ChampionPortal.Testing.TestPaths.Artifacts("bench"), $"{suite}.md"), report);
return errors == 0 ? 0 : 1;
