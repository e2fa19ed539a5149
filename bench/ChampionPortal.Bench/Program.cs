using System.Diagnostics;
using System.Globalization;
using ChampionPortal.Bench;

// Champion Portal benchmarks. Each compares the portal with the best it could possibly do, measured in the same run
// on the same machine, and reports the ratio; absolute times only describe the machine.
//   dotnet run -c Release --project bench/ChampionPortal.Bench -- certificates [--count 1000]
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

// Rendering is measured on one core: the figure is then a property of the code, not of how many cores the machine has.
async Task<string> CertificatesOnOneCoreAsync()
{
    if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
    {
        Process.GetCurrentProcess().ProcessorAffinity = 1;
    }

    try
    {
        return await CertificateBenchmark.RunAsync(Option("--count", 1000));
    }
    finally
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = (nint)((1L << Environment.ProcessorCount) - 1);
        }
    }
}

var (report, errors) = suite switch
{
    "certificates" => (await CertificatesOnOneCoreAsync(), 0),
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
        await CertificatesOnOneCoreAsync()]), 0),
    _ => throw new ArgumentException($"Unknown benchmark '{suite}'. Known: all, certificates, load, pages, sign-in, import, database."),
};

Console.WriteLine(report);
await File.WriteAllTextAsync(Path.Combine(ChampionPortal.Testing.TestPaths.Artifacts("bench"), $"{suite}.md"), report);
return errors == 0 ? 0 : 1;
