using Microsoft.EntityFrameworkCore.Design;

namespace ChampionPortal.Web.Data;

// Used by dotnet-ef only (scripts/add-migration.sh); no database is contacted when a migration is added.
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) => DesignTime.Create<PostgresPortalDbContext>(
        DatabaseProvider.Postgres, "Host=localhost;Database=champion_design");
}

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) => DesignTime.Create<SqlitePortalDbContext>(
        DatabaseProvider.Sqlite, "Data Source=design-time.db");
}

internal static class DesignTime
{
    public static TContext Create<TContext>(DatabaseProvider provider, string connectionString)
        where TContext : PortalDbContext
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            [$"ConnectionStrings:{PortalDataRegistration.ConnectionStringName}"] = connectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddPortalData(configuration, Directory.GetCurrentDirectory());
        return services.BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<TContext>();
    }
}
