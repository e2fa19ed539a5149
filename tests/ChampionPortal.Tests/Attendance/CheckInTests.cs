using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Attendance;

public sealed class CheckInTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_signed_in_authority_checks_in_with_the_code_during_the_window_once_and_is_refused_outside_it()
    {
        var (cohort, sessions) = await fixture.App.AddCohortAsync(
            "CHK1",
            ("NOW", EventKind.LaunchForum, DateTime.UtcNow.AddMinutes(-10), 120, "America/Asuncion"),
            ("TOMORROW", EventKind.Workshop, DateTime.UtcNow.AddDays(1), 120, "America/Asuncion"),
            ("PAST", EventKind.Workshop, DateTime.UtcNow.AddDays(-2), 120, "America/Asuncion"));
        var place = await fixture.App.AddLocalGovernmentAsync("Encarnación CHK1", "PY");
        var person = await fixture.App.AddAuthorityAsync("Lidia Villalba", place, "PY");
        await fixture.App.AddInvitationAsync(cohort, person);
        using var authority = await fixture.App.SignedInClientAsync(Roles.Authority, authorityId: person);

        (await CheckInAsync(authority, "/check-in?code=CHK1NOW")).Should().Be("CheckedIn");
        (await CheckInAsync(authority, "/check-in?code=chk1-now")).Should().Be("AlreadyCheckedIn", "codes are read forgiving of case and dashes");
        var mark = await fixture.App.WithDbAsync(db => db.Attendances.AsNoTracking().SingleAsync(a => a.SessionId == sessions["NOW"]));
        (mark.AuthorityId, mark.Status, mark.Source, mark.LocalGovernmentId, mark.CountryCode).Should().Be((person, AttendanceStatus.Present, AttendanceSource.CheckIn, place, "PY"));

        (await CheckInAsync(authority, "/check-in?code=CHK1TOMORROW")).Should().Be("NotOpen");
        (await CheckInAsync(authority, "/check-in?code=CHK1PAST")).Should().Be("Closed", "a session that is over does not speak of opening");
        (await CheckInAsync(authority, "/check-in?code=NOSUCH")).Should().Be("UnknownCode");
        (await fixture.App.WithDbAsync(db => db.Attendances.CountAsync(a => a.SessionId == sessions["TOMORROW"] || a.SessionId == sessions["PAST"]))).Should().Be(0);
    }

    [Fact]
    public async Task The_invitation_link_checks_its_person_in_without_signing_in_and_people_outside_the_cohort_are_refused()
    {
        var (cohort, sessions) = await fixture.App.AddCohortAsync("CHK2", ("NOW", EventKind.LaunchForum, DateTime.UtcNow.AddMinutes(-5), 60, "America/La_Paz"));
        var place = await fixture.App.AddLocalGovernmentAsync("Sucre CHK2", "BO");
        var invited = await fixture.App.AddAuthorityAsync("Wilma Quispe", place, "BO");
        await fixture.App.AddInvitationAsync(cohort, invited, token: "chk2-invitation-token-of-wilma");
        var outsider = await fixture.App.AddAuthorityAsync("Nadia Mamani", place, "BO");
        using var visitor = fixture.App.NewClient();

        (await CheckInAsync(visitor, "/check-in/invitation/chk2-invitation-token-of-wilma?code=CHK2NOW")).Should().Be("CheckedIn");
        (await fixture.App.WithDbAsync(db => db.Attendances.SingleAsync(a => a.SessionId == sessions["NOW"]))).AuthorityId.Should().Be(invited);
        (await visitor.GetAsync("/check-in/invitation/not-a-real-token?code=CHK2NOW")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        using var other = await fixture.App.SignedInClientAsync(Roles.Authority, authorityId: outsider);
        (await CheckInAsync(other, "/check-in?code=CHK2NOW")).Should().Be("NotInvited");

        var (_, anonymous) = await visitor.GetPageAsync("/check-in?code=CHK2NOW");
        anonymous.QuerySelector("[data-testid=check-in-sign-in]")!.GetAttribute("href").Should().Contain("returnUrl=%2Fcheck-in%3Fcode%3DCHK2NOW");
    }

    [Fact]
    public async Task Coming_to_a_session_answers_an_unanswered_invitation_and_staff_see_how_it_was_accepted()
    {
        var (cohort, sessions) = await fixture.App.AddCohortAsync("CHK4", ("NOW", EventKind.LaunchForum, DateTime.UtcNow.AddMinutes(-15), 120, "America/Montevideo"));
        var place = await fixture.App.AddLocalGovernmentAsync("Paysandú CHK4", "UY");
        var silent = await fixture.App.AddAuthorityAsync("Valeria Núñez", place, "UY");
        await fixture.App.AddInvitationAsync(cohort, silent, InvitationStatus.Sent);
        var markedByStaff = await fixture.App.AddAuthorityAsync("Ignacio Sosa", place, "UY");
        await fixture.App.AddInvitationAsync(cohort, markedByStaff, InvitationStatus.Expired);
        using var authority = await fixture.App.SignedInClientAsync(Roles.Authority, language: "es", authorityId: silent);

        var (_, form) = await authority.GetPageAsync("/check-in?code=CHK4NOW");
        var (_, result) = await authority.SubmitAsync(form, new Dictionary<string, string?>(), "[data-testid=check-in-form]");
        result.QuerySelector("[data-testid=check-in-result]")!.GetAttribute("data-outcome").Should().Be("CheckedIn");
        result.QuerySelector("[data-testid=check-in-accepted]")!.TextContent.Should().Be("Su invitación a la cohorte quedó aceptada con este registro.");

        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "es");
        var (_, register) = await staff.GetPageAsync($"/sessions/{sessions["NOW"]}/attendance");
        var row = register.QuerySelectorAll("[data-testid=register] tbody tr").Single(r => r.TextContent.Contains("Ignacio Sosa", StringComparison.Ordinal));
        var fields = new Dictionary<string, string?> { [row.QuerySelector("select[name$='.Status']")!.GetAttribute("name")!] = "Present" };
        await staff.SubmitAsync(register, fields, "[data-testid=register-form]");

        (await fixture.App.WithDbAsync(db => db.Invitations.AsNoTracking().Where(i => i.CohortId == cohort).ToDictionaryAsync(i => i.AuthorityId, i => (i.Status, i.AcceptedAtSession))))
            .Should().BeEquivalentTo(new Dictionary<int, (InvitationStatus, bool)> { [silent] = (InvitationStatus.Accepted, true), [markedByStaff] = (InvitationStatus.Accepted, true) });
        var (_, after) = await staff.GetPageAsync($"/sessions/{sessions["NOW"]}/attendance");
        after.QuerySelectorAll("[data-testid=register] tbody tr [data-testid=invitation-status]").Select(b => b.TextContent.Trim())
            .Should().Equal("Aceptada al asistir", "Aceptada al asistir");

        var (_, board) = await staff.GetPageAsync($"/invitations?cohort={cohort}");
        board.QuerySelectorAll("[data-testid=accepted-at-session]").Select(n => n.TextContent).Should().Equal("al asistir a una sesión", "al asistir a una sesión");

        // The funnel never counts more people at an event than accepted the invitation.
        var (_, funnel) = await staff.GetPageAsync($"/funnel?cohort={cohort}");
        funnel.QuerySelector("[data-testid=funnel-table] tr[data-stage=Accepted] [data-testid=people]")!.TextContent.Should().Be("2");
        funnel.QuerySelector("[data-testid=funnel-table] tr[data-stage=Event] [data-testid=people]")!.TextContent.Should().Be("2");
    }

    [Fact]
    public async Task The_check_in_screen_shows_the_code_and_a_qr_code_of_the_check_in_address()
    {
        var (_, sessions) = await fixture.App.AddCohortAsync("CHK3", ("NOW", EventKind.LaunchForum, DateTime.UtcNow.AddMinutes(-5), 60, "America/Lima"));
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var (_, screen) = await staff.GetPageAsync($"/sessions/{sessions["NOW"]}/attendance/check-in");

        screen.QuerySelector("[data-testid=check-in-code]")!.TextContent.Should().Be("CHK3NOW");
        screen.QuerySelector("[data-testid=check-in-qr] svg")!.QuerySelectorAll("rect, path").Length.Should().BeGreaterThan(0);
        screen.QuerySelector("main code")!.TextContent.Should().EndWith("/check-in?code=CHK3NOW");
    }

    private static async Task<string?> CheckInAsync(PortalClient client, string url)
    {
        var (_, form) = await client.GetPageAsync(url);
        var (response, result) = await client.SubmitAsync(form, new Dictionary<string, string?>(), "[data-testid=check-in-form]");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return result.QuerySelector("[data-testid=check-in-result]")?.GetAttribute("data-outcome");
    }
}
