using ChampionPortal.Testing;
using ChampionPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Tests.Operations;

public sealed class DatabaseConnectionTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_portal_prepares_the_statements_it_repeats_on_postgres_unless_the_connection_string_turns_it_off()
    {
        (await PreparedAfterRepeatingAsync(fixture.App)).Should().BeGreaterThan(0, "a statement sent again and again is parsed and planned once per connection");

        // A transaction-pooling PgBouncer cannot keep prepared statements: the operator's setting wins.
        await using var bouncerFriendly = new PortalAppFactory(fixture.App.ConnectionString + ";Max Auto Prepare=0");
        bouncerFriendly.Start();
        (await PreparedAfterRepeatingAsync(bouncerFriendly)).Should().Be(0);
    }

    /// <summary>The statements prepared on a connection of the portal's after it ran the same query ten times.</summary>
    private static async Task<int> PreparedAfterRepeatingAsync(PortalAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < 10; i++)
        {
            await db.Countries.AsNoTracking().Where(c => c.Code != "XX").CountAsync();
        }

        return await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_prepared_statements").SingleAsync();
    }
}
