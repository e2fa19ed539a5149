using System.Diagnostics;
using System.Globalization;
using ChampionPortal.Bench;

// Champion Portal benchmarks. Each compares the portal with the best it could possibly do, measured in the same run
// on the same machine, and reports the ratio; absolute times only describe the machine.
//   dotnet run -c Release --project bench/ChampionPortal.Bench -- certificates [--count 1000]
// The hosted portal finds its content root through the manifest the build puts beside this program, read from the
// working directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var suite = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "certificates";
var countAt = Array.IndexOf(args, "--count");
var count = countAt >= 0 && countAt + 1 < args.Length ? int.Parse(args[countAt + 1], CultureInfo.InvariantCulture) : 1000;

// Rendering is measured on one core: the figure is then a property of the code, not of how many cores the machine has.
if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
{
    Process.GetCurrentProcess().ProcessorAffinity = 1;
}

var report = suite switch
{
    "certificates" => await CertificateBenchmark.RunAsync(count),
    _ => throw new ArgumentException($"Unknown benchmark '{suite}'. Known: certificates."),
};

Console.WriteLine(report);
await File.WriteAllTextAsync(Path.Combine(ChampionPortal.Testing.TestPaths.Artifacts("bench"), $"{suite}.md"), report);
