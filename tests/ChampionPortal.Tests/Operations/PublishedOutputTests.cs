using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChampionPortal.Testing;
using ChampionPortal.Tests.Localization;

namespace ChampionPortal.Tests.Operations;

/// <summary>
/// What the Dockerfile builds, without Docker (no engine runs here): the `dotnet publish` output, run with the
/// Postgres provider, migrated by its own `migrate` command, then serving its health check, pages and assets.
/// </summary>
public sealed class PublishedOutputTests : IAsyncLifetime
{
    private readonly DirectoryInfo output = Directory.CreateTempSubdirectory("champion-publish-");
    private Process? portal;

    public async Task InitializeAsync()
    {
        var (exitCode, log) = await RunAsync("dotnet", ["publish", Path.Combine(ResourceCompletenessTests.RepositoryRoot(), "src", "ChampionPortal.Web"), "-c", "Release", "-o", output.FullName], new Dictionary<string, string>());
        exitCode.Should().Be(0, log);
    }

    public Task DisposeAsync()
    {
        if (portal is { HasExited: false })
        {
            portal.Kill(entireProcessTree: true);
            portal.WaitForExit();
        }

        portal?.Dispose();
        output.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_published_portal_migrates_postgres_and_serves_health_sign_in_and_assets()
    {
        var cluster = await PostgresCluster.SharedAsync();
        var database = await cluster.CreateEmptyDatabaseAsync();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Portal"] = cluster.ConnectionString(database),
            ["Database__MigrateOnStart"] = "false",
        };
        var dll = Path.Combine(output.FullName, "ChampionPortal.Web.dll");

        var (migrated, migrateLog) = await RunAsync("dotnet", [dll, "migrate"], environment);
        migrated.Should().Be(0, migrateLog);

        var port = FreePort();
        var listening = new TaskCompletionSource();
        portal = Start("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"], environment);
        portal.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("Now listening on", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        portal.BeginOutputReadLine();
        portal.BeginErrorReadLine();
        await listening.Task.WaitAsync(TimeSpan.FromMinutes(1));

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        (await http.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        var signIn = await http.GetAsync("/account/sign-in");
        signIn.StatusCode.Should().Be(HttpStatusCode.OK);
        (await signIn.Content.ReadAsStringAsync()).Should().Contain("/lib/bootstrap/css/bootstrap.portal.min.css");
        (await http.GetAsync("/lib/bootstrap/css/bootstrap.portal.min.css")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.GetAsync("/lib/fonts/EBGaramond_400Regular.ttf")).StatusCode.Should().Be(HttpStatusCode.OK, "the PDF fonts ship with the portal");
        (await http.GetAsync("/local-governments")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private Process Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file)
        {
            // Like the container's WORKDIR: the content root (wwwroot, appsettings.json) is the working directory.
            WorkingDirectory = output.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    private async Task<(int ExitCode, string Log)> RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        using var process = Start(file, arguments, environment);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
