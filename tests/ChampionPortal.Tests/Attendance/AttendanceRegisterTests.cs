using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Attendance;

public sealed class AttendanceRegisterTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Staff_mark_row_by_row_and_in_bulk_close_the_rest_as_absent_and_the_represented_local_government_is_what_counts()
    {
        var (cohort, sessions) = await fixture.App.AddCohortAsync(
            "REG1",
            ("FORUM", EventKind.LaunchForum, DateTime.UtcNow.AddDays(-3), 120, "America/Lima"),
            ("LATER", EventKind.Workshop, DateTime.UtcNow.AddDays(5), 120, "America/Lima"));
        var lima = await fixture.App.AddLocalGovernmentAsync("Lima REG1", "PE", LocalGovernmentKind.Municipality);
        var arequipa = await fixture.App.AddLocalGovernmentAsync("Arequipa REG1", "PE", LocalGovernmentKind.Province);
        var people = new Dictionary<string, int>();
        foreach (var (name, status) in new[] { ("Zoila Accepted", InvitationStatus.Accepted), ("Abel Sent", InvitationStatus.Sent), ("Bruno Accepted", InvitationStatus.Accepted), ("Rita Revoked", InvitationStatus.Revoked) })
        {
            people[name] = await fixture.App.AddAuthorityAsync(name, lima, "PE");
            await fixture.App.AddInvitationAsync(cohort, people[name], status);
        }

        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var forum = sessions["FORUM"];
        var (_, register) = await staff.GetPageAsync($"/sessions/{forum}/attendance");
        Names(register).Should().Equal(["Bruno Accepted", "Zoila Accepted", "Abel Sent"], "accepted invitations come first, revoked ones not at all");

        // Row by row: Zoila was there on behalf of Arequipa, not of her current Lima.
        var zoila = RowIndex(register, people["Zoila Accepted"]);
        var (saved, _) = await staff.SubmitAsync(register, new Dictionary<string, string?>
        {
            [$"form.Rows[{zoila}].Status"] = "Present",
            [$"form.Rows[{zoila}].LocalGovernmentId"] = arequipa.ToString(CultureInfo.InvariantCulture),
        }, "[data-testid=register-form]");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);

        // In bulk: Bruno selected and marked excused.
        var (_, afterRow) = await staff.GetPageAsync($"/sessions/{forum}/attendance");
        var bruno = RowIndex(afterRow, people["Bruno Accepted"]);
        await staff.SubmitAsync(afterRow, new Dictionary<string, string?> { [$"form.Rows[{bruno}].Selected"] = "true", ["form.Bulk"] = "Excused" }, "[data-testid=register-form]");

        // The unmarked rest (Abel) is closed as absent once the session has ended.
        var (_, beforeClose) = await staff.GetPageAsync($"/sessions/{forum}/attendance");
        (await staff.SubmitAsync(beforeClose, new Dictionary<string, string?>(), "form[action$='/close']")).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var marks = await fixture.App.WithDbAsync(db => db.Attendances.Where(a => a.SessionId == forum).ToDictionaryAsync(a => a.AuthorityId, a => (a.Status, a.LocalGovernmentId, a.Source)));
        marks.Should().HaveCount(3);
        marks[people["Zoila Accepted"]].Should().Be((AttendanceStatus.Present, arequipa, AttendanceSource.Register));
        marks[people["Bruno Accepted"]].Status.Should().Be(AttendanceStatus.Excused);
        marks[people["Abel Sent"]].Status.Should().Be(AttendanceStatus.Absent);

        var (_, dashboard) = await staff.GetPageAsync($"/funnel?cohort={cohort}");
        CohortRegisterImportTests.Figures(dashboard, "Event", "Launch forum").Should().Be((1, 1, 1));
        var kinds = dashboard.QuerySelector("[data-testid=kinds-table]")!;
        var forumColumn = dashboard.QuerySelectorAll("[data-testid=kinds-table] thead th").Select(t => t.TextContent).ToList().IndexOf("Launch forum");
        kinds.QuerySelector("tr[data-key=Province]")!.Children[forumColumn].TextContent.Should().Be("1", "Zoila represented Arequipa, a province, at the forum");
        kinds.QuerySelector("tr[data-key=Municipality]")!.Children[forumColumn].TextContent.Should().Be("0");

        // A session that has not ended cannot be closed.
        var later = sessions["LATER"];
        var (_, laterRegister) = await staff.GetPageAsync($"/sessions/{later}/attendance");
        laterRegister.QuerySelector("[data-testid=close-unmarked]")!.HasAttribute("disabled").Should().BeTrue();
        await staff.PostAsync($"/sessions/{later}/attendance/close", [new("__RequestVerificationToken", Token(laterRegister))]);
        var (_, notYet) = await staff.GetPageAsync($"/sessions/{later}/attendance");
        notYet.QuerySelector("main .alert")!.TextContent.Should().Contain("has not ended yet");
        (await fixture.App.WithDbAsync(db => db.Attendances.CountAsync(a => a.SessionId == later))).Should().Be(0);
    }

    [Fact]
    public async Task A_register_saved_over_someone_elses_change_keeps_their_mark_and_says_whose_rows_they_were()
    {
        var (cohort, sessions) = await fixture.App.AddCohortAsync("REG2", ("FORUM", EventKind.LaunchForum, DateTime.UtcNow.AddDays(-1), 60, "America/Santiago"));
        var place = await fixture.App.AddLocalGovernmentAsync("Valparaíso REG2", "CL");
        var person = await fixture.App.AddAuthorityAsync("Carmen Ortúzar", place, "CL");
        await fixture.App.AddInvitationAsync(cohort, person);
        using var first = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        using var second = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, stale) = await first.GetPageAsync($"/sessions/{sessions["FORUM"]}/attendance");
        var (_, fresh) = await second.GetPageAsync($"/sessions/{sessions["FORUM"]}/attendance");
        await second.SubmitAsync(fresh, new Dictionary<string, string?> { ["form.Rows[0].Status"] = "Excused" }, "[data-testid=register-form]");

        await first.SubmitAsync(stale, new Dictionary<string, string?> { ["form.Rows[0].Status"] = "Absent" }, "[data-testid=register-form]");

        var (_, after) = await first.GetPageAsync($"/sessions/{sessions["FORUM"]}/attendance");
        after.QuerySelector("main .alert")!.TextContent.Should().Contain("Someone else changed these rows").And.Contain("Carmen Ortúzar");
        (await fixture.App.WithDbAsync(db => db.Attendances.SingleAsync(a => a.SessionId == sessions["FORUM"]))).Status.Should().Be(AttendanceStatus.Excused);
    }

    [Fact]
    public async Task Only_regional_staff_and_administrators_reach_a_register()
    {
        var (_, sessions) = await fixture.App.AddCohortAsync("REG3", ("FORUM", EventKind.LaunchForum, DateTime.UtcNow.AddDays(-1), 60, "America/Bogota"));
        foreach (var (role, country) in new[] { (Roles.CountryOffice, "CO"), (Roles.Authority, (string?)null) })
        {
            using var client = await fixture.App.SignedInClientAsync(role, country);
            foreach (var url in new[] { $"/sessions/{sessions["FORUM"]}/attendance", $"/sessions/{sessions["FORUM"]}/attendance/check-in", $"/sessions/{sessions["FORUM"]}/attendance/report" })
            {
                var response = await client.GetAsync(url);
                response.Headers.Location!.ToString().Should().Contain("/account/access-denied", $"{role} asked for {url}");
            }
        }

        using var admin = await fixture.App.SignedInClientAsync(Roles.Administrator);
        (await admin.GetAsync($"/sessions/{sessions["FORUM"]}/attendance")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.GetAsync("/sessions/999999/attendance")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static List<string> Names(IDocument register) =>
        [.. register.QuerySelectorAll("[data-testid=register] tbody tr").Select(r => r.QuerySelectorAll("td")[1].QuerySelector("label")!.TextContent)];

    private static int RowIndex(IDocument register, int authorityId) =>
        register.QuerySelectorAll("[data-testid=register] tbody tr").Select(r => r.GetAttribute("data-authority")).ToList().IndexOf(authorityId.ToString(CultureInfo.InvariantCulture));

    private static string Token(IDocument page) => page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
