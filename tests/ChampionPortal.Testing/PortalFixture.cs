using Xunit;

namespace ChampionPortal.Testing;

/// <summary>A test class's own database, cloned from the template, and the portal running against it.</summary>
public class PortalFixture : IAsyncLifetime
{
    private PortalAppFactory? factory;

    public PostgresCluster Cluster { get; private set; } = null!;
    public string DatabaseName { get; private set; } = "";
    public PortalAppFactory App => factory ?? throw new InvalidOperationException("The portal has not started.");

    public virtual async Task InitializeAsync()
    {
        Cluster = await PostgresCluster.SharedAsync();
        DatabaseName = await Cluster.CreateDatabaseAsync();
        factory = CreateFactory(Cluster.ConnectionString(DatabaseName));
        factory.Start();
    }

    public virtual async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }

    protected virtual PortalAppFactory CreateFactory(string connectionString) => new(connectionString);
}

/// <summary>A portal that sends its e-mail to a real SMTP server running in the test process.</summary>
public class MailPortalFixture : PortalFixture
{
    public SmtpTestServer Smtp { get; } = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    protected override PortalAppFactory CreateFactory(string connectionString) => new(connectionString, settings: Smtp.PortalSettings);
}
