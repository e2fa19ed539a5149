using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Npgsql;

namespace ChampionPortal.Tests.Operations;

public sealed class TransientFailureTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Pages_are_served_after_the_database_drops_every_pooled_connection()
    {
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        (await staff.GetAsync("/authorities")).StatusCode.Should().Be(HttpStatusCode.OK);

        // What a failover or a restarted connection proxy does to the pool: every idle connection is gone. (A connection
        // of its own, outside the portal's pool, so as not to borrow and spare one of the portal's.)
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(fixture.App.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
            ((long)(await terminate.ExecuteScalarAsync())!).Should().BeGreaterThan(0, "the portal held pooled connections");
        }

        (await staff.GetAsync("/authorities")).StatusCode.Should().Be(HttpStatusCode.OK, "the read is retried on a new connection");
        (await staff.GetAsync("/local-governments")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
