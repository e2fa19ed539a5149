using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Tests.Operations;

/// <summary>Two portal instances on different ports over one PostgreSQL database, as behind a load balancer.</summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private readonly SmtpTestServer smtp = new();
    private PortalAppFactory first = null!;
    private PortalAppFactory second = null!;

    public async Task InitializeAsync()
    {
        var cluster = await PostgresCluster.SharedAsync();
        var database = await cluster.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>(smtp.PortalSettings) { ["Email:Outbox:PollSeconds"] = "1" };
        first = new PortalAppFactory(cluster.ConnectionString(database), settings: settings);
        second = new PortalAppFactory(cluster.ConnectionString(database), settings: settings);
        first.Start();
        second.Start();
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_user_signed_in_on_one_instance_is_signed_in_on_the_other_and_a_form_rendered_by_one_posts_to_the_other()
    {
        using var staff = await first.SignedInClientAsync(Roles.RegionalStaff);
        var (onSecond, _) = await staff.GetPageAsync(new Uri(second.BaseAddress, "/local-governments").ToString());
        onSecond.StatusCode.Should().Be(HttpStatusCode.OK, "the sign-in cookie is protected with keys both instances read from the database");

        var (_, form) = await staff.GetPageAsync("/local-governments/new");
        var (response, _) = await staff.SubmitAsync(
            form, new Dictionary<string, string?> { ["Form.Name"] = "Paysandú", ["Form.CountryCode"] = "UY", ["Form.TimeZone"] = "America/Montevideo" },
            instance: second.BaseAddress);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the antiforgery token of one instance is valid on the other");
        (await second.WithDbAsync(db => db.LocalGovernments.CountAsync(l => l.Name == "Paysandú"))).Should().Be(1);
    }

    [Fact]
    public async Task Both_instances_send_the_outbox_and_every_message_goes_out_once()
    {
        const int count = 30;
        await first.WithDbAsync(db =>
        {
            db.OutboxMessages.AddRange(Enumerable.Range(1, count).Select(i => new OutboxMessage
            {
                ToAddress = $"person{i}@scale.example.org",
                ToName = $"Person {i}",
                Subject = $"Message {i}",
                HtmlBody = $"<p>Message {i}</p>",
                TextBody = $"Message {i}",
                Status = OutboxStatus.Pending,
                CreatedAtUtc = DateTime.UtcNow,
                NextAttemptAtUtc = DateTime.UtcNow,
            }));
            return db.SaveChangesAsync();
        });

        // Both dispatchers poll the same table; together they send every message, and none goes out twice.
        await AllSentAsync(count);
        (await first.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent && m.Attempts == 1))).Should().Be(count);
        smtp.ReceivedCount.Should().Be(count);
    }

    private async Task AllSentAsync(int count)
    {
        var handled = new SemaphoreSlim(0);
        void Handler(long id, OutboxStatus status, string? error) => handled.Release();
        var sources = new[] { first, second }.Select(f => f.Services.GetRequiredService<OutboxEvents>()).ToList();
        sources.ForEach(s => s.Attempted += Handler);
        try
        {
            while (await first.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent)) < count)
            {
                (await handled.WaitAsync(TimeSpan.FromSeconds(60))).Should().BeTrue("the outbox keeps sending");
            }
        }
        finally
        {
            sources.ForEach(s => s.Attempted -= Handler);
        }
    }
}
