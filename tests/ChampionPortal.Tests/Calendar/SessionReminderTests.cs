using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Tests.Calendar;

/// <summary>A portal that can be started twice on one database, as two instances behind a load balancer.</summary>
public sealed class TwoInstanceFixture : MailPortalFixture
{
    public PortalAppFactory NewInstance() => new(App.ConnectionString, settings: Smtp.PortalSettings);
}

public sealed class SessionReminderTests(TwoInstanceFixture fixture) : IClassFixture<TwoInstanceFixture>
{
    [Fact]
    public async Task Two_instances_remind_each_person_who_accepted_once_in_their_language_with_the_join_link()
    {
        var start = DateTime.UtcNow.AddMinutes(50);
        var (cohort, sessions) = await fixture.App.AddCohortAsync("REM", ("WS1", EventKind.Workshop, start, 90, "America/Lima"));
        await fixture.App.WithDbAsync(async db =>
        {
            var session = await db.Sessions.SingleAsync(s => s.Id == sessions["WS1"]);
            session.JoinUrl = "https://meet.example.org/rem-ws1";
            session.TitleEs = "Taller, sesión 1";
            return await db.SaveChangesAsync();
        });
        var accepted = new List<string>();
        foreach (var (name, country, language) in new[] { ("Rosa Huamán", "PE", "es"), ("Tiago Alves", "BR", "pt"), ("Ana Duarte", "UY", "en") })
        {
            accepted.Add(await PersonAsync(name, country, language, cohort, InvitationStatus.Accepted));
        }

        var declined = await PersonAsync("Diego Paz", "BO", "es", cohort, InvitationStatus.Declined);
        var unanswered = await PersonAsync("Elena Rojas", "CL", "es", cohort, InvitationStatus.Sent);
        await using var second = fixture.NewInstance();
        second.Start();

        // Both instances sweep at the same moment, twice each: the 24-hour and the 1-hour reminders are both due,
        // and only the nearer one goes, once per person.
        var sent = await Task.WhenAll(new[] { fixture.App, second, fixture.App, second }.Select(SweepAsync));

        sent.Sum().Should().Be(3);
        var rosa = await fixture.Smtp.WaitForMessageToAsync(accepted[0]);
        rosa.Subject.Should().StartWith("Recordatorio: Workshop: Taller, sesión 1, ");
        rosa.TextBody.Should().MatchRegex("Workshop: Taller, sesión 1 comienza en (49|50) minutos\\.")
            .And.Contain("https://meet.example.org/rem-ws1").And.Contain("/check-in").And.Contain("(hora de Lima, UTC−05:00)");
        (await fixture.Smtp.WaitForMessageToAsync(accepted[1])).TextBody.Should().Contain("começa em");
        (await fixture.Smtp.WaitForMessageToAsync(accepted[2])).TextBody.Should().MatchRegex("starts in (49|50) minutes");
        var queued = await fixture.App.WithDbAsync(db => db.OutboxMessages.Where(m => m.Subject.Contains("Workshop: ")).Select(m => m.ToAddress).ToListAsync());
        queued.Should().BeEquivalentTo(accepted, "each person who accepted is reminded once; nobody who declined or did not answer");
        queued.Should().NotContain([declined, unanswered]);
        (await SweepAsync(second)).Should().Be(0, "a reminder sent is never sent again");
        (await fixture.App.WithDbAsync(db => db.SessionReminders.CountAsync(r => r.SessionId == sessions["WS1"]))).Should().Be(6, "both reminders are recorded for each person");
    }

    private static async Task<int> SweepAsync(PortalAppFactory instance)
    {
        using var scope = instance.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SessionReminders>().SendDueAsync(CancellationToken.None);
    }

    private async Task<string> PersonAsync(string name, string country, string language, int cohort, InvitationStatus status)
    {
        var government = await fixture.App.AddLocalGovernmentAsync($"{name} city", country);
        var email = $"{Guid.NewGuid():N}@reminders.example.org";
        var id = await fixture.App.AddAuthorityAsync(name, email, government, country);
        await fixture.App.WithDbAsync(async db =>
        {
            (await db.Authorities.FindAsync(id))!.PreferredLanguage = language;
            return await db.SaveChangesAsync();
        });
        await fixture.App.AddInvitationAsync(cohort, id, status);
        return email;
    }
}
