using ChampionPortal.Testing;
using ChampionPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Postgres_migrations_apply_to_an_empty_database_and_match_the_model()
    {
        var cluster = await PostgresCluster.SharedAsync();
        var database = await cluster.CreateEmptyDatabaseAsync();
        await using var services = Build("Postgres", cluster.ConnectionString(database) + ";Pooling=false");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        db.Should().BeOfType<PostgresPortalDbContext>();
        (await db.Database.GetPendingMigrationsAsync()).Should().NotBeEmpty();
        await db.Database.MigrateAsync();

        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        db.Database.HasPendingModelChanges().Should().BeFalse("the Postgres migration set must be regenerated with scripts/add-migration.sh");
        (await db.Countries.CountAsync()).Should().Be(0, "reference data is loaded by start-up, not by migrations");
    }

    [Fact]
    public async Task An_upgrade_keeps_the_link_of_an_invitation_emailed_before_it()
    {
        var cluster = await PostgresCluster.SharedAsync();
        var database = await cluster.CreateEmptyDatabaseAsync();
        await using var services = Build("Postgres", cluster.ConnectionString(database) + ";Pooling=false");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("CertificateReissueReason");

        // The row as the previous release stored it: one link's hash on the invitation itself. Only the invitation
        // matters here, so the rows it refers to are not made (replication role skips the foreign-key triggers).
        var hash = new string('a', 64);
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET session_replication_role = replica");
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Invitations" ("Id", "CohortId", "NominationId", "AuthorityId", "CountryCode", "Status", "TokenHash", "ExpiresAtUtc", "SentAtUtc", "ReminderCount", "DirectoryConsent", "Version")
            VALUES (7, 1, 1, 1, 'CO', 'Sent', {hash}, {new DateTime(2026, 12, 20, 0, 0, 0, DateTimeKind.Utc)}, {new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)}, 0, FALSE, 0)
            """);
        await db.Database.ExecuteSqlRawAsync("SET session_replication_role = DEFAULT");
        await db.Database.MigrateAsync();

        var links = await db.InvitationLinks.Select(l => new { l.InvitationId, l.TokenHash, l.SentAtUtc }).ToListAsync();
        links.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { InvitationId = 7, TokenHash = hash, SentAtUtc = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) },
            "the link in the e-mail already sent must keep opening the invitation");
    }

    [Fact]
    public async Task Sqlite_migrations_apply_to_an_empty_file_and_match_the_model()
    {
        var folder = Directory.CreateTempSubdirectory("champion-sqlite-");
        try
        {
            await using var services = Build("Sqlite", null, folder.FullName);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

            db.Should().BeOfType<SqlitePortalDbContext>();
            await db.Database.MigrateAsync();

            (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
            db.Database.HasPendingModelChanges().Should().BeFalse("the SQLite migration set must be regenerated with scripts/add-migration.sh");
            File.Exists(Path.Combine(folder.FullName, "champion-portal.db")).Should().BeTrue("the embedded default keeps its file in the data folder");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Both_migration_sets_hold_the_same_migrations()
    {
        static IEnumerable<string> Names<TContext>()
            where TContext : PortalDbContext =>
            typeof(TContext).Assembly.GetTypes()
                .Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration))
                    && t.GetCustomAttributes(typeof(DbContextAttribute), false).Cast<DbContextAttribute>().Any(a => a.ContextType == typeof(TContext)))
                .Select(t => t.Name);

        Names<PostgresPortalDbContext>().Should().NotBeEmpty().And.BeEquivalentTo(Names<SqlitePortalDbContext>());
    }

    [Fact]
    public void A_postgres_provider_without_a_connection_string_stops_with_a_clear_message()
    {
        using var services = Build("Postgres", null);
        var act = () => services.CreateScope().ServiceProvider.GetRequiredService<PortalDbContext>();
        act.Should().Throw<InvalidOperationException>().WithMessage("*ConnectionStrings:Portal*");
    }

    [Fact]
    public void An_unknown_provider_stops_with_a_clear_message()
    {
        using var services = Build("Oracle", null);
        var act = () => services.CreateScope().ServiceProvider.GetRequiredService<PortalDbContext>();
        act.Should().Throw<InvalidOperationException>().WithMessage("*'Oracle' is not supported*Sqlite*Postgres*");
    }

    private static ServiceProvider Build(string provider, string? connectionString, string? dataFolder = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Portal"] = connectionString,
            ["Database:DataFolder"] = dataFolder,
        }).Build();
        return new ServiceCollection().AddLogging().AddPortalData(configuration, Path.GetTempPath()).BuildServiceProvider();
    }
}
