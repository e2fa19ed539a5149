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

public static class PortalDataRegistration
{
    public const string ConnectionStringName = "Portal";

    /// <summary>
    /// Registers the configured provider's context as <see cref="PortalDbContext"/>. Program, the design-time
    /// factories and the tests all come through here, so they share one model configuration.
    /// </summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);

        services.AddHttpContextAccessor();
        services.AddSingleton<AuditActor>();
        services.AddSingleton<PortalSaveChangesInterceptor>();
        services.TryAddTimeProvider();

        // Identity reads its store options while building the model, so they belong with the model's registration.
        services.Configure<IdentityOptions>(options =>
        {
            options.Stores.SchemaVersion = IdentitySchemaVersions.Version2;
            options.Stores.MaxLengthForKeys = 128;
        });

        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Portal is empty. Set it (for example the " +
                        "environment variable ConnectionStrings__Portal=\"Host=db;Database=champion;Username=portal;Password=…\").");
                }

                services.AddDbContext<PostgresPortalDbContext>((sp, options) => Configure(
                    options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history")), sp));
                services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<PostgresPortalDbContext>());
                services.AddSingleton<IDatabaseDialect, PostgresDialect>();
                break;
            default:
                connectionString = string.IsNullOrWhiteSpace(connectionString)
                    ? DefaultSqliteConnectionString(configuration, contentRoot)
                    : connectionString;
                services.AddDbContext<SqlitePortalDbContext>((sp, options) => Configure(
                    options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history")), sp));
                services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<SqlitePortalDbContext>());
                services.AddSingleton<IDatabaseDialect, SqliteDialect>();
                break;
        }

        return services;
    }

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider '{value}' is not supported. Use 'Sqlite' (the embedded default) or 'Postgres'.");
    }

    private static string DefaultSqliteConnectionString(IConfiguration configuration, string contentRoot)
    {
        var folder = configuration["Database:DataFolder"];
        folder = Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? Path.Combine(contentRoot, "App_Data") : folder, contentRoot);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "champion-portal.db")}";
    }

    private static void Configure(DbContextOptionsBuilder options, IServiceProvider services)
    {
        options.AddInterceptors(services.GetRequiredService<PortalSaveChangesInterceptor>());
        options.AddInterceptors(services.GetServices<IInterceptor>());
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
