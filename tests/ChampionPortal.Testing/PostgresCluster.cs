using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ChampionPortal.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for one test run: initdb into a temporary folder (trust authentication, fsync
/// off), a free loopback port, the socket inside the folder. Test classes get databases cloned from a migrated
/// template, so they run in parallel and reference data is there from the start.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string TemplateName = "portal_template";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresCluster? shared;
    private readonly string binDirectory;
    private readonly bool runAsPostgresUser;
    private bool templateReady;

    private PostgresCluster(string binDirectory, string dataDirectory, int port, bool runAsPostgresUser)
    {
        this.binDirectory = binDirectory;
        DataDirectory = dataDirectory;
        Port = port;
        this.runAsPostgresUser = runAsPostgresUser;
    }

    public string DataDirectory { get; }
    public int Port { get; }

    /// <summary>The cluster shared by the whole test run, started on first use and stopped when the process exits.</summary>
    public static async Task<PostgresCluster> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (shared is null)
            {
                shared = await StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => shared.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            return shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Starts a cluster of its own, for a test that stops or breaks the database.</summary>
    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = FindBinDirectory();
        var asPostgres = Environment.UserName == "root";
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"champion-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        if (asPostgres)
        {
            await RunAsync("chown", ["postgres:postgres", dataDirectory], asPostgres: false);
        }

        var cluster = new PostgresCluster(bin, dataDirectory, FreePort(), asPostgres);
        cluster.CleanUpWhenThisProcessEnds();
        await cluster.RunToolAsync("initdb", ["-D", Path.Combine(dataDirectory, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        await cluster.RestartAsync();
        return cluster;
    }

    /// <summary>Starts the server (again, after <see cref="StopAsync"/>) on the same port and data.</summary>
    public Task RestartAsync() => RunToolAsync("pg_ctl", [
        "-D", Path.Combine(DataDirectory, "data"), "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {DataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
        "start",
    ]);

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder(ProductionConnectionString(database))
    {
        // Every test class has a database and a connection pool of its own, and a finished class's idle connections
        // stayed open for Npgsql's default five minutes: a full run reached the server's connection limit ("too many
        // clients"). Idle connections are now closed after a few seconds.
        ConnectionIdleLifetime = 3,
        ConnectionPruningInterval = 1,
    }.ConnectionString;

    /// <summary>
    /// With Npgsql's own pooling, as a portal in production has it: for benchmarks, where closing connections idle for
    /// three seconds made the pool open new ones (and prepare its statements again) under load.
    /// </summary>
    public string ProductionConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>An empty database with no tables, for tests of the migrations themselves.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"empty_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    /// <summary>A database cloned from the migrated template holding the reference data.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        await EnsureTemplateAsync();
        var name = $"test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE {TemplateName}");
        return name;
    }

    public async Task ExecuteAsync(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Backs the database up with pg_dump, as docs/operations.md tells operators to; the dump's path.</summary>
    public async Task<string> DumpAsync(string database)
    {
        var file = Path.Combine(DataDirectory, $"{database}-{Guid.NewGuid():N}.dump");
        await RunToolAsync("pg_dump", ["--format=custom", "--no-owner", "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", $"--file={file}", database]);
        return file;
    }

    /// <summary>Restores a dump into a new, empty database with pg_restore; the new database's name.</summary>
    public async Task<string> RestoreAsync(string dump)
    {
        var name = await CreateEmptyDatabaseAsync();
        await RunToolAsync("pg_restore", ["--no-owner", "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", $"--dbname={name}", dump]);
        return name;
    }

    public async Task StopAsync() => await RunToolAsync("pg_ctl", ["-D", Path.Combine(DataDirectory, "data"), "-m", "immediate", "-w", "stop"]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped by the test that owned it.
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task EnsureTemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (templateReady)
            {
                return;
            }

            await ExecuteAsync($"CREATE DATABASE {TemplateName}");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Portal"] = ConnectionString(TemplateName) + ";Pooling=false",
            }).Build();
            await using (var services = new ServiceCollection().AddLogging().AddPortalData(configuration, Path.GetTempPath()).BuildServiceProvider())
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                await db.Database.MigrateAsync();
                await ReferenceData.EnsureAsync(db);
            }

            templateReady = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// The test host is often ended by the test runner before its exit handlers finish, which left a running server
    /// and its folder (about 1 GB a run) behind: a small watcher outlives it, waits for this process to end, then
    /// stops the server and deletes the folder.
    /// </summary>
    private void CleanUpWhenThisProcessEnds()
    {
        var pgCtl = Path.Combine(binDirectory, "pg_ctl");
        var stop = runAsPostgresUser ? $"runuser -u postgres -- \"{pgCtl}\"" : $"\"{pgCtl}\"";
        var watcher = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[]
                 {
                     "sh", "-c",
                     $"exec </dev/null >/dev/null 2>&1; tail --pid=\"$0\" -f /dev/null; {stop} -D \"$1/data\" -m immediate -w stop >/dev/null 2>&1; rm -rf \"$1\"",
                     Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), DataDirectory,
                 })
        {
            watcher.ArgumentList.Add(argument);
        }

        // The watcher lets go of the test host's output at once (exec above), so the test run does not wait for it.
        using var started = Process.Start(watcher);
    }

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments) =>
        runAsPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(binDirectory, tool), .. arguments], asPostgres: true)
            : RunAsync(Path.Combine(binDirectory, tool), arguments, asPostgres: false);

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = asPostgres ? Path.GetTempPath() : Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output} {await error}");
        }
    }

    private static string FindBinDirectory()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them (Debian/Ubuntu: apt-get install postgresql) " +
                "or set PG_BIN to their folder; the README's test command does this for you.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
