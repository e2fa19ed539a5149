using System.Net;
using System.Text;
using AngleSharp.Dom;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace ChampionPortal.Tests.Attendance;

public sealed class CohortRegisterImportTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Header = "country_code,local_government,authority_name,position,email,preferred_language,invitation_status";

    [Fact]
    public async Task A_register_shaped_like_2023_reproduces_its_figures_on_the_dashboard_and_in_the_csv_export()
    {
        var (cohort, _) = await fixture.App.AddCohortAsync(
            "R2023",
            ("FORUM", EventKind.LaunchForum, new DateTime(2023, 10, 18, 13, 0, 0, DateTimeKind.Utc), 120, "America/Argentina/Buenos_Aires"),
            ("WS1", EventKind.Workshop, new DateTime(2023, 11, 8, 14, 0, 0, DateTimeKind.Utc), 120, "America/Argentina/Buenos_Aires"),
            ("WS2", EventKind.Workshop, new DateTime(2023, 11, 22, 14, 0, 0, DateTimeKind.Utc), 120, "America/Argentina/Buenos_Aires"));
        var lines = new List<string> { Header + ",FORUM,WS1,WS2" };
        var n = 0;
        // The demo cohort's places and people (shaped like 2023): 40 people from 27 places of 10 countries; 24 of
        // them, from 16 places of 6 countries, in the workshop.
        foreach (var (country, place, people) in DemoData.Places.Select(p => (p.Country, p.Name, p.People)))
        {
            for (var i = 0; i < people; i++, n++)
            {
                var forum = place == "Maracaibo" || (place == "Rosario" && i == 1) ? "absent" : "present";
                var inWorkshop = i < DemoData.WorkshopPeople.GetValueOrDefault(place);
                var (ws1, ws2) = !inWorkshop ? ("absent", "") : n % 3 == 0 ? ("present", "absent") : n % 3 == 1 ? ("", "present") : ("present", "present");
                lines.Add($"{country},{place},Persona {n:00} {place},Alcalde,r2023.{n:00}@register.example.org,{(country == "BR" ? "pt" : "es")},accepted,{forum},{ws1},{ws2}");
            }
        }

        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var preview = await UploadAsync(staff, cohort, "register-2023.csv", Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        preview.QuerySelector("[data-testid=import-problems]").Should().BeNull();
        Count(preview, "authorities-create").Should().Be(40);
        Count(preview, "invitations-create").Should().Be(40);
        Count(preview, "present-FORUM").Should().Be(38);
        (await fixture.App.WithDbAsync(db => db.Attendances.CountAsync(a => a.CohortId == cohort))).Should().Be(0, "nothing is written before the confirmation");

        var (confirmed, _) = await staff.SubmitAsync(preview, new Dictionary<string, string?>());
        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, dashboard) = await staff.GetPageAsync($"/funnel?cohort={cohort}");
        Figures(dashboard, "Invited").Should().Be((40, 27, 10));
        Figures(dashboard, "Accepted").Should().Be((40, 27, 10));
        Figures(dashboard, "Event", "Launch forum").Should().Be((38, 26, 9));
        Figures(dashboard, "Event", "Workshop").Should().Be((24, 16, 6));
        Figures(dashboard, "Eligible").Should().Be((24, 16, 6));

        var csv = await staff.GetAsync($"/funnel/export?cohort={cohort}&table=Stages&format=csv");
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var exported = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        exported[0].Should().Be("Stage,People,Local governments,Countries");
        exported.Should().Contain("Invited,40,27,10").And.Contain("Launch forum,38,26,9").And.Contain("Workshop,24,16,6");

        // Importing the same register again changes nothing: people, invitations and marks are updated, not duplicated.
        var again = await UploadAsync(staff, cohort, "register-2023.csv", Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        Count(again, "authorities-create").Should().Be(0);
        Count(again, "invitations-update").Should().Be(40);
        await staff.SubmitAsync(again, new Dictionary<string, string?>());
        (await fixture.App.WithDbAsync(db => db.Invitations.CountAsync(i => i.CohortId == cohort))).Should().Be(40);
        Figures((await staff.GetPageAsync($"/funnel?cohort={cohort}")).Page, "Event", "Launch forum").Should().Be((38, 26, 9));
    }

    [Fact]
    public async Task A_differently_shaped_cohort_in_xlsx_gives_the_figures_its_rows_say_and_a_country_office_sees_only_its_country()
    {
        var (cohort, _) = await fixture.App.AddCohortAsync(
            "X7",
            ("F-A", EventKind.LaunchForum, new DateTime(2024, 3, 5, 15, 0, 0, DateTimeKind.Utc), 90, "America/Sao_Paulo"),
            ("F-B", EventKind.LaunchForum, new DateTime(2024, 3, 6, 15, 0, 0, DateTimeKind.Utc), 90, "America/Sao_Paulo"),
            ("W", EventKind.Workshop, new DateTime(2024, 4, 2, 15, 0, 0, DateTimeKind.Utc), 90, "America/Sao_Paulo"));
        var rows = new List<(string Country, string Place, string Email, string Status, string FA, string FB, string W)>();
        var places = new[] { ("BR", "Niterói"), ("BR", "Campinas"), ("BR", "Recife"), ("UY", "Salto"), ("UY", "Paysandú"), ("AR", "Salta"), ("AR", "Neuquén") };
        for (var i = 0; i < 12; i++)
        {
            var (country, place) = places[i % places.Length];
            rows.Add((country, place, $"x7.{i}@register.example.org", i == 11 ? "declined" : "accepted",
                i % 2 == 0 ? "present" : "", i % 3 == 0 ? "present" : "absent", i < 5 ? "present" : i < 8 ? "excused" : ""));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => new Dictionary<string, object?>
        {
            ["country_code"] = r.Country,
            ["local_government"] = r.Place,
            ["authority_name"] = $"Pessoa {r.Email}",
            ["position"] = "Secretária",
            ["email"] = r.Email,
            ["preferred_language"] = r.Country == "BR" ? "pt" : "es",
            ["invitation_status"] = r.Status,
            ["F-A"] = r.FA,
            ["f-b"] = r.FB,
            ["W"] = r.W,
        }));
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var preview = await UploadAsync(staff, cohort, "register.xlsx", stream.ToArray());
        preview.QuerySelector("[data-testid=import-problems]").Should().BeNull();
        (await staff.SubmitAsync(preview, new Dictionary<string, string?>())).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        (int, int, int) Expected(IEnumerable<(string Country, string Place, string Email, string Status, string FA, string FB, string W)> who) =>
            (who.Select(r => r.Email).Distinct().Count(), who.Select(r => (r.Country, r.Place)).Distinct().Count(), who.Select(r => r.Country).Distinct().Count());
        var (_, dashboard) = await staff.GetPageAsync($"/funnel?cohort={cohort}");
        Figures(dashboard, "Invited").Should().Be(Expected(rows));
        Figures(dashboard, "Accepted").Should().Be(Expected(rows.Where(r => r.Status == "accepted")));
        Figures(dashboard, "Event", "Launch forum").Should().Be(Expected(rows.Where(r => r.FA == "present" || r.FB == "present")));
        Figures(dashboard, "Session", "F-A — Session F-A").Should().Be(Expected(rows.Where(r => r.FA == "present")));
        Figures(dashboard, "Event", "Workshop").Should().Be(Expected(rows.Where(r => r.W == "present")));
        Figures(dashboard, "Eligible").Should().Be(Expected(rows.Where(r => (r.FA == "present" || r.FB == "present") && r.W == "present")));
        (await fixture.App.WithDbAsync(db => db.Attendances.CountAsync(a => a.CohortId == cohort && a.Status == AttendanceStatus.Excused))).Should().Be(3);

        var xlsx = await staff.GetAsync($"/funnel/export?cohort={cohort}&table=Genders&format=xlsx");
        xlsx.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var sheet = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var genders = sheet.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        genders.Select(r => Convert.ToString(r["Gender"], System.Globalization.CultureInfo.InvariantCulture)).Should().Contain(["Women", "Men", "Not stated"]);
        genders.Sum(r => Convert.ToInt32(r["Invited"], System.Globalization.CultureInfo.InvariantCulture)).Should().Be(12, "every invited person is counted once, by the gender they stated or as not stated");
        genders.Select(r => r["Invited"]).Should().AllBeOfType<double>("figures are stored as numbers that a spreadsheet adds up, not as text");

        using var office = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "UY");
        var (_, ownCountry) = await office.GetPageAsync($"/funnel?cohort={cohort}");
        Figures(ownCountry, "Invited").Should().Be(Expected(rows.Where(r => r.Country == "UY")));
        ownCountry.QuerySelectorAll("[data-testid=countries-table] tbody tr").Select(r => r.GetAttribute("data-country")).Should().Equal("UY");
        var export = await (await office.GetAsync($"/funnel/export?cohort={cohort}&table=Countries&format=csv")).Content.ReadAsStringAsync();
        export.Should().Contain("Uruguay").And.NotContain("Brazil").And.NotContain("Argentina");
        (await office.GetAsync($"/cohorts/{cohort}/register")).Headers.Location!.ToString().Should().Contain("/account/access-denied");
    }

    [Fact]
    public async Task A_large_register_is_written_whole_with_its_audit_and_records_made_afterwards_get_keys_of_their_own()
    {
        // Large enough that its saves take the bulk path (binary COPY) on PostgreSQL.
        var (cohort, _) = await fixture.App.AddCohortAsync(
            "BIG",
            ("FORUM", EventKind.LaunchForum, new DateTime(2024, 5, 7, 13, 0, 0, DateTimeKind.Utc), 120, "America/Lima"),
            ("WS1", EventKind.Workshop, new DateTime(2024, 6, 4, 14, 0, 0, DateTimeKind.Utc), 120, "America/Lima"));
        var countries = new[] { "PE", "CL", "CO", "EC", "BO" };
        var people = Math.Max(BulkRows, 300);
        var lines = new List<string> { Header + ",FORUM,WS1" };
        for (var i = 0; i < people; i++)
        {
            lines.Add($"{countries[i % 5]},Distrito {i % 30:00},Persona Grande {i:000},Regidora,big.{i:000}@register.example.org,es,accepted,{(i % 4 == 0 ? "absent" : "present")},{(i % 2 == 0 ? "present" : "")}");
        }

        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var preview = await UploadAsync(staff, cohort, "register-big.csv", Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        preview.QuerySelector("[data-testid=import-problems]").Should().BeNull();
        (await staff.SubmitAsync(preview, new Dictionary<string, string?>())).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, dashboard) = await staff.GetPageAsync($"/funnel?cohort={cohort}");
        Figures(dashboard, "Invited").Should().Be((people, 30, 5));
        (int, int, int) Expected(Func<int, bool> who)
        {
            var rows = Enumerable.Range(0, people).Where(who).ToList();
            return (rows.Count, rows.Select(i => i % 30).Distinct().Count(), rows.Select(i => i % 5).Distinct().Count());
        }

        Figures(dashboard, "Event", "Launch forum").Should().Be(Expected(i => i % 4 != 0));
        Figures(dashboard, "Eligible").Should().Be(Expected(i => i % 4 != 0 && i % 2 == 0));

        // Every record written has its audit entry under its own key, and the nomination's page lists the five criteria as not met.
        var (authority, nomination) = await fixture.App.WithDbAsync(async db =>
        {
            var person = await db.Authorities.SingleAsync(a => a.Email == "big.123@register.example.org");
            return (person.Id, (await db.Nominations.SingleAsync(n => n.AuthorityId == person.Id && n.CohortId == cohort)).Id);
        });
        using var admin = await fixture.App.SignedInClientAsync(Roles.Administrator);
        var created = (await admin.GetPageAsync($"/audit?entity=Authority&key={authority}&action=Created")).Page
            .QuerySelectorAll("[data-testid=audit] tbody tr").Should().ContainSingle().Subject;
        created.TextContent.Should().Contain("Persona Grande 123").And.Contain("big.123@register.example.org");
        (await fixture.App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Attendance" && a.Action == AuditAction.Created)))
            .Should().BeGreaterThanOrEqualTo(people + people / 2);
        var (_, details) = await staff.GetPageAsync($"/nominations/{nomination}");
        var criteria = details.QuerySelectorAll("[data-testid=criteria] tbody tr");
        criteria.Should().HaveCount(5);
        criteria.Select(r => r.Children[1].TextContent.Trim()).Should().AllBe("No");

        // The keys drawn for the register moved the tables' numbering on: people added one by one afterwards do not collide.
        var more = Header + ",FORUM\nPE,Distrito 00,Persona Nueva,Regidora,new.one@register.example.org,es,accepted,present\nCL,Distrito 99,Persona Otra,Regidor,new.two@register.example.org,es,declined,";
        var small = await UploadAsync(staff, cohort, "register-more.csv", Encoding.UTF8.GetBytes(more));
        Count(small, "authorities-create").Should().Be(2);
        (await staff.SubmitAsync(small, new Dictionary<string, string?>())).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Figures((await staff.GetPageAsync($"/funnel?cohort={cohort}")).Page, "Invited").Should().Be((people + 2, 31, 5));
    }

    /// <summary>At least as many records in one save as take the bulk path.</summary>
    private static int BulkRows => ChampionPortal.Web.Data.BulkInsertion.Threshold;

    public static TheoryData<string, string, string> BrokenRegisters => new()
    {
        { "unknown session code", Header + ",FORUM,WS9\nAR,Salta,Ana,Intendenta,ana@broken.example.org,es,accepted,present,present", "neither register columns nor session codes of this cohort: WS9" },
        { "unknown column", Header + ",FORUM,notes\nAR,Salta,Ana,Intendenta,ana@broken.example.org,es,accepted,present,great", "neither register columns nor session codes of this cohort: notes" },
        { "missing column", "country_code,local_government,authority_name,position,email,preferred_language,FORUM\nAR,Salta,Ana,Intendenta,ana@broken.example.org,es,present", "The file lacks these columns: invitation_status." },
        { "duplicate person", Header + ",FORUM\nAR,Salta,Ana,Intendenta,ana@broken.example.org,es,accepted,present\nAR,Jujuy,Ana B,Intendenta,ANA@broken.example.org,es,accepted,absent", "Row 3: the e-mail ANA@broken.example.org is also in row 2." },
        { "person absent from the cohort", Header + ",FORUM\nAR,Salta,Ana,Intendenta,ana@broken.example.org,es,accepted,present\nAR,Jujuy,Luis,Intendente,luis@broken.example.org,es,,present", "Row 3: luis@broken.example.org is not invited to this cohort: give an invitation status." },
        { "bad attendance", Header + ",FORUM\nAR,Salta,Ana,Intendenta,ana@broken.example.org,es,accepted,maybe", "Row 2: “maybe” in column FORUM is not present, absent or excused." },
        { "bad invitation status", Header + ",FORUM\nAR,Salta,Ana,Intendenta,ana@broken.example.org,es,invited,present", "Row 2: “invited” is not an invitation status" },
        { "unknown country", Header + ",FORUM\nXX,Salta,Ana,Intendenta,ana@broken.example.org,es,accepted,present", "Row 2:" },
    };

    [Theory]
    [MemberData(nameof(BrokenRegisters))]
    public async Task A_broken_register_is_refused_with_a_clear_message_and_nothing_is_written(string _, string csv, string message)
    {
        var (cohort, _) = await fixture.App.AddCohortAsync(
            $"B{Guid.NewGuid().ToString("N")[..6]}", ("FORUM", EventKind.LaunchForum, new DateTime(2023, 10, 18, 13, 0, 0, DateTimeKind.Utc), 120, "America/Bogota"));
        var authoritiesBefore = await fixture.App.WithDbAsync(db => db.Authorities.CountAsync());
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var preview = await UploadAsync(staff, cohort, "broken.csv", Encoding.UTF8.GetBytes(csv));

        preview.QuerySelector("[data-testid=import-problems]")!.TextContent.Should().Contain(message);
        preview.QuerySelector("[data-testid=confirm-import]").Should().BeNull();
        (await fixture.App.WithDbAsync(db => db.Authorities.CountAsync())).Should().Be(authoritiesBefore);
        (await fixture.App.WithDbAsync(db => db.Invitations.CountAsync(i => i.CohortId == cohort))).Should().Be(0);
    }

    private static async Task<IDocument> UploadAsync(PortalClient client, int cohort, string fileName, byte[] content)
    {
        var (_, form) = await client.GetPageAsync($"/cohorts/{cohort}/register");
        var (response, page) = await client.UploadAsync(form, "main form[enctype]", "file", fileName, content);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return page;
    }

    private static int Count(IDocument page, string name) => int.Parse(page.QuerySelector($"[data-count={name}]")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>People, local governments and countries of a stage as the dashboard's table shows them.</summary>
    internal static (int People, int Governments, int Countries) Figures(IDocument page, string stage, string? name = null)
    {
        var row = page.QuerySelectorAll("[data-testid=funnel-table] tbody tr")
            .Single(r => r.GetAttribute("data-stage") == stage && (name is null || r.GetAttribute("data-name") == name));
        int Cell(string id) => int.Parse(row.QuerySelector($"[data-testid={id}]")!.TextContent.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        return (Cell("people"), Cell("governments"), Cell("countries"));
    }
}
