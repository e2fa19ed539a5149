using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;

namespace ChampionPortal.Tests.Operations;

/// <summary>Stops its database, so it runs on a cluster of its own.</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private PostgresCluster cluster = null!;
    private PortalAppFactory app = null!;

    public async Task InitializeAsync()
    {
        cluster = await PostgresCluster.StartAsync();
        var database = await cluster.CreateDatabaseAsync();
        app = new PortalAppFactory(cluster.ConnectionString(database));
        app.Start();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task Readiness_follows_the_database_while_liveness_does_not()
    {
        using var client = app.NewClient();
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);

        await cluster.StopAsync();

        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pages_answer_503_in_the_users_language_while_the_database_is_away_and_the_portal_recovers_by_itself()
    {
        using var visitor = app.NewClient("es");
        (await visitor.GetAsync("/champions")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var staff = await app.SignedInClientAsync(Roles.RegionalStaff, language: "es");
        var (_, form) = await staff.GetPageAsync("/local-governments/new");

        await cluster.StopAsync();
        var (away, page) = await visitor.GetPageAsync("/champions");
        away.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        away.Headers.RetryAfter.Should().NotBeNull();
        page.QuerySelector("h1")!.TextContent.Should().Be("El portal no está disponible por un momento");

        // A form sent during the outage: the page says it was not saved, and how to send it again without retyping it.
        var (sent, refused) = await staff.SubmitAsync(form, new Dictionary<string, string?> { ["Form.Name"] = "Paysandú", ["Form.CountryCode"] = "UY", ["Form.Kind"] = "Municipality", ["Form.TimeZone"] = "America/Montevideo" });
        sent.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        refused.QuerySelector("[data-testid=error-text]")!.TextContent.Should().Contain("Lo que acaba de enviar no se guardó").And.Contain("Use el botón Atrás de su navegador, que conserva lo que escribió");
        refused.QuerySelector("[data-testid=go-back]").Should().BeNull("a link back would load the form again, empty");

        await cluster.RestartAsync();

        // The pool drops the connections the restart broke: within a few requests the portal answers again.
        var ready = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 10 && ready != HttpStatusCode.OK; attempt++)
        {
            ready = (await visitor.GetAsync("/health/ready")).StatusCode;
        }

        ready.Should().Be(HttpStatusCode.OK);
        (await visitor.GetAsync("/champions")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_response_carries_a_correlation_id_and_keeps_a_sane_incoming_one()
    {
        using var client = app.NewClient();
        var generated = await client.GetAsync("/health/live");
        generated.Headers.GetValues("X-Correlation-ID").Single().Should().MatchRegex("^[0-9a-f]{32}$");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-ID", "lb-1234-abcd");
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var kept = await http.SendAsync(request);
        kept.Headers.GetValues("X-Correlation-ID").Single().Should().Be("lb-1234-abcd");
    }
}
