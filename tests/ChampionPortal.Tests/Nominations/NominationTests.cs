using System.Globalization;
using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Nominations;

public sealed class NominationTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_nomination_goes_from_draft_to_submitted_to_approved_with_a_timeline_the_office_can_read()
    {
        var cohort = await OpenCohortAsync("N-LIFE");
        var authority = await fixture.App.AddAuthorityAsync("Marta Quispe", await fixture.App.AddLocalGovernmentAsync("El Alto", "BO"), "BO");
        using var office = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "BO");

        var url = await NominateAsync(office, cohort, authority, submit: false, metCriteria: 2);
        var (_, draft) = await office.GetPageAsync(url);
        draft.QuerySelector("h1 [data-testid=nomination-status]")!.TextContent.Should().Be("Draft");

        var (_, edit) = await office.GetPageAsync(url + "/edit");
        (await office.SubmitAsync(edit, new Dictionary<string, string?> { ["Form.Submit"] = "true", ["Form.Justification"] = "Leads the municipal migrant office." }, "main form[action$='/edit']"))
            .Response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, review) = await staff.GetPageAsync(url);
        (await staff.SubmitAsync(review, new Dictionary<string, string?> { ["Approve"] = "true", ["Comment"] = "Strong evidence." }, "form[data-testid=review]"))
            .Response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, seenByOffice) = await office.GetPageAsync(url);
        seenByOffice.QuerySelector("h1 [data-testid=nomination-status]")!.TextContent.Should().Be("Approved");
        seenByOffice.QuerySelector("[data-testid=review-comment]")!.TextContent.Should().Contain("Strong evidence.");
        seenByOffice.QuerySelectorAll("[data-testid=timeline] li").Select(li => string.Join(" ", li.QuerySelectorAll("[data-testid=nomination-status]").Select(s => s.TextContent)))
            .Should().Equal("Draft", "Draft Submitted", "Submitted Approved");
        seenByOffice.QuerySelector("[data-testid=withdraw]").Should().BeNull("a reviewed nomination cannot be withdrawn");
        (await office.GetAsync(url + "/edit")).StatusCode.Should().Be(HttpStatusCode.Redirect, "a reviewed nomination is no longer editable");
        var stored = await fixture.App.WithDbAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.AuthorityId == authority));
        stored.CriteriaMet.Should().Be(2);
    }

    [Fact]
    public async Task The_review_queue_opens_on_what_waits_with_a_box_to_tick_for_each()
    {
        var (cohort, _) = await fixture.App.AddCohortAsync("QUEUE1");
        var place = await fixture.App.AddLocalGovernmentAsync("Ciudad de la cola", "UY");
        for (var i = 0; i < 26; i++)
        {
            await fixture.App.AddInvitationAsync(cohort, await fixture.App.AddAuthorityAsync($"Aprobada {i:00}", place, "UY"));
        }

        foreach (var name in new[] { "Espera Alfa", "Espera Beta" })
        {
            await fixture.App.AddSubmittedNominationAsync(cohort, await fixture.App.AddAuthorityAsync(name, place, "UY"), place, "UY");
        }

        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, queue) = await staff.GetPageAsync($"/nominations?cohort={cohort}");

        var rows = queue.QuerySelectorAll("tbody tr[data-id]").ToList();
        rows.Should().HaveCount(25, "a page holds 25 rows and the cohort has 28 nominations");
        rows.Take(2).Select(r => r.QuerySelector("td a")!.TextContent).Should().BeEquivalentTo(["Espera Alfa", "Espera Beta"], "what waits for review comes first");
        rows.Take(2).Should().AllSatisfy(r => r.QuerySelector("input[type=checkbox][name=Ids]").Should().NotBeNull("each waiting nomination can be ticked for the bulk review"));
        rows.Skip(2).Should().AllSatisfy(r => r.QuerySelector("input[type=checkbox]").Should().BeNull("a decided nomination is not reviewed again"));
    }

    [Fact]
    public async Task Rejecting_asks_for_confirmation_and_a_reason_and_the_country_office_is_told_of_every_review_by_email()
    {
        var cohort = await OpenCohortAsync("N-REJECT");
        var government = await fixture.App.AddLocalGovernmentAsync("Cochabamba", "BO");
        var officeEmail = await fixture.App.CreateUserAsync(Roles.CountryOffice, "BO", language: "es");
        using var office = fixture.App.NewClient("es");
        await office.SignInAsync(officeEmail);
        var rejected = await NominateAsync(office, cohort, await fixture.App.AddAuthorityAsync("Rolando Vargas", government, "BO"), submit: true);
        var approved = await NominateAsync(office, cohort, await fixture.App.AddAuthorityAsync("Elena Mamani", government, "BO"), submit: true);
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var (_, review) = await staff.GetPageAsync(rejected);
        var (asked, confirm) = await staff.SubmitAsync(review, new Dictionary<string, string?> { ["Approve"] = "false" }, "form[data-testid=review]");
        asked.StatusCode.Should().Be(HttpStatusCode.OK, "one click does not reject");
        confirm.QuerySelectorAll("[data-testid=reject-names] li").Select(li => li.TextContent).Should().Equal("Rolando Vargas (BO)");
        (await Status(rejected)).Should().Be(NominationStatus.Submitted);

        var (refused, again) = await staff.SubmitAsync(confirm, new Dictionary<string, string?> { ["Comment"] = " " }, "[data-testid=reject-confirm]");
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        again.QuerySelector("[data-testid=validation-summary]")!.TextContent.Should().Contain("A rejection needs a reason, which the country office will read.");
        (await Status(rejected)).Should().Be(NominationStatus.Submitted);

        var (done, _) = await staff.SubmitAsync(again, new Dictionary<string, string?> { ["Comment"] = "Ya participó en la cohorte anterior." }, "[data-testid=reject-confirm]");
        done.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await Status(rejected)).Should().Be(NominationStatus.Rejected);
        var (_, toApprove) = await staff.GetPageAsync(approved);
        await staff.SubmitAsync(toApprove, new Dictionary<string, string?> { ["Approve"] = "true" }, "form[data-testid=review]");

        var mails = await fixture.App.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == officeEmail).OrderBy(m => m.Id).Select(m => new { m.Subject, m.TextBody }).ToListAsync());
        mails.Select(m => m.Subject).Should().Equal("Se rechazó una nominación", "Se aprobó una nominación");
        mails[0].TextBody.Should().Contain("- Rolando Vargas").And.Contain("El motivo de la revisión: Ya participó en la cohorte anterior.");
        mails[1].TextBody.Should().Contain("- Elena Mamani");
    }

    private Task<NominationStatus> Status(string url) =>
        fixture.App.WithDbAsync(db => db.Nominations.Where(n => n.Id == int.Parse(url.Split('/').Last(), CultureInfo.InvariantCulture)).Select(n => n.Status).SingleAsync());

    [Fact]
    public async Task A_withdrawn_nomination_is_reopened_when_the_same_person_is_nominated_again()
    {
        var cohort = await OpenCohortAsync("N-WD");
        var authority = await fixture.App.AddAuthorityAsync("Diego Ferreyra", await fixture.App.AddLocalGovernmentAsync("Paraná", "AR"), "AR");
        using var office = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "AR");
        var url = await NominateAsync(office, cohort, authority, submit: true);

        var (_, details) = await office.GetPageAsync(url);
        var (_, confirmation) = await office.GetPageAsync(details.QuerySelector("[data-testid=withdraw]")!.GetAttribute("href")!);
        confirmation.QuerySelector("[data-testid=confirm-question]")!.TextContent.Should().Contain("Diego Ferreyra").And.Contain("will not review it", "the office is told what withdrawing does before it happens");
        await office.SubmitAsync(confirmation, new Dictionary<string, string?>(), "form[action$='/withdraw']");
        var (_, withdrawn) = await office.GetPageAsync(url);
        withdrawn.QuerySelector("h1 [data-testid=nomination-status]")!.TextContent.Should().Be("Withdrawn");

        var again = await NominateAsync(office, cohort, authority, submit: false);
        again.Should().Be(url, "one record per person and cohort keeps the history");
    }

    [Fact]
    public async Task A_country_office_cannot_see_edit_withdraw_or_create_another_countrys_nominations()
    {
        var cohort = await OpenCohortAsync("N-SCOPE");
        var chilean = await fixture.App.AddAuthorityAsync("Persona de Chile", await fixture.App.AddLocalGovernmentAsync("Temuco", "CL"), "CL");
        using var chile = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "CL");
        var url = await NominateAsync(chile, cohort, chilean, submit: true);
        var peruvianAuthority = await fixture.App.AddAuthorityAsync("Persona de Perú", await fixture.App.AddLocalGovernmentAsync("Cusco", "PE"), "PE");
        using var peru = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "PE");

        (await peru.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await peru.GetAsync(url + "/edit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var (_, list) = await peru.GetPageAsync($"/nominations?cohort={cohort}&country=CL");
        list.QuerySelectorAll("tr[data-id]").Should().BeEmpty();

        var (_, form) = await peru.GetPageAsync($"/nominations/new?cohort={cohort}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (withdraw, _) = await peru.PostAsync(url + "/withdraw", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["version"] = "1" });
        withdraw.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var (create, _) = await peru.SubmitAsync(form, Fields(cohort, chilean, submit: true, metCriteria: 0));
        create.StatusCode.Should().Be(HttpStatusCode.NotFound, "another country's authority cannot be nominated");
        (await fixture.App.WithDbAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.AuthorityId == chilean))).Status.Should().Be(NominationStatus.Submitted);
        (await peru.GetPageAsync($"/nominations/new?cohort={cohort}")).Page.QuerySelectorAll("#Form_AuthorityId option")
            .Select(o => o.TextContent).Should().Contain(t => t.StartsWith("Persona de Perú", StringComparison.Ordinal)).And.NotContain(t => t.StartsWith("Persona de Chile", StringComparison.Ordinal));
        peruvianAuthority.Should().BePositive();
    }

    [Fact]
    public async Task Possible_duplicates_are_flagged_before_saving()
    {
        var cohort = await OpenCohortAsync("N-DUP");
        var government = await fixture.App.AddLocalGovernmentAsync("Florianópolis", "BR");
        await fixture.App.AddAuthorityAsync("José Pérez", government, "BR");
        var existingEmail = await fixture.App.WithDbAsync(db => db.Authorities.Where(a => a.FullName == "José Pérez").Select(a => a.Email).SingleAsync());
        using var office = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "BR");
        var newPerson = new Dictionary<string, string?>
        {
            ["Form.NewAuthorityName"] = "jose perez",
            ["Form.NewAuthorityPosition"] = "Secretário",
            ["Form.NewAuthorityEmail"] = "jose.perez.novo@test.example.org",
            ["Form.LocalGovernmentId"] = government.ToString(CultureInfo.InvariantCulture),
        };

        var (_, form) = await office.GetPageAsync($"/nominations/new?cohort={cohort}");
        var (similar, flagged) = await office.SubmitAsync(form, Merge(Fields(cohort, null, submit: false), newPerson));
        similar.StatusCode.Should().Be(HttpStatusCode.OK);
        flagged.QuerySelector("[data-testid=duplicates]")!.TextContent.Should().Contain("José Pérez");

        var (sameEmail, emailFlagged) = await office.SubmitAsync(flagged, new Dictionary<string, string?> { ["Form.NewAuthorityEmail"] = existingEmail.ToUpperInvariant() });
        sameEmail.StatusCode.Should().Be(HttpStatusCode.OK);
        emailFlagged.QuerySelector("span[data-valmsg-for='Form.NewAuthorityEmail']")!.TextContent.Should().Contain("already exists");
        (await fixture.App.WithDbAsync(db => db.Nominations.CountAsync(n => n.Cohort!.Code == "N-DUP"))).Should().Be(0);

        var (_, again) = await office.SubmitAsync(emailFlagged, new Dictionary<string, string?> { ["Form.NewAuthorityEmail"] = "jose.perez.novo@test.example.org" });
        var (confirmed, _) = await office.SubmitAsync(again, new Dictionary<string, string?> { ["Form.ConfirmNotDuplicate"] = "true" });
        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect, "a confirmed different person is saved");
        (await fixture.App.WithDbAsync(db => db.Authorities.CountAsync(a => a.LocalGovernmentId == government))).Should().Be(2);
    }

    [Fact]
    public async Task Approving_past_a_countrys_quota_warns_and_waits_for_confirmation()
    {
        var cohort = await OpenCohortAsync("N-QUOTA");
        var government = await fixture.App.AddLocalGovernmentAsync("Quillota", "CL");
        var ids = new List<int>();
        using var office = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "CL");
        foreach (var name in new[] { "Primera Persona", "Segunda Persona" })
        {
            var url = await NominateAsync(office, cohort, await fixture.App.AddAuthorityAsync(name, government, "CL"), submit: true);
            ids.Add(int.Parse(url.Split('/').Last(), CultureInfo.InvariantCulture));
        }

        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, quotas) = await staff.GetPageAsync($"/nominations/quotas?cohort={cohort}");
        (await staff.SubmitAsync(quotas, new Dictionary<string, string?> { ["quota[CL]"] = "1" })).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, queue) = await staff.GetPageAsync($"/nominations?cohort={cohort}");
        var token = queue.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var (warned, warning) = await staff.PostAsync("/nominations/review", [
            new("__RequestVerificationToken", token), new("Ids", ids[0].ToString(CultureInfo.InvariantCulture)),
            new("Ids", ids[1].ToString(CultureInfo.InvariantCulture)), new("Approve", "true"), new("returnUrl", $"/nominations?cohort={cohort}")]);

        warned.StatusCode.Should().Be(HttpStatusCode.OK);
        warning.QuerySelector("[data-testid=quota-warning]")!.TextContent.Should().Contain("2 approved for a quota of 1");
        (await fixture.App.WithDbAsync(db => db.Nominations.CountAsync(n => n.CohortId == cohort && n.Status == NominationStatus.Approved))).Should().Be(0);

        var (confirmed, _) = await staff.SubmitAsync(warning, new Dictionary<string, string?>());
        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fixture.App.WithDbAsync(db => db.Nominations.CountAsync(n => n.CohortId == cohort && n.Status == NominationStatus.Approved))).Should().Be(2);
        var (_, after) = await staff.GetPageAsync($"/nominations?cohort={cohort}");
        after.QuerySelector("[data-testid=quotas] tr[data-country=CL]")!.TextContent.Should().Contain("Quota reached");
    }

    [Fact]
    public async Task The_overview_counts_by_status_and_the_criteria_matrix_counts_who_meets_each_criterion()
    {
        var cohort = await OpenCohortAsync("N-MAP");
        var government = await fixture.App.AddLocalGovernmentAsync("Paysandú", "UY");
        using var office = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "UY");
        await NominateAsync(office, cohort, await fixture.App.AddAuthorityAsync("Uno", government, "UY"), submit: true, metCriteria: 3);
        await NominateAsync(office, cohort, await fixture.App.AddAuthorityAsync("Dos", government, "UY"), submit: false, metCriteria: 1);
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var (_, overview) = await staff.GetPageAsync($"/nominations/overview?cohort={cohort}");

        Cells(overview, "by-status", "UY").Take(5).Should().Equal("1", "1", "0", "0", "0");
        Cells(overview, "criteria-matrix", "UY").Should().Equal("2", "1", "1", "0", "0");
        Cells(overview, "criteria-matrix", "AR").Should().OnlyContain(c => c == "0");
    }

    private static IEnumerable<string> Cells(AngleSharp.Dom.IDocument page, string table, string country) =>
        page.QuerySelectorAll($"[data-testid={table}] tr[data-country={country}] td").Select(td => td.TextContent.Trim());

    private async Task<string> NominateAsync(PortalClient office, int cohort, int authority, bool submit, int metCriteria = 1)
    {
        var (_, form) = await office.GetPageAsync($"/nominations/new?cohort={cohort}");
        var (response, page) = await office.SubmitAsync(form, Fields(cohort, authority, submit, metCriteria));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, page.QuerySelector("[data-testid=validation-summary]")?.TextContent);
        return response.Headers.Location!.ToString();
    }

    private static Dictionary<string, string?> Fields(int cohort, int? authority, bool submit, int metCriteria = 1)
    {
        var fields = new Dictionary<string, string?>
        {
            ["Form.CohortId"] = cohort.ToString(CultureInfo.InvariantCulture),
            ["Form.AuthorityId"] = authority?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["Form.Justification"] = "Recognized for migrant inclusion policies.",
            ["Form.Submit"] = submit ? "true" : "false",
        };
        for (var i = 0; i < 5; i++)
        {
            fields[$"Form.Criteria[{i}].Met"] = i < metCriteria ? "true" : "false";
            fields[$"Form.Criteria[{i}].EvidenceText"] = i < metCriteria ? $"Evidence {i}" : null;
        }

        return fields;
    }

    private static Dictionary<string, string?> Merge(Dictionary<string, string?> first, Dictionary<string, string?> second)
    {
        foreach (var (key, value) in second)
        {
            first[key] = value;
        }

        return first;
    }

    private Task<int> OpenCohortAsync(string code) => fixture.App.WithDbAsync(async db =>
    {
        var cohort = new Cohort { Code = code, Name = $"Cohort {code}", StartDate = new DateOnly(2026, 1, 1), EndDate = new DateOnly(2026, 12, 31), Status = CohortStatus.Open };
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync();
        return cohort.Id;
    });
}
