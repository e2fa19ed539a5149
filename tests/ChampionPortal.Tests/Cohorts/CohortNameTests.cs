using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Cohorts;

public sealed class CohortNameTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_cohort_named_in_three_languages_is_read_in_each_readers_on_pages_certificates_and_e_mails()
    {
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var cohortUrl = await CohortEventSessionTests.CreateAsync(staff, "/cohorts/new", new()
        {
            ["Form.Code"] = "NAMED3",
            ["Form.Name"] = "2027 — third cohort",
            ["Form.NameEs"] = "2027 — tercera cohorte",
            ["Form.NamePt"] = "2027 — terceira coorte",
            ["Form.StartDate"] = "2027-03-01",
            ["Form.EndDate"] = "2027-11-30",
            ["Form.Status"] = "Open",
        });

        using var spanish = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "es");
        (await spanish.GetPageAsync(cohortUrl)).Page.QuerySelector("h1")!.TextContent.Should().Be("2027 — tercera cohorte");
        (await spanish.GetPageAsync("/cohorts?q=tercera")).Page.QuerySelector("table")!.TextContent.Should().Contain("2027 — tercera cohorte");
        using var portuguese = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "pt");
        (await portuguese.GetPageAsync(cohortUrl)).Page.QuerySelector("h1")!.TextContent.Should().Be("2027 — terceira coorte");
        (await staff.GetPageAsync(cohortUrl)).Page.QuerySelector("h1")!.TextContent.Should().Be("2027 — third cohort");
        var (_, edit) = await staff.GetPageAsync(cohortUrl + "/edit");
        edit.QuerySelector("input[name='Form.NamePt']")!.GetAttribute("value").Should().Be("2027 — terceira coorte", "the form shows every language to edit");

        // A cohort with champions: Conceição reads Portuguese, Pedro Spanish.
        var s = await Certificates.CertificateTests.SetupAsync(fixture.App, "NAMED4");
        await fixture.App.WithDbAsync(async db =>
        {
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == s.Cohort);
            (cohort.Name, cohort.NameEs, cohort.NamePt) = ("2023 — first cohort", "2023 — primera cohorte", "2023 — primeira coorte");
            return await db.SaveChangesAsync();
        });
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
        await fixture.App.IssuancesFinishedAsync();
        var conceicao = await fixture.App.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.AuthorityId == s.Conceicao));
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(conceicao.Pdf))
        {
            string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)).Should().Contain("2023 — primeira coorte").And.NotContain("first cohort");
        }

        var email = await fixture.App.WithDbAsync(db => db.Authorities.Where(a => a.Id == s.Conceicao).Select(a => a.Email).SingleAsync());
        (await fixture.App.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == email).Select(m => m.TextBody).SingleAsync()))
            .Should().Contain("2023 — primeira coorte");
        using var visitor = fixture.App.NewClient("es");
        var code = string.Join("-", conceicao.VerificationCode.Chunk(4).Select(c => new string(c)));
        (await visitor.GetPageAsync($"/verify/{code}")).Page.QuerySelector("main")!.TextContent.Should().Contain("2023 — primera cohorte");
    }
}
