using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Invitations;

public sealed partial class InvitationTests(MailPortalFixture fixture) : IClassFixture<MailPortalFixture>
{
    [Fact]
    public async Task An_invitation_arrives_in_the_nominees_language_and_accepting_it_opens_an_account()
    {
        var (cohort, email) = await ApprovedNomineeAsync("INV-ACC", "BR", "Beatriz Moura", "pt");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        await InviteAllAsync(staff, cohort);
        var message = await fixture.Smtp.WaitForMessageToAsync(email);

        message.Subject.Should().StartWith("Convite:");
        message.TextBody.Should().Contain("As sessões:").And.Contain("- Foro de lanzamiento — Foro: quinta-feira, 10 de dezembro de 2026, 10:00–12:00 (horário de São Paulo",
            "the e-mail says when, in the session's own time");
        var checkIn = System.Text.RegularExpressions.Regex.Match(message.TextBody!, @"https?://\S+/check-in/invitation/\S+").Value;
        checkIn.Should().NotBeEmpty("the check-in page sends people to the check-in link of their invitation e-mail");
        using (var onTheDay = fixture.App.NewClient("en"))
        {
            var (_, checkInPage) = await onTheDay.GetPageAsync(new Uri(checkIn).PathAndQuery);
            checkInPage.QuerySelector("[data-testid=check-in-form]").Should().NotBeNull("the link identifies the person without signing in");
        }

        var link = new Uri(LinkPattern().Match(message.TextBody!).Value);
        using var visitor = fixture.App.NewClient("en");
        var (opened, rsvp) = await visitor.GetPageAsync(link.PathAndQuery);
        opened.StatusCode.Should().Be(HttpStatusCode.OK);
        rsvp.DocumentElement.GetAttribute("lang").Should().Be("pt", "the page opens in the recipient's language");
        rsvp.QuerySelectorAll("[data-testid=rsvp-session]").Should().NotBeEmpty();

        var (answered, thanks) = await visitor.SubmitAsync(rsvp, new Dictionary<string, string?> { ["accept"] = "true", ["consent"] = "true", ["comment"] = "Com prazer." });
        answered.StatusCode.Should().Be(HttpStatusCode.OK);
        thanks.QuerySelector("[data-testid=rsvp-thanks]")!.GetAttribute("data-accepted").Should().Be("true");
        var setPassword = thanks.QuerySelector("[data-testid=set-password]")!.GetAttribute("href")!;
        var (_, form) = await visitor.GetPageAsync(setPassword);
        await visitor.SubmitAsync(form, new Dictionary<string, string?> { ["NewPassword"] = "Campeã-Local-2026", ["ConfirmPassword"] = "Campeã-Local-2026" });
        using var authority = fixture.App.NewClient();
        (await authority.SignInAsync(email, "Campeã-Local-2026")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, home) = await authority.GetPageAsync("/");
        home.QuerySelector("[data-testid=authority-profile]")!.TextContent.Should().Contain("Beatriz Moura");

        var stored = await fixture.App.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.CohortId == cohort));
        stored.Status.Should().Be(InvitationStatus.Accepted);
        stored.DirectoryConsent.Should().BeTrue();
        stored.ResponseComment.Should().Be("Com prazer.");
        (await visitor.GetAsync(link.PathAndQuery)).StatusCode.Should().Be(HttpStatusCode.Gone, "an answered link cannot be used again");
    }

    [Fact]
    public async Task Declining_records_the_answer_and_unknown_expired_and_revoked_links_each_get_their_page()
    {
        var (declineCohort, declineEmail) = await ApprovedNomineeAsync("INV-DEC", "AR", "Ramiro Acosta", "es");
        var (revokeCohort, revokeEmail) = await ApprovedNomineeAsync("INV-REV", "AR", "Inés Villalba", "es");
        var (expireCohort, expireEmail) = await ApprovedNomineeAsync("INV-EXP", "AR", "Teresa Ortiz", "es");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        await InviteAllAsync(staff, declineCohort);
        await InviteAllAsync(staff, revokeCohort);
        await InviteAllAsync(staff, expireCohort);
        var declineLink = await LinkToAsync(declineEmail);
        var revokeLink = await LinkToAsync(revokeEmail);
        var expireLink = await LinkToAsync(expireEmail);
        using var visitor = fixture.App.NewClient("es");

        var (_, rsvp) = await visitor.GetPageAsync(declineLink);
        var (_, declined) = await visitor.SubmitAsync(rsvp, new Dictionary<string, string?> { ["accept"] = "false" });
        declined.QuerySelector("[data-testid=rsvp-thanks]")!.GetAttribute("data-accepted").Should().Be("false");

        var revokeId = await fixture.App.WithDbAsync(db => db.Invitations.Where(i => i.CohortId == revokeCohort).Select(i => i.Id).SingleAsync());
        var (_, board) = await staff.GetPageAsync($"/invitations?cohort={revokeCohort}");
        var (_, confirmation) = await staff.SubmitAsync(board, new Dictionary<string, string?>(), $"form[action^='/invitations/{revokeId}/revoke']");
        confirmation.QuerySelector("[data-testid=confirm-revoke]")!.TextContent.Should().Contain("Inés Villalba").And.Contain("personal link stops working");
        (await fixture.App.WithDbAsync(db => db.Invitations.Where(i => i.Id == revokeId).Select(i => i.Status).SingleAsync()))
            .Should().Be(InvitationStatus.Sent, "nothing is revoked before the confirmation");
        await staff.SubmitAsync(confirmation, new Dictionary<string, string?>(), "[data-testid=confirm-revoke-form]");
        await fixture.App.WithDbAsync(db => db.Invitations.Where(i => i.CohortId == expireCohort)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ExpiresAtUtc, DateTime.UtcNow.AddDays(-1))));

        await ExpectClosedAsync(visitor, "/rsvp/not-a-real-token", HttpStatusCode.NotFound, "Unknown", "Este enlace no es válido");
        await ExpectClosedAsync(visitor, declineLink, HttpStatusCode.Gone, "Answered", "Esta invitación ya fue respondida");
        await ExpectClosedAsync(visitor, revokeLink, HttpStatusCode.Gone, "Revoked", "Esta invitación fue retirada");
        await ExpectClosedAsync(visitor, expireLink, HttpStatusCode.Gone, "Expired", "Esta invitación venció");

        var (_, anyPage) = await visitor.GetPageAsync("/account/sign-in");
        var token = anyPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (lateAnswer, _) = await visitor.PostAsync(revokeLink, new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["accept"] = "true" });
        lateAnswer.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await fixture.App.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == revokeId))).Status.Should().Be(InvitationStatus.Revoked);
        (await fixture.App.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.CohortId == declineCohort))).Status.Should().Be(InvitationStatus.Declined);
    }

    [Fact]
    public async Task The_links_language_holds_through_the_answer_and_answering_again_says_which_answer_stands()
    {
        var (cohort, email) = await ApprovedNomineeAsync("INV-AGAIN", "BR", "Joana Prado", "pt");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        await InviteAllAsync(staff, cohort);
        var link = await LinkToAsync(email);

        // A Spanish browser opens the Portuguese invitation.
        using var visitor = fixture.App.NewClient("es");
        var (_, rsvp) = await visitor.GetPageAsync(link);
        rsvp.DocumentElement.GetAttribute("lang").Should().Be("pt");
        var (_, thanks) = await visitor.SubmitAsync(rsvp, new Dictionary<string, string?> { ["accept"] = "true" });
        thanks.DocumentElement.GetAttribute("lang").Should().Be("pt", "the thank-you page speaks the invitation's language");
        var (_, password) = await visitor.GetPageAsync(thanks.QuerySelector("[data-testid=set-password]")!.GetAttribute("href")!);
        password.DocumentElement.GetAttribute("lang").Should().Be("pt", "so does the password page after it");

        // Declining afterwards from the same page (a second tab, the back button) records nothing and says so.
        var (again, answered) = await visitor.SubmitAsync(rsvp, new Dictionary<string, string?> { ["accept"] = "false" });
        again.StatusCode.Should().Be(HttpStatusCode.Gone);
        answered.QuerySelector("[data-testid=rsvp-thanks]").Should().BeNull("nothing was recorded to thank for");
        answered.QuerySelector("[data-testid=rsvp-current-answer]")!.TextContent.Should().StartWith("Você aceitou este convite em ");
        answered.QuerySelector("[data-testid=rsvp-closed]")!.TextContent.Should().Contain("este link não pode alterá-la");
        (await fixture.App.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.CohortId == cohort))).Status.Should().Be(InvitationStatus.Accepted);
    }

    [Fact]
    public async Task Reminders_go_to_those_who_have_not_answered_and_never_twice_on_the_same_day()
    {
        var (cohort, email) = await ApprovedNomineeAsync("INV-REM", "CL", "Pía Contreras", "es");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        await InviteAllAsync(staff, cohort);
        await LinkToAsync(email);

        var (_, board) = await staff.GetPageAsync($"/invitations?cohort={cohort}");
        await staff.SubmitAsync(board, new Dictionary<string, string?>(), "form[action='/invitations/remind']");
        var reminder = await fixture.Smtp.WaitForMessageToAsync(email);
        var (_, again) = await staff.GetPageAsync($"/invitations?cohort={cohort}");
        await staff.SubmitAsync(again, new Dictionary<string, string?>(), "form[action='/invitations/remind']");
        var (_, after) = await staff.GetPageAsync($"/invitations?cohort={cohort}");

        reminder.Subject.Should().StartWith("Recordatorio");
        reminder.TextBody.Should().NotMatchRegex(@"[.!?][A-ZÁÉÍÓÚÑ]", "every sentence of the plain-text part is followed by a space or a line break");
        after.QuerySelector("[role=status]")!.TextContent.Should().Contain("Reminders sent: 0.");
        (await fixture.App.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.CohortId == cohort))).ReminderCount.Should().Be(1);
    }

    [Fact]
    public async Task A_reminder_leaves_the_first_emails_link_working_and_only_a_resend_replaces_the_links()
    {
        var (cohort, email) = await ApprovedNomineeAsync("INV-LINKS", "EC", "Gabriela Andrade", "es");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        await InviteAllAsync(staff, cohort);
        var first = await LinkToAsync(email);
        var (_, board) = await staff.GetPageAsync($"/invitations?cohort={cohort}");
        await staff.SubmitAsync(board, new Dictionary<string, string?>(), "form[action='/invitations/remind']");
        var fromReminder = await LinkToAsync(email);
        using var visitor = fixture.App.NewClient("es");

        var (firstAfterReminder, firstPage) = await visitor.GetPageAsync(first);
        firstAfterReminder.StatusCode.Should().Be(HttpStatusCode.OK, "the person may still click the first e-mail after a reminder");
        firstPage.QuerySelector("form button[name=accept]").Should().NotBeNull();
        (await visitor.GetAsync(fromReminder)).StatusCode.Should().Be(HttpStatusCode.OK);

        var id = await fixture.App.WithDbAsync(db => db.Invitations.Where(i => i.CohortId == cohort).Select(i => i.Id).SingleAsync());
        (_, board) = await staff.GetPageAsync($"/invitations?cohort={cohort}");
        await staff.SubmitAsync(board, new Dictionary<string, string?>(), $"form[action^='/invitations/{id}/resend']");
        var resent = await LinkToAsync(email);
        await ExpectClosedAsync(visitor, first, HttpStatusCode.NotFound, "Unknown", "Este enlace no es válido");
        await ExpectClosedAsync(visitor, fromReminder, HttpStatusCode.NotFound, "Unknown", "Este enlace no es válido");

        var (_, rsvp) = await visitor.GetPageAsync(resent);
        var (_, thanks) = await visitor.SubmitAsync(rsvp, new Dictionary<string, string?> { ["accept"] = "false" });
        thanks.QuerySelector("[data-testid=rsvp-thanks]")!.GetAttribute("data-accepted").Should().Be("false");
    }

    [Fact]
    public async Task The_automatic_reminder_before_expiry_is_sent_once_even_when_two_run_at_the_same_time()
    {
        var (cohort, email) = await ApprovedNomineeAsync("INV-AUTO", "PE", "Rocío Huamán", "es");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        await InviteAllAsync(staff, cohort);
        await LinkToAsync(email);
        await fixture.App.WithDbAsync(db => db.Invitations.Where(i => i.CohortId == cohort)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ExpiresAtUtc, DateTime.UtcNow.AddDays(2))));
        var delivered = fixture.App.OutboxAttemptsAsync(1);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(fixture.App.Services);
            return await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<ChampionPortal.Web.Features.Invitations.InvitationService>(scope.ServiceProvider).RemindBeforeExpiryAsync(3);
        }));
        await delivered;

        results.Sum().Should().Be(1);
        (await fixture.Smtp.WaitForMessageToAsync(email)).Subject.Should().StartWith("Recordatorio");
        (await fixture.App.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.CohortId == cohort))).ReminderCount.Should().Be(1);
    }

    [Fact]
    public async Task A_country_office_follows_its_own_countrys_invitations_read_only()
    {
        var (cohort, _) = await ApprovedNomineeAsync("INV-CO", "UY", "Lorena Silva", "es");
        await ApprovedNomineeAsync("INV-CO", "PY", "Graciela Benítez", "es");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        await InviteAllAsync(staff, cohort);
        using var office = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "UY");

        var (_, board) = await office.GetPageAsync($"/invitations?cohort={cohort}");

        board.QuerySelectorAll("tr[data-id] td:nth-child(2)").Select(td => td.TextContent).Should().Equal("UY");
        board.QuerySelector("[data-testid=invite]").Should().BeNull();
        board.QuerySelector("form[action$='/revoke']").Should().BeNull();
        var id = await fixture.App.WithDbAsync(db => db.Invitations.Where(i => i.CohortId == cohort && i.CountryCode == "UY").Select(i => i.Id).SingleAsync());
        var token = board.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await office.GetPageAsync("/account/profile")).Page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (revoke, _) = await office.PostAsync($"/invitations/{id}/revoke?cohort={cohort}", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        revoke.StatusCode.Should().Be(HttpStatusCode.Redirect);
        revoke.Headers.Location!.ToString().Should().Contain("access-denied");
        (await fixture.App.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == id))).Status.Should().Be(InvitationStatus.Sent);
    }

    [Fact]
    public async Task An_invitation_to_a_cohort_without_sessions_yet_says_the_programme_will_follow()
    {
        var (cohort, _) = await fixture.App.AddCohortAsync("INV-NOSESSIONS");
        var person = await fixture.App.AddAuthorityAsync("Olga Benítez", await fixture.App.AddLocalGovernmentAsync("Asunción INV-NS", "PY"), "PY");
        await fixture.App.AddInvitationAsync(cohort, person, InvitationStatus.Sent, token: "inv-no-sessions-token-of-olga");
        using var visitor = fixture.App.NewClient("es");

        var (_, rsvp) = await visitor.GetPageAsync("/rsvp/inv-no-sessions-token-of-olga");

        rsvp.QuerySelectorAll("[data-testid=rsvp-session]").Should().BeEmpty();
        rsvp.QuerySelector("[data-testid=rsvp-programme-to-come]")!.TextContent.Should().Be("El programa con las fechas de las sesiones le llegará por correo cuando esté definido.");
    }

    private static async Task ExpectClosedAsync(PortalClient visitor, string url, HttpStatusCode status, string state, string title)
    {
        var (response, page) = await visitor.GetPageAsync(url);
        response.StatusCode.Should().Be(status, url);
        page.QuerySelector("[data-testid=rsvp-closed]")!.GetAttribute("data-state").Should().Be(state);
        page.QuerySelector("h1")!.TextContent.Should().Be(title);
    }

    private async Task<string> LinkToAsync(string email) =>
        new Uri(LinkPattern().Match((await fixture.Smtp.WaitForMessageToAsync(email)).TextBody!).Value).PathAndQuery;

    private async Task InviteAllAsync(PortalClient staff, int cohort)
    {
        var (_, board) = await staff.GetPageAsync($"/invitations?cohort={cohort}");
        var (shown, confirmation) = await staff.SubmitAsync(board, new Dictionary<string, string?>(), "form[data-testid=invite]");
        shown.StatusCode.Should().Be(HttpStatusCode.OK, "nothing is sent before the confirmation");
        confirmation.QuerySelector("[data-testid=confirm-summary]").Should().NotBeNull();
        (await fixture.App.WithDbAsync(db => db.Invitations.CountAsync(i => i.CohortId == cohort && i.Status == InvitationStatus.Sent && i.SentAtUtc > DateTime.UtcNow.AddSeconds(-2))))
            .Should().Be(0, "the first form only shows whom the invitations would go to");
        var (response, _) = await staff.SubmitAsync(confirmation, new Dictionary<string, string?>());
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    /// <summary>An open cohort (reused by code) with its events, and an approved nomination of a new authority.</summary>
    private async Task<(int Cohort, string Email)> ApprovedNomineeAsync(string cohortCode, string country, string name, string language)
    {
        var email = $"{Guid.NewGuid():N}@invited.example.org";
        var government = await fixture.App.AddLocalGovernmentAsync($"Gobierno {Guid.NewGuid():N}", country);
        var cohortId = await fixture.App.WithDbAsync(async db =>
        {
            var cohort = await db.Cohorts.SingleOrDefaultAsync(c => c.Code == cohortCode);
            if (cohort is null)
            {
                cohort = new Cohort { Code = cohortCode, Name = $"Cohorte {cohortCode}", StartDate = new DateOnly(2026, 1, 1), EndDate = new DateOnly(2026, 12, 31), Status = CohortStatus.Open };
                var forum = new Event { Cohort = cohort, Kind = EventKind.LaunchForum, Name = "Foro de lanzamiento", DefaultTimeZone = "America/Sao_Paulo" };
                forum.Sessions.Add(new Session { Code = "FORO", Title = "Foro", StartsAtUtc = new DateTime(2026, 12, 10, 13, 0, 0, DateTimeKind.Utc), EndsAtUtc = new DateTime(2026, 12, 10, 15, 0, 0, DateTimeKind.Utc), TimeZone = "America/Sao_Paulo" });
                db.Cohorts.Add(cohort);
                db.Events.Add(forum);
            }

            var authority = new Authority { FullName = name, Position = "Alcaldesa", Email = email, CountryCode = country, LocalGovernmentId = government, PreferredLanguage = language };
            db.Nominations.Add(new Nomination
            {
                Cohort = cohort,
                Authority = authority,
                CountryCode = country,
                Justification = "Test",
                Status = NominationStatus.Approved,
                LocalGovernmentId = government,
            });
            await db.SaveChangesAsync();
            return cohort.Id;
        });
        return (cohortId, email);
    }

    [GeneratedRegex(@"https?://\S+/rsvp/\S+")]
    private static partial Regex LinkPattern();
}
