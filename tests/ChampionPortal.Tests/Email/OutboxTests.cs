using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Tests.Email;

/// <summary>A portal whose outbox retries within a second, so that tests of an absent mail server stay short.</summary>
public sealed class OutboxFixture : MailPortalFixture
{
    public static readonly IReadOnlyDictionary<string, string?> FastRetries = new Dictionary<string, string?>
    {
        ["Email:Outbox:PollSeconds"] = "0.2",
        ["Email:Outbox:RetryBaseSeconds"] = "0.2",
        ["Email:Outbox:MaxBackoffSeconds"] = "0.5",
        ["Email:Outbox:MaxAttempts"] = "1000",
    };

    public PortalAppFactory NewInstance() => new(App.ConnectionString, settings: Settings);

    protected override PortalAppFactory CreateFactory(string connectionString) => new(connectionString, settings: Settings);

    private Dictionary<string, string?> Settings => Smtp.PortalSettings.Concat(FastRetries).ToDictionary(p => p.Key, p => p.Value);
}

public sealed class OutboxTests(OutboxFixture fixture) : IClassFixture<OutboxFixture>
{
    [Fact]
    public async Task While_the_mail_server_is_away_a_message_stays_queued_and_is_delivered_once_when_it_returns()
    {
        await fixture.Smtp.StopAsync();
        var failed = fixture.App.OutboxAttemptsAsync(1, OutboxStatus.Pending);
        var sent = fixture.App.OutboxAttemptsAsync(1);
        await QueueAsync(fixture.App, "away@outbox.example.org", "While away");

        var failedId = (await failed).Single();
        var queued = await fixture.App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == failedId));
        queued.Status.Should().Be(OutboxStatus.Pending);
        queued.Attempts.Should().BeGreaterThanOrEqualTo(1);
        queued.LastError.Should().NotBeNullOrEmpty();
        var receivedBefore = fixture.Smtp.ReceivedCount;

        fixture.Smtp.Start();

        (await sent).Should().Equal(failedId);
        (await fixture.Smtp.WaitForMessageToAsync("away@outbox.example.org")).Subject.Should().Be("While away");
        fixture.Smtp.ReceivedCount.Should().Be(receivedBefore + 1, "the message is delivered exactly once");
        (await fixture.App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == failedId))).Status.Should().Be(OutboxStatus.Sent);
    }

    [Fact]
    public async Task Messages_queued_while_the_mail_server_is_away_survive_a_restart_of_the_portal_and_go_out_once()
    {
        // A database of its own: the fixture's portal must not be the one that delivers them.
        var connectionString = fixture.Cluster.ConnectionString(await fixture.Cluster.CreateDatabaseAsync());
        var settings = fixture.Smtp.PortalSettings.Concat(OutboxFixture.FastRetries).ToDictionary(p => p.Key, p => p.Value);
        await fixture.Smtp.StopAsync();
        var before = new PortalAppFactory(connectionString, settings: settings);
        before.Start();
        var tried = before.OutboxAttemptsAsync(3, OutboxStatus.Pending);
        var addresses = Enumerable.Range(1, 3).Select(n => $"restart{n}@outbox.example.org").ToList();
        foreach (var address in addresses)
        {
            await QueueAsync(before, address, $"Across a restart {address}");
        }

        await tried;
        await before.DisposeAsync();
        var receivedBefore = fixture.Smtp.ReceivedCount;

        await using var after = new PortalAppFactory(connectionString, settings: settings);
        after.Start();
        var sent = after.OutboxAttemptsAsync(3);
        fixture.Smtp.Start();
        (await sent).Should().HaveCount(3);
        foreach (var address in addresses)
        {
            (await fixture.Smtp.WaitForMessageToAsync(address)).Subject.Should().Be($"Across a restart {address}");
        }

        var statuses = await after.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Select(m => m.Status).ToListAsync());
        statuses.Should().HaveCount(3).And.AllBeEquivalentTo(OutboxStatus.Sent);
        fixture.Smtp.ReceivedCount.Should().Be(receivedBefore + 3, "each message is delivered exactly once");
    }

    [Fact]
    public async Task Two_portal_instances_on_one_database_send_each_message_once()
    {
        await using var second = fixture.NewInstance();
        second.Start();
        var receivedBefore = fixture.Smtp.ReceivedCount;
        var sentByFirst = new List<long>();
        var sentBySecond = new List<long>();
        var allSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Track(List<long> list, long id, OutboxStatus status)
        {
            if (status != OutboxStatus.Sent)
            {
                return;
            }

            lock (sentByFirst)
            {
                list.Add(id);
                if (sentByFirst.Count + sentBySecond.Count == 30)
                {
                    allSent.TrySetResult();
                }
            }
        }

        fixture.App.Services.GetRequiredService<OutboxEvents>().Attempted += (id, status, _) => Track(sentByFirst, id, status);
        second.Services.GetRequiredService<OutboxEvents>().Attempted += (id, status, _) => Track(sentBySecond, id, status);

        // Written straight to the table, as another instance would: both dispatchers find them at their next poll.
        await fixture.App.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            for (var i = 0; i < 30; i++)
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    ToAddress = $"twice{i:00}@outbox.example.org",
                    ToName = "Twice",
                    Subject = $"Message {i}",
                    HtmlBody = "<p>Hello</p>",
                    TextBody = "Hello",
                    CreatedAtUtc = now,
                    NextAttemptAtUtc = now,
                });
            }

            return await db.SaveChangesAsync();
        });
        await allSent.Task.WaitAsync(TimeSpan.FromSeconds(60));

        sentByFirst.Concat(sentBySecond).Should().OnlyHaveUniqueItems().And.HaveCount(30);
        fixture.Smtp.ReceivedCount.Should().Be(receivedBefore + 30, "no message was sent twice");
        for (var i = 0; i < 30; i++)
        {
            (await fixture.Smtp.WaitForMessageToAsync($"twice{i:00}@outbox.example.org")).Subject.Should().Be($"Message {i}");
        }
    }

    [Fact]
    public async Task A_queued_message_belongs_to_its_transaction_and_vanishes_when_that_is_rolled_back()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChampionPortal.Web.Data.PortalDbContext>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await scope.ServiceProvider.GetRequiredService<IEmailSender>()
                .SendAsync(new EmailMessage("rolled-back@outbox.example.org", "Nobody", "Never", "<p>x</p>", "x"));
            await transaction.RollbackAsync();
        }

        (await fixture.App.WithDbAsync(d => d.OutboxMessages.AnyAsync(m => m.ToAddress == "rolled-back@outbox.example.org"))).Should().BeFalse();
    }

    [Fact]
    public async Task Regional_staff_see_a_failed_message_on_the_outbox_page_and_send_it_again()
    {
        var id = await fixture.App.WithDbAsync(async db =>
        {
            var message = new OutboxMessage
            {
                ToAddress = "gave-up@outbox.example.org",
                ToName = "Gave Up",
                Subject = "Given up",
                HtmlBody = "<p>x</p>",
                TextBody = "x",
                Status = OutboxStatus.Failed,
                Attempts = 10,
                LastError = "Mailbox unavailable",
                CreatedAtUtc = DateTime.UtcNow,
                NextAttemptAtUtc = DateTime.UtcNow,
            };
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, page) = await staff.GetPageAsync("/outbox?status=Failed");
        page.QuerySelector($"tr[data-id='{id}']")!.TextContent.Should().Contain("Mailbox unavailable").And.Contain("Failed");
        var sent = fixture.App.OutboxAttemptsAsync(1);

        await staff.SubmitAsync(page, new Dictionary<string, string?>(), $"form[action='/outbox/{id}/resend']");

        (await sent).Should().Equal(id);
        (await fixture.Smtp.WaitForMessageToAsync("gave-up@outbox.example.org")).Subject.Should().Be("Given up");
        using var office = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "AR");
        (await office.GetAsync("/outbox")).Headers.Location!.ToString().Should().Contain("access-denied");
    }

    [Theory]
    [InlineData("es", "Invitación: 2025 — second cohort", "El enlace funciona una sola vez", "Cambio en la sesión: Foro de lanzamiento: Sesión de apertura")]
    [InlineData("pt", "Convite: 2025 — second cohort", "O link funciona uma única vez", "Mudança na sessão: Fórum de lançamento: Sessão de abertura")]
    public async Task Regional_staff_preview_every_template_in_each_language(string language, string invitationSubject, string resetText, string changedSubject)
    {
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var (response, page) = await staff.GetPageAsync($"/outbox/templates?lang={language}");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        page.QuerySelectorAll("[data-template]").Select(s => s.GetAttribute("data-template")).Should().Equal(
            "Invitation", "Reminder", "PasswordReset", "NewAccount", "CalendarConfirmed", "CalendarChanged", "CalendarCancelled", "SessionReminder");
        page.QuerySelector("[data-template=CalendarChanged] [data-testid=subject]")!.TextContent.Should().Be(changedSubject);
        page.QuerySelector("[data-template=Invitation] [data-testid=subject]")!.TextContent.Should().Be(invitationSubject);
        var frame = await staff.GetAsync(page.QuerySelector("[data-template=PasswordReset] iframe")!.GetAttribute("src")!);
        (await frame.Content.ReadAsStringAsync()).Should().Contain($"lang=\"{language}\"");
        // The e-mail's inline styles are allowed in its frame alone, with nothing else: no script, no requests, a sandbox.
        frame.Headers.GetValues("Content-Security-Policy").Single().Should().Be("default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox");
        page.QuerySelector("[data-template=PasswordReset] pre")!.TextContent.Should().Contain(resetText);
    }

    private static async Task QueueAsync(PortalAppFactory app, string address, string subject)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IEmailSender>().SendAsync(new EmailMessage(address, "Recipient", subject, "<p>Body</p>", "Body"));
    }
}
