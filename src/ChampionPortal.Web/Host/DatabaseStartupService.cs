namespace ChampionPortal.Web.Host;

/// <summary>
/// Prepares the database before the server starts listening: migrations and reference data (unless
/// Database:MigrateOnStart is false), and the demo cohort when Demo:SeedOnStart is true (Development).
/// </summary>
public sealed class DatabaseStartupService(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Database:MigrateOnStart", true))
        {
            await DatabaseStartup.MigrateAsync(services, cancellationToken);
        }

        if (configuration.GetValue("Demo:SeedOnStart", false))
        {
            await DatabaseStartup.SeedDemoAsync(services, cancellationToken);
            DatabaseStartup.PrintDemoAccounts(Console.Out);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
