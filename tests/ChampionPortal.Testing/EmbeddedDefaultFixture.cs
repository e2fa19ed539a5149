using Xunit;

namespace ChampionPortal.Testing;

/// <summary>
/// The README's run command: the portal on the embedded SQLite default, migrated at start-up, with the demo
/// cohort and one account per role. For the tests of the embedded default itself and the page walks over the demo
/// data; everything else runs on PostgreSQL.
/// </summary>
public sealed class EmbeddedDefaultFixture : IAsyncLifetime
{
    private readonly DirectoryInfo dataFolder = Directory.CreateTempSubdirectory("champion-embedded-");

    public PortalAppFactory App { get; private set; } = null!;

    public Task InitializeAsync()
    {
        App = new PortalAppFactory("", "Development", new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Portal"] = "",
            ["Database:DataFolder"] = dataFolder.FullName,
            ["Demo:SeedOnStart"] = "true",
        });
        App.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dataFolder.Delete(recursive: true);
    }
}
