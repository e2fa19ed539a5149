using System.Globalization;
using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace ChampionPortal.Tests.Workshop;

public sealed class WorkshopOutputTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private sealed record Setup(int Cohort, int Rosario, int Salta, int Recife, int RosarioAuthority);

    [Fact]
    public async Task An_authority_edits_its_own_local_governments_mapping_a_country_office_reads_its_country_and_no_one_else_reaches_it()
    {
        var s = await SetupAsync("MAP1");
        using var authority = await fixture.App.SignedInClientAsync(Roles.Authority, authorityId: s.RosarioAuthority);
        var (_, form) = await authority.GetPageAsync($"/mapping/{s.Cohort}/{s.Rosario}/new");
        var (created, _) = await authority.SubmitAsync(form, new Dictionary<string, string?>
        {
            ["Form.Title"] = "Oficina de atención a migrantes",
            ["Form.Status"] = "InPlace",
            ["Form.Objectives"] = "15",
            ["Form.Principles"] = "4",
        }, "[data-testid=action-form]");
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fixture.App.WithDbAsync(db => db.LocalActions.Include(a => a.Objectives).SingleAsync(a => a.CohortId == s.Cohort))).Objectives.Single().ObjectiveNumber.Should().Be(15);

        (await authority.GetAsync($"/mapping/{s.Cohort}/{s.Salta}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "another local government's mapping");
        (await authority.GetAsync($"/mapping/{s.Cohort}/{s.Salta}/new")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        using var argentina = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "AR");
        var (readable, page) = await argentina.GetPageAsync($"/mapping/{s.Cohort}/{s.Rosario}");
        readable.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelectorAll("[data-testid=action]").Should().HaveCount(1);
        page.QuerySelector("[data-testid=add-action]").Should().BeNull("a country office reads the mapping, it does not edit it");
        (await argentina.GetAsync($"/mapping/{s.Cohort}/{s.Rosario}/new")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var action = await fixture.App.WithDbAsync(db => db.LocalActions.Where(a => a.CohortId == s.Cohort).Select(a => a.Id).SingleAsync());
        (await argentina.GetAsync($"/mapping/actions/{action}/edit")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        using var brazil = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "BR");
        (await brazil.GetAsync($"/mapping/{s.Cohort}/{s.Rosario}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var (_, brazilIndex) = await brazil.GetPageAsync($"/mapping?cohort={s.Cohort}");
        brazilIndex.QuerySelectorAll("[data-testid=governments] tbody tr").Select(r => r.GetAttribute("data-government")).Should().Equal(s.Recife.ToString(CultureInfo.InvariantCulture));

        using var anonymous = fixture.App.NewClient();
        (await anonymous.GetAsync($"/mapping/{s.Cohort}/{s.Rosario}")).Headers.Location!.ToString().Should().Contain("/account/sign-in");
    }

    [Fact]
    public async Task The_coverage_counts_actions_per_objective_and_country_and_singles_out_objectives_no_one_addresses()
    {
        var s = await SetupAsync("MAP2");
        await AddActionAsync(s.Cohort, s.Rosario, "AR", [1, 2]);
        await AddActionAsync(s.Cohort, s.Salta, "AR", [2]);
        await AddActionAsync(s.Cohort, s.Recife, "BR", [2, 5]);
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);

        var (_, coverage) = await staff.GetPageAsync($"/mapping/coverage?cohort={s.Cohort}");

        int Cell(int objective, string column) => int.Parse(coverage.QuerySelector($"[data-testid=coverage-table] tr[data-objective='{objective}'] td[data-column='{column}']")!.TextContent, CultureInfo.InvariantCulture);
        Cell(2, "AR").Should().Be(2);
        Cell(2, "BR").Should().Be(1);
        Cell(1, "AR").Should().Be(1);
        Cell(1, "BR").Should().Be(0);
        coverage.QuerySelector("[data-testid=coverage-table] tr[data-objective='2'] [data-testid=total]")!.TextContent.Should().Be("3");
        var uncovered = coverage.QuerySelector("[data-testid=uncovered]")!;
        uncovered.TextContent.Should().Contain("20 objectives");
        uncovered.QuerySelector("p.small")!.TextContent.Split(" · ").Select(o => o.Trim().Split('.')[0]).Should().NotContain(["1", "2", "5"]).And.Contain("3").And.HaveCount(20);
        coverage.QuerySelectorAll("[data-testid=heat-map] g[data-objective]").Should().HaveCount(23);

        var (_, byGovernment) = await staff.GetPageAsync($"/mapping/coverage?cohort={s.Cohort}&by=LocalGovernment");
        byGovernment.QuerySelector($"[data-testid=coverage-table] tr[data-objective='2'] td[data-column='{s.Recife}']")!.TextContent.Should().Be("1");
    }

    [Fact]
    public async Task Likely_duplicates_are_suggested_merged_with_their_sources_and_a_published_version_stays_frozen_in_web_pdf_and_csv()
    {
        var s = await SetupAsync("AGD1");
        using var rosario = await fixture.App.SignedInClientAsync(Roles.Authority, authorityId: s.RosarioAuthority);
        var (_, agenda) = await rosario.GetPageAsync($"/agenda?cohort={s.Cohort}");
        (await rosario.SubmitAsync(agenda, new Dictionary<string, string?>
        {
            ["Form.Kind"] = "Challenge",
            ["Form.Text"] = "Falta de intérpretes en los centros de salud municipales",
            ["Form.Objectives"] = "15",
            ["Form.LocalGovernmentId"] = s.Salta.ToString(CultureInfo.InvariantCulture),
        }, "[data-testid=item-form]")).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fixture.App.WithDbAsync(db => db.AgendaItems.SingleAsync(i => i.CohortId == s.Cohort))).LocalGovernmentId.Should().Be(s.Rosario, "an authority adds items for its own local government only");

        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, staffAgenda) = await staff.GetPageAsync($"/agenda?cohort={s.Cohort}");
        await staff.SubmitAsync(staffAgenda, new Dictionary<string, string?>
        {
            ["Form.Kind"] = "Challenge",
            ["Form.Text"] = "Faltan intérpretes en centros de salud del municipio",
            ["Form.LocalGovernmentId"] = s.Recife.ToString(CultureInfo.InvariantCulture),
        }, "[data-testid=item-form]");
        await staff.SubmitAsync(staffAgenda, new Dictionary<string, string?> { ["Form.Kind"] = "Concern", ["Form.Text"] = "Aumento de la xenofobia en redes", ["Form.LocalGovernmentId"] = s.Salta.ToString(CultureInfo.InvariantCulture) }, "[data-testid=item-form]");

        var (_, systematize) = await staff.GetPageAsync($"/agenda/{s.Cohort}/systematize");
        var suggestion = systematize.QuerySelectorAll("[data-testid=suggestion]").Should().ContainSingle("only the two interpreter items are alike").Subject;
        suggestion.TextContent.Should().Contain("intérpretes");
        await staff.SubmitAsync(systematize, new Dictionary<string, string?>(), "[data-testid=suggestion]");

        var (_, merged) = await staff.GetPageAsync($"/agenda/{s.Cohort}/systematize");
        var entry = merged.QuerySelector("[data-testid=entry]")!;
        entry.QuerySelector("[data-testid=sources]")!.TextContent.Should().Contain("Rosario AGD1").And.Contain("Recife");
        merged.QuerySelectorAll("[data-testid=suggestion]").Should().BeEmpty();

        var (_, list) = await staff.GetPageAsync($"/publications?cohort={s.Cohort}");
        var (published, _) = await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=publish] form:first-of-type");
        var first = published.Headers.Location!.ToString();

        // Later edits go into the next version; the first stays as published.
        var (_, again) = await staff.GetPageAsync($"/agenda/{s.Cohort}/systematize");
        await staff.SubmitAsync(again, new Dictionary<string, string?> { ["Text"] = "Intérpretes en todos los centros de salud", ["Status"] = "Agreed" }, "[data-testid=entry] form");
        var (_, list2) = await staff.GetPageAsync($"/publications?cohort={s.Cohort}");
        var second = (await staff.SubmitAsync(list2, new Dictionary<string, string?>(), "[data-testid=publish] form:first-of-type")).Response.Headers.Location!.ToString();

        var (_, v1) = await staff.GetPageAsync(first);
        v1.QuerySelector("[data-testid=entry]")!.TextContent.Should().Contain("Falta de intérpretes en los centros de salud municipales");
        v1.QuerySelector("[data-testid=version]")!.TextContent.Should().StartWith("Version 1");
        var (_, v2) = await staff.GetPageAsync(second);
        v2.QuerySelector("[data-testid=entry]")!.TextContent.Should().Contain("Intérpretes en todos los centros de salud");

        // Anyone may read a published version: as a page, a PDF in Portuguese with page numbers, a CSV.
        using var anonymous = fixture.App.NewClient();
        (await anonymous.GetAsync(first)).StatusCode.Should().Be(HttpStatusCode.OK);
        var pdf = await anonymous.GetAsync(first + "/pdf?lang=pt");
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        await File.WriteAllBytesAsync(Path.Combine(TestPaths.Artifacts("pdf"), "agenda-v1-pt.pdf"), bytes);
        using (var document = PdfDocument.Open(bytes))
        {
            var pages = document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
            pages.Should().HaveCountGreaterThanOrEqualTo(2, "a cover and the agenda");
            pages[0].Should().Contain("Agenda Local Integrada de Migração");
            string.Join(" ", pages).Should().Contain("intérpretes").And.Contain("Governos locais que contribuíram").And.Contain("Recife");
            for (var i = 0; i < pages.Count; i++)
            {
                pages[i].Should().Contain($"Página {i + 1} de {pages.Count}");
            }
        }

        var csv = await (await anonymous.GetAsync(first + "/export?format=csv")).Content.ReadAsStringAsync();
        csv.Should().Contain("Falta de intérpretes en los centros de salud municipales").And.Contain("Recife");
        (await anonymous.GetAsync("/publications/999999/pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.PostAsync("/publications", [new("cohort", s.Cohort.ToString(CultureInfo.InvariantCulture)), new("kind", "Agenda")])).Response.Headers.Location!
            .ToString().Should().Contain("/account/sign-in", "publishing is for staff");
        (await fixture.App.WithDbAsync(db => db.Publications.CountAsync(p => p.CohortId == s.Cohort))).Should().Be(2);
    }

    private async Task<Setup> SetupAsync(string code)
    {
        var (cohort, _) = await fixture.App.AddCohortAsync(code, ("WS1", EventKind.Workshop, new DateTime(2023, 11, 8, 14, 0, 0, DateTimeKind.Utc), 120, "America/Bogota"));
        var rosario = await fixture.App.AddLocalGovernmentAsync($"Rosario {code}", "AR");
        var salta = await fixture.App.AddLocalGovernmentAsync($"Salta {code}", "AR");
        var recife = await fixture.App.AddLocalGovernmentAsync($"Recife {code}", "BR");
        var authority = await fixture.App.AddAuthorityAsync($"Autoridad {code}", rosario, "AR");
        await fixture.App.AddInvitationAsync(cohort, authority);
        foreach (var (place, country) in new[] { (salta, "AR"), (recife, "BR") })
        {
            await fixture.App.AddInvitationAsync(cohort, await fixture.App.AddAuthorityAsync($"Otra {code} {place}", place, country));
        }

        return new Setup(cohort, rosario, salta, recife, authority);
    }

    private Task<int> AddActionAsync(int cohort, int government, string country, int[] objectives) => fixture.App.WithDbAsync(async db =>
    {
        db.LocalActions.Add(new LocalAction
        {
            CohortId = cohort,
            LocalGovernmentId = government,
            CountryCode = country,
            Title = "Acción",
            Status = LocalActionStatus.InPlace,
            UpdatedAtUtc = DateTime.UtcNow,
            Objectives = [.. objectives.Select(n => new LocalActionObjective { ObjectiveNumber = n })],
        });
        return await db.SaveChangesAsync();
    });
}
