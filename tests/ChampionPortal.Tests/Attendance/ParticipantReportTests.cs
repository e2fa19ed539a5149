using System.Net;
using System.Text;
using AngleSharp.Dom;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Attendance;

public sealed class ParticipantReportTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private sealed record Invitees(int SessionId, int Rosa, int Oscar, int Jose, int Ana, int Marta);

    [Fact]
    public async Task A_zoom_export_adds_up_rejoins_across_midnight_matches_by_email_then_name_and_waits_for_uncertain_matches()
    {
        // 22:30–00:30 in Bogotá: a session that crosses midnight.
        var who = await SessionWithInviteesAsync("ZOOM", new DateTime(2023, 11, 9, 3, 30, 0, DateTimeKind.Utc), "America/Bogota");
        var csv = string.Join("\r\n",
            "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent",
            "Rosa Benítez (Rosa),rosa@zoom.example.org,11/08/2023 10:28:00 PM,11/08/2023 11:10:00 PM,42,No,Y",
            "\"Perez, Oscar\",oscar@zoom.example.org,11/08/2023 10:35:00 PM,11/08/2023 10:50:00 PM,15,No,Y",
            "jose perez,,11/08/2023 10:31:00 PM,11/09/2023 12:20:00 AM,109,Yes,Y",
            "Rosa Benítez,rosa@zoom.example.org,11/08/2023 11:15:00 PM,11/09/2023 12:31:00 AM,76,No,Y",
            "Ana Fernández (Municipio de Salto),,11/08/2023 10:40:00 PM,11/08/2023 11:55:00 PM,75,Yes,Y",
            "Intérprete Zoom,,11/08/2023 10:29:00 PM,11/09/2023 12:30:00 AM,121,Yes,Y");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var review = await UploadAsync(staff, who.SessionId, "participants_8123.csv", Encoding.UTF8.GetBytes(csv));

        Participant(review, "Rosa Benítez").GetAttribute("data-match").Should().Be("Email");
        Participant(review, "Rosa Benítez").QuerySelectorAll("td")[2].TextContent.Trim().Should().Be("118", "the two stays add up, across midnight");
        Participant(review, "jose perez").GetAttribute("data-match").Should().Be("Name");
        Participant(review, "Ana Fernández").GetAttribute("data-match").Should().Be("Uncertain");
        Participant(review, "Intérprete Zoom").GetAttribute("data-match").Should().Be("None");
        review.QuerySelector($"[data-testid=proposals] tr[data-authority='{who.Oscar}']")!.GetAttribute("data-proposed").Should().Be("Absent", "15 of 120 minutes is below half");

        var (refused, again) = await staff.SubmitAsync(review, new Dictionary<string, string?>(), "[data-testid=reconcile-form]");
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        again.QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("Confirm or correct every uncertain match");
        (await MarksAsync(who.SessionId)).Should().BeEmpty("nothing is saved before every uncertain match is decided");

        var ana = Participant(again, "Ana Fernández").GetAttribute("data-participant");
        var (saved, _) = await staff.SubmitAsync(again, new Dictionary<string, string?> { [$"form.Matches[{ana}]"] = who.Ana.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "[data-testid=reconcile-form]");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var marks = await MarksAsync(who.SessionId);
        marks[who.Rosa].Should().Be((AttendanceStatus.Present, 118));
        marks[who.Oscar].Should().Be((AttendanceStatus.Absent, 15));
        marks[who.Jose].Should().Be((AttendanceStatus.Present, 109));
        marks[who.Ana].Should().Be((AttendanceStatus.Present, 75));
        marks[who.Marta].Should().Be((AttendanceStatus.Absent, 0));
    }

    [Fact]
    public async Task A_teams_attendance_report_in_utf16_with_summary_sections_reconciles_from_its_in_meeting_activities()
    {
        var who = await SessionWithInviteesAsync("TEAMS", new DateTime(2023, 11, 22, 14, 0, 0, DateTimeKind.Utc), "America/Argentina/Buenos_Aires");
        var report = string.Join("\r\n",
            "1. Summary",
            "Meeting title\tWorkshop, session 2",
            "Attended participants\t4",
            "Start time\t11/22/23, 10:55:03 AM",
            "End time\t11/22/23, 1:05:40 PM",
            "",
            "2. Participants",
            "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole",
            "Rosa Benítez\t11/22/23, 10:58:12 AM\t11/22/23, 1:01:00 PM\t1h 52m 48s\trosa@teams.example.org\trosa@teams.example.org\tAttendee",
            "Óscar Pérez\t11/22/23, 11:00:00 AM\t11/22/23, 11:20:00 AM\t20m\toscar@teams.example.org\toscar@teams.example.org\tAttendee",
            "",
            "3. In-Meeting Activities",
            "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole",
            "Rosa Benítez\t11/22/23, 10:58:12 AM\t11/22/23, 11:40:00 AM\t41m 48s\trosa@teams.example.org\tAttendee",
            "Óscar Pérez\t11/22/23, 11:00:00 AM\t11/22/23, 11:20:00 AM\t20m\toscar@teams.example.org\tAttendee",
            "Rosa Benítez\t11/22/23, 11:50:00 AM\t11/22/23, 1:01:00 PM\t1h 11m\trosa@teams.example.org\tAttendee",
            "Marta Quiroga\t11/22/23, 11:05:00 AM\t11/22/23, 12:50:00 PM\t1h 45m\tmarta.personal@teams.example.org\tAttendee",
            "Guest (Unverified)\t11/22/23, 11:00:00 AM\t11/22/23, 12:00:00 PM\t1h\t\tAttendee");
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(report)).ToArray();
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var review = await UploadAsync(staff, who.SessionId, "Workshop session 2 - Attendance report.csv", bytes);

        Participant(review, "Rosa Benítez").QuerySelectorAll("td")[2].TextContent.Trim().Should().Be("113", "41:48 and 71 minutes, re-joined");
        Participant(review, "Marta Quiroga").GetAttribute("data-match").Should().Be("Name", "another e-mail, but the same name");
        Participant(review, "Guest (Unverified)").GetAttribute("data-match").Should().Be("None");
        (await staff.SubmitAsync(review, new Dictionary<string, string?>(), "[data-testid=reconcile-form]")).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var marks = await MarksAsync(who.SessionId);
        marks[who.Rosa].Should().Be((AttendanceStatus.Present, 113));
        marks[who.Oscar].Should().Be((AttendanceStatus.Absent, 20));
        marks[who.Marta].Should().Be((AttendanceStatus.Present, 105));
        marks[who.Jose].Status.Should().Be(AttendanceStatus.Absent);
    }

    [Fact]
    public async Task An_unrecognized_report_is_mapped_by_staff_and_the_mapping_is_remembered_for_the_next_file_of_that_shape()
    {
        var who = await SessionWithInviteesAsync("MAP", new DateTime(2023, 11, 23, 14, 0, 0, DateTimeKind.Utc), "America/Montevideo");
        var csv = "Participante;Correo;Minutos conectados\nRosa Benítez;rosa@map.example.org;65\nÓscar Pérez;oscar@map.example.org;12.5\nRosa Benítez;rosa@map.example.org;30";
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var mapping = await UploadAsync(staff, who.SessionId, "asistencia.csv", Encoding.UTF8.GetBytes(csv));
        mapping.QuerySelector("[data-testid=mapping-form]").Should().NotBeNull("the headers are not Zoom's or Teams'");

        var (_, refused) = await staff.SubmitAsync(mapping, new Dictionary<string, string?> { ["form.EmailColumn"] = "1", ["form.DurationColumn"] = "2" }, "[data-testid=mapping-form]");
        refused.QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("Choose the column that holds the name.");

        var (_, review) = await staff.SubmitAsync(
            refused, new Dictionary<string, string?> { ["form.NameColumn"] = "0", ["form.EmailColumn"] = "1", ["form.DurationColumn"] = "2" }, "[data-testid=mapping-form]");
        Participant(review, "Rosa Benítez").QuerySelectorAll("td")[2].TextContent.Trim().Should().Be("95");
        (await staff.SubmitAsync(review, new Dictionary<string, string?>(), "[data-testid=reconcile-form]")).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await MarksAsync(who.SessionId))[who.Rosa].Should().Be((AttendanceStatus.Present, 95));

        var next = await UploadAsync(staff, who.SessionId, "asistencia-2.csv", Encoding.UTF8.GetBytes(csv.Replace("65", "20", StringComparison.Ordinal)));
        next.QuerySelector("[data-testid=mapping-form]").Should().BeNull("the mapping of this header was remembered");
        Participant(next, "Rosa Benítez").QuerySelectorAll("td")[2].TextContent.Trim().Should().Be("50");
    }

    [Fact]
    public async Task A_report_whose_times_fall_on_another_day_is_refused_and_one_with_a_stray_stay_names_its_row()
    {
        // 11:00–13:00 in Buenos Aires on 3 Dec; the export is of a meeting on 1 Dec.
        var who = await SessionWithInviteesAsync("OTHERDAY", new DateTime(2023, 12, 3, 14, 0, 0, DateTimeKind.Utc), "America/Argentina/Buenos_Aires");
        var header = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent";
        string[] firstOfDecember =
        [
            "Rosa Benítez,rosa@otherday.example.org,12/01/2023 11:00:00 AM,12/01/2023 12:30:00 PM,90,No,Y",
            "Óscar Pérez,oscar@otherday.example.org,12/01/2023 11:05:00 AM,12/01/2023 12:55:00 PM,110,No,Y",
            "José Pérez,jose@otherday.example.org,12/01/2023 11:02:00 AM,12/01/2023 12:40:00 PM,98,No,Y",
            "Marta Quiroga,marta@otherday.example.org,12/01/2023 10:58:00 AM,12/01/2023 01:00:00 PM,122,No,Y",
        ];
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "es");

        var page = await UploadAsync(staff, who.SessionId, "participants_1dec.csv", Encoding.UTF8.GetBytes(string.Join("\n", [header, .. firstOfDecember])));

        var es = System.Globalization.CultureInfo.GetCultureInfo("es");
        string On(int day, int hour, int minute) => new DateTime(2023, 12, day, hour, minute, 0).ToString("d MMM yyyy HH:mm", es);
        page.QuerySelector("[data-testid=import-problems]")!.TextContent.Should().Contain(
            $"Las horas del informe (del {On(1, 10, 58)} al {On(1, 13, 0)}) no coinciden con las de la sesión (del {On(3, 11, 0)} al {On(3, 13, 0)}): ¿es el informe de esta sesión?");
        page.QuerySelector("[data-testid=reconcile-form]").Should().BeNull("no one is proposed as present from another day's meeting");
        (await MarksAsync(who.SessionId)).Should().BeEmpty();

        // A report of this session with one stay from another day: that row is named and nothing can be confirmed.
        var mixed = string.Join("\n", header,
            "Rosa Benítez,rosa@otherday.example.org,12/03/2023 11:00:00 AM,12/03/2023 12:30:00 PM,90,No,Y",
            firstOfDecember[1]);
        var review = await UploadAsync(staff, who.SessionId, "participants_3dec.csv", Encoding.UTF8.GetBytes(mixed));
        review.QuerySelector("[data-testid=import-problems] li[data-row='3']")!.TextContent.Should().Contain(
            $"la estancia del {On(1, 11, 5)} al {On(1, 12, 55)} no coincide con la sesión.");
        review.QuerySelector("[data-testid=reconcile-form]").Should().BeNull("the stray row must be taken out of the file first");
    }

    [Fact]
    public async Task A_report_for_a_session_not_yet_held_is_refused()
    {
        var starts = DateTime.UtcNow.Date.AddDays(3).AddHours(14);
        var who = await SessionWithInviteesAsync("NOTYET", starts, "America/Argentina/Buenos_Aires");
        var csv = "Name,Email,Duration\nRosa Benítez,rosa@notyet.example.org,95";
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "pt");

        var page = await UploadAsync(staff, who.SessionId, "participants.csv", Encoding.UTF8.GetBytes(csv));

        var local = starts.AddHours(-3).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("pt"));
        page.QuerySelector("[data-testid=import-problems]")!.TextContent.Should().Contain(
            $"A sessão ainda não foi realizada (começa em {local}): envie o relatório de participantes depois que ela tiver começado.");
        page.QuerySelector("[data-testid=reconcile-form]").Should().BeNull();
        (await MarksAsync(who.SessionId)).Should().BeEmpty();
    }

    public static TheoryData<string, string, string> BrokenReports => new()
    {
        { "leave before join", "Name,Email,Join Time,Leave Time\nRosa Benítez,rosa@broken.example.org,2023-11-24 11:30:00,2023-11-24 10:15:00", "Row 2: the leave time 2023-11-24 10:15:00 is before the join time 2023-11-24 11:30:00." },
        { "unreadable time", "Name,Email,Join Time,Leave Time\nRosa Benítez,rosa@broken.example.org,yesterday,2023-11-24 10:15:00", "Row 2: “yesterday” is not a date and time the portal can read." },
        { "unreadable duration", "Name,Email,Duration\nRosa Benítez,rosa@broken.example.org,a while", "Row 2: “a while” is not a duration the portal can read." },
        { "no rows", "Name,Email,Duration", "The file has column names but no rows." },
    };

    [Theory]
    [MemberData(nameof(BrokenReports))]
    public async Task A_broken_report_is_refused_with_row_numbers_and_nothing_is_recorded(string _, string csv, string message)
    {
        var who = await SessionWithInviteesAsync($"BR{Guid.NewGuid().ToString("N")[..5]}", new DateTime(2023, 11, 24, 13, 0, 0, DateTimeKind.Utc), "America/Argentina/Buenos_Aires");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var page = await UploadAsync(staff, who.SessionId, "broken.csv", Encoding.UTF8.GetBytes(csv));

        page.QuerySelector("[data-testid=import-problems]")!.TextContent.Should().Contain(message);
        page.QuerySelector("[data-testid=reconcile-form]").Should().BeNull();
        (await MarksAsync(who.SessionId)).Should().BeEmpty();
    }

    private async Task<Invitees> SessionWithInviteesAsync(string code, DateTime startsAtUtc, string zone)
    {
        var (cohort, sessions) = await fixture.App.AddCohortAsync($"P{code}", ("S1", EventKind.Workshop, startsAtUtc, 120, zone));
        var salto = await fixture.App.AddLocalGovernmentAsync($"Salto {code}", "UY");
        var domain = $"{code.ToLowerInvariant()}.example.org";
        async Task<int> Invite(string name, string user)
        {
            var id = await fixture.App.AddAuthorityAsync(name, $"{user}@{domain}", salto, "UY");
            await fixture.App.AddInvitationAsync(cohort, id);
            return id;
        }

        return new Invitees(
            sessions["S1"], await Invite("Rosa Benítez", "rosa"), await Invite("Óscar Pérez", "oscar"), await Invite("José Pérez", "jose"),
            await Invite("Ana Lucía Fernández Ruiz", "ana"), await Invite("Marta Quiroga", "marta"));
    }

    private Task<Dictionary<int, (AttendanceStatus Status, int? Minutes)>> MarksAsync(int sessionId) =>
        fixture.App.WithDbAsync(db => db.Attendances.Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.AuthorityId, a => (a.Status, a.MinutesAttended)));

    private static IElement Participant(IDocument page, string name) =>
        page.QuerySelectorAll("[data-testid=participants] tbody tr").Single(r => r.QuerySelector("td")!.TextContent.StartsWith(name, StringComparison.Ordinal));

    private static async Task<IDocument> UploadAsync(PortalClient client, int sessionId, string fileName, byte[] content)
    {
        var (_, form) = await client.GetPageAsync($"/sessions/{sessionId}/attendance/report");
        var (response, page) = await client.UploadAsync(form, "main form[enctype]", "file", fileName, content);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return page;
    }
}
