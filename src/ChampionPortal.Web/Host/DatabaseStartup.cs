using ChampionPortal.Web.Data;
using ChampionPortal.Web.Data.Seeding;
using ChampionPortal.Web.Features.Demo;
using ChampionPortal.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChampionPortal.Web.Host;

public static class DatabaseStartup
{
    /// <summary>Applies pending migrations and loads the reference data; both are idempotent.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        // On an empty database EF learns whether the history table exists by reading it, and logs the failed read
        // as an error, which alarms operators on a first install: the table is created first ("if not exists").
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);

        await db.Database.MigrateAsync(cancellationToken);
        using (AuditActor.Begin("seeding: reference data"))
        {
            await ReferenceData.EnsureAsync(db, cancellationToken);
        }
    }

    /// <summary>Loads the demo cohort and accounts unless they are there already. Returns whether it added them.</summary>
    public static async Task<bool> SeedDemoAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        using (AuditActor.Begin("seeding: demo data"))
        {
            return await ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider).EnsureAsync(cancellationToken);
        }
    }

    public static void PrintDemoAccounts(TextWriter output)
    {
        output.WriteLine("Champion Portal demo data (fictional people): sign in with one of these accounts,");
        output.WriteLine($"all with the password {DemoData.Password}");
        foreach (var (email, _, description) in DemoData.Accounts)
        {
            output.WriteLine($"  {email,-30} {description}");
        }
    }
}
