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

    [Theory]
    [InlineData("08006", true)] // connection failure
    [InlineData("57P01", true)] // administrator shutdown
    [InlineData("53300", true)] // too many connections
    [InlineData("22001", false)] // value too long: the request's fault, not the database's absence
    [InlineData("23505", false)] // unique violation
    [InlineData("42P01", false)] // undefined table: a defect
    public void Only_failures_to_reach_the_database_are_shown_as_unavailable(string sqlState, bool unavailable)
    {
        var error = new DbUpdateException("save failed", new Npgsql.PostgresException("m", "ERROR", "ERROR", sqlState));
        Web.Features.Errors.ErrorsController.DatabaseUnavailable(error).Should().Be(unavailable);
    }

    [Fact]
    public void Timeouts_and_a_busy_embedded_database_are_unavailable_and_a_broken_constraint_is_not()
    {
        Web.Features.Errors.ErrorsController.DatabaseUnavailable(new InvalidOperationException("x", new TimeoutException())).Should().BeTrue();
        Web.Features.Errors.ErrorsController.DatabaseUnavailable(new Microsoft.Data.Sqlite.SqliteException("busy", 5)).Should().BeTrue();
        Web.Features.Errors.ErrorsController.DatabaseUnavailable(new Microsoft.Data.Sqlite.SqliteException("constraint", 19)).Should().BeFalse();
        Web.Features.Errors.ErrorsController.DatabaseUnavailable(new InvalidOperationException("a defect")).Should().BeFalse();
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
