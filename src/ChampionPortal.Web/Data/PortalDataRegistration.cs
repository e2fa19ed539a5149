using ChampionPortal.Web.Data.Auditing;
using ChampionPortal.Web.Data.Saving;
using ChampionPortal.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChampionPortal.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The database the portal uses, read from configuration once and checked.</summary>
public sealed record PortalDatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static PortalDatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var provider = ReadProvider(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString(PortalDataRegistration.ConnectionStringName);
        if (provider == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Portal is empty. Set it, for example with the environment " +
                    "variable ConnectionStrings__Portal=\"Host=db;Database=champion;Username=portal;Password=…\".")
                : new PortalDatabaseSettings(provider, WithRequestTuning(connectionString));
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = configuration["Database:DataFolder"];
            folder = Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? Path.Combine(contentRoot, "App_Data") : folder, contentRoot);
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "champion-portal.db")}";
        }

        return new PortalDatabaseSettings(provider, connectionString);
    }

    /// <summary>
    /// Npgsql settings for a portal's many short requests, unless the connection string sets them itself. Statements
    /// a connection sends again and again are prepared (up to 64 per connection), so PostgreSQL parses and plans a
    /// page's queries once per pooled connection instead of on every request; and a connection going back to the pool
    /// is not reset (the portal keeps no session state: no SET, temporary tables, session locks or LISTEN), since the
    /// reset then costs more than the statement it precedes. Measured on the authorities list: the database's share
    /// of a request was about as large as the portal's own. A transaction-pooling PgBouncer needs
    /// <c>Max Auto Prepare=0</c> in the connection string.
    /// </summary>
    public static string WithRequestTuning(string connectionString)
    {
        static string Normalized(string key) => key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>().Select(Normalized).ToHashSet();
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MAXAUTOPREPARE"))
        {
            tuned.MaxAutoPrepare = 64;
        }

        if (!given.Contains("NORESETONCLOSE"))
        {
            tuned.NoResetOnClose = true;
        }

        return tuned.ConnectionString;
    }

    private static DatabaseProvider ReadProvider(string? value) =>
        string.IsNullOrWhiteSpace(value) ? DatabaseProvider.Sqlite
        : Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) ? provider
        : throw new InvalidOperationException($"Database:Provider '{value}' is not supported. Use 'Sqlite' (the embedded default) or 'Postgres'.");
}

public static class PortalDataRegistration
{
    public const string ConnectionStringName = "Portal";

    /// <summary>
    /// Registers the configured provider's context as <see cref="PortalDbContext"/>. Program, the design-time
    /// factories and the tests all come through here, so they share one model configuration. Configuration is
    /// read when the first context is resolved, so that settings a host adds late (tests) are seen.
    /// </summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddSingleton(sp => PortalDatabaseSettings.From(sp.GetService<IConfiguration>() ?? configuration, contentRoot));
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditActor>();
        services.AddSingleton<RecordVersionInterceptor>();
        services.AddSingleton<SearchKeyInterceptor>();
        services.AddSingleton<CohortFiguresInterceptor>();
        services.AddSingleton<AuditTrailInterceptor>();
        services.AddSingleton<BulkInsertion.Interceptor>();
        services.AddSingleton<ColumnLengthGuard>();
        if (!services.Any(s => s.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }

        // Identity reads its store options while building the model, so they belong with the model's registration.
        services.Configure<IdentityOptions>(options =>
        {
            options.Stores.SchemaVersion = IdentitySchemaVersions.Version2;
            options.Stores.MaxLengthForKeys = 128;
        });

        // Pooled: a context and its internal services are made once and reset between requests. Made per request,
        // they cost a measurable part of the authorities list's time (docs/performance.md).
        services.AddDbContextPool<PostgresPortalDbContext>((sp, options) => Configure(
            options.UseNpgsql(Settings(sp).ConnectionString, npgsql => npgsql
                .MigrationsHistoryTable("__ef_migrations_history")
                .ExecutionStrategy(dependencies => new ReadRetryingExecutionStrategy(dependencies))), sp));
        services.AddDbContextPool<SqlitePortalDbContext>((sp, options) => Configure(
            options.UseSqlite(Settings(sp).ConnectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history")), sp));
        services.AddScoped<PortalDbContext>(sp => Settings(sp).Provider == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresPortalDbContext>()
            : sp.GetRequiredService<SqlitePortalDbContext>());
        services.AddSingleton<IDatabaseDialect>(sp => Settings(sp).Provider == DatabaseProvider.Postgres ? new PostgresDialect() : new SqliteDialect());
        return services;
    }

    private static PortalDatabaseSettings Settings(IServiceProvider services) => services.GetRequiredService<PortalDatabaseSettings>();

    private static void Configure(DbContextOptionsBuilder options, IServiceProvider services)
    {
        // In this order, each running before the next at every step of a save. The length guard sees the values as the
        // feature set them; versions and search keys are stamped before the audit records them; the cohort figures
        // note what the save touched before the audit's own transaction (if it opened one) commits; bulk insertion
        // writes last, after everything else has prepared the records.
        options.AddInterceptors(
            services.GetRequiredService<ColumnLengthGuard>(),
            services.GetRequiredService<RecordVersionInterceptor>(),
            services.GetRequiredService<SearchKeyInterceptor>(),
            services.GetRequiredService<CohortFiguresInterceptor>(),
            services.GetRequiredService<AuditTrailInterceptor>(),
            services.GetRequiredService<BulkInsertion.Interceptor>());
        options.AddInterceptors(services.GetServices<IInterceptor>());
    }
}
