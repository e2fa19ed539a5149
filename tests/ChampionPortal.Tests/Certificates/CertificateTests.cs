using System.Globalization;
using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace ChampionPortal.Tests.Certificates;

public sealed class CertificateTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    internal sealed record Setup(int Cohort, int Conceicao, int Pedro, int Niteroi, int Salto, IReadOnlyList<int> Others);

    [Fact]
    public async Task Issuance_is_idempotent_even_when_two_runs_race_and_the_pdf_carries_the_accented_name_the_code_and_the_serial()
    {
        var s = await SetupAsync(fixture.App, "CRT1");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, rules) = await staff.GetPageAsync($"/cohorts/{s.Cohort}/eligibility");
        await staff.SubmitAsync(rules, new Dictionary<string, string?>
        {
            ["SignatoryName"] = "Ana Signatária",
            ["SignatoryTitle"] = "Chief of Mission, IOM",
            ["SignatoryTitleEs"] = "Jefa de Misión, OIM",
            ["SignatoryTitlePt"] = "Chefe de Missão, OIM",
        }, "form:has(#SignatoryTitle)");
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");

        // Two issuance runs at once: the unique index on (cohort, recipient) among valid certificates keeps one each.
        await Task.WhenAll(
            staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]"),
            staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]"));
        await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
        await fixture.App.IssuancesFinishedAsync();

        var issued = await fixture.App.WithDbAsync(db => db.Certificates.AsNoTracking().Where(c => c.CohortId == s.Cohort).ToListAsync());
        issued.Select(c => c.RecipientKey).Should().BeEquivalentTo([$"P:{s.Conceicao}", $"P:{s.Pedro}", $"G:{s.Niteroi}", $"G:{s.Salto}"]);
        issued.Select(c => c.Serial).Should().OnlyHaveUniqueItems().And.AllSatisfy(serial => serial.Should().MatchRegex("^CLA-CRT1-[0-9]{4}$"));

        var certificate = issued.Single(c => c.AuthorityId == s.Conceicao);
        certificate.Language.Should().Be("pt");
        certificate.Sha256.Should().Be(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(certificate.Pdf)).ToLowerInvariant());
        var pdf = await staff.GetAsync($"/certificates/{certificate.Id}/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        await File.WriteAllBytesAsync(Path.Combine(TestPaths.Artifacts("pdf"), "certificate-pt.pdf"), bytes);
        using var document = PdfDocument.Open(bytes);
        var page = document.GetPage(1);
        page.Width.Should().BeGreaterThan(page.Height, "A4 landscape");
        var words = string.Join(" ", page.GetWords().Select(w => w.Text));
        words.Should().Contain("Conceição").And.Contain("Nuñez").And.Contain("Añasco").And.Contain("Certificado de Reconhecimento").And.Contain("Autoridade Local Campeã");
        words.Should().Contain("Chefe de Missão, OIM", "the signatory's title is in the certificate's language");
        certificate.SignatoryTitle.Should().Be("Chefe de Missão, OIM");
        issued.Where(c => c.Language == "es").Should().NotBeEmpty().And.AllSatisfy(c => c.SignatoryTitle.Should().Be("Jefa de Misión, OIM"));
        var code = string.Join("-", certificate.VerificationCode.Chunk(4).Select(c => new string(c)));
        words.Should().Contain(code).And.Contain(certificate.Serial).And.Contain($"/verify/{code}");
    }

    [Fact]
    public async Task Staff_issue_to_a_selection_and_the_unticked_stay_pending()
    {
        var s = await SetupAsync(fixture.App, "CRT4");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        list.QuerySelectorAll("[data-testid=issue-form] input[name=recipients]").Select(i => i.GetAttribute("value"))
            .Should().BeEquivalentTo([$"P:{s.Conceicao}", $"P:{s.Pedro}", $"G:{s.Niteroi}", $"G:{s.Salto}"]);

        var form = (AngleSharp.Html.Dom.IHtmlFormElement)list.QuerySelector("[data-testid=issue-form]")!;
        var fields = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
            .Where(i => i.Type != "checkbox" || (i.IsChecked && i.Value != $"P:{s.Pedro}"))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        await staff.PostAsync("/certificates/issue", fields);
        await fixture.App.IssuancesFinishedAsync();

        (await fixture.App.WithDbAsync(db => db.Certificates.Where(c => c.CohortId == s.Cohort).Select(c => c.RecipientKey).ToListAsync()))
            .Should().BeEquivalentTo([$"P:{s.Conceicao}", $"G:{s.Niteroi}", $"G:{s.Salto}"]);
        (await staff.GetPageAsync($"/certificates?cohort={s.Cohort}")).Page.QuerySelectorAll("[data-testid=issue-form] input[name=recipients]")
            .Select(i => i.GetAttribute("value")).Should().Equal($"P:{s.Pedro}");
    }

    [Fact]
    public async Task A_certificate_file_reaches_its_person_its_local_governments_authority_staff_and_its_country_office_and_no_one_else()
    {
        var s = await SetupAsync(fixture.App, "CRT2");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
        await fixture.App.IssuancesFinishedAsync();
        var ids = await fixture.App.WithDbAsync(db => db.Certificates.Where(c => c.CohortId == s.Cohort).ToDictionaryAsync(c => c.RecipientKey, c => c.Id));

        using var conceicao = await fixture.App.SignedInClientAsync(Roles.Authority, authorityId: s.Conceicao);
        (await conceicao.GetAsync($"/certificates/{ids[$"P:{s.Conceicao}"]}/pdf")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await conceicao.GetAsync($"/certificates/{ids[$"G:{s.Niteroi}"]}/pdf")).StatusCode.Should().Be(HttpStatusCode.OK, "the local government she represented");
        (await conceicao.GetAsync($"/certificates/{ids[$"P:{s.Pedro}"]}/pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound, "another person's");
        (await conceicao.GetAsync($"/certificates/{ids[$"G:{s.Salto}"]}/pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound, "another local government's");
        var serials = await fixture.App.WithDbAsync(db => db.Certificates.Where(c => c.CohortId == s.Cohort).ToDictionaryAsync(c => c.RecipientKey, c => c.Serial));
        (await conceicao.GetAsync($"/certificates/serial/{serials[$"P:{s.Conceicao}"].ToLowerInvariant()}")).StatusCode.Should().Be(HttpStatusCode.OK, "her own, by serial");
        (await conceicao.GetAsync($"/certificates/serial/{serials[$"P:{s.Pedro}"]}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "another person's, by serial");
        var (_, mine) = await conceicao.GetPageAsync("/certificates");
        mine.QuerySelectorAll("[data-testid=certificates] tbody tr").Should().HaveCount(2);
        mine.QuerySelector("h1")!.TextContent.Should().Be("My certificates");
        mine.QuerySelector("#portal-menu a[href='/certificates']")!.TextContent.Trim().Should().Be("My certificates");

        using var brazil = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "BR");
        (await brazil.GetAsync($"/certificates/{ids[$"P:{s.Conceicao}"]}/pdf")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await brazil.GetAsync($"/certificates/{ids[$"P:{s.Pedro}"]}/pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var anonymous = fixture.App.NewClient();
        (await anonymous.GetAsync($"/certificates/{ids[$"P:{s.Conceicao}"]}/pdf")).Headers.Location!.ToString().Should().Contain("/account/sign-in");
        (await brazil.GetAsync("/certificates/999999/pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // ZIPs: the whole cohort for staff, their own country's for a country office.
        using (var all = new System.IO.Compression.ZipArchive(await (await staff.GetAsync($"/certificates/zip?cohort={s.Cohort}&country=")).Content.ReadAsStreamAsync()))
        {
            all.Entries.Should().HaveCount(4);
        }

        using (var uruguay = new System.IO.Compression.ZipArchive(await (await staff.GetAsync($"/certificates/zip?cohort={s.Cohort}&country=UY")).Content.ReadAsStreamAsync()))
        {
            uruguay.Entries.Should().HaveCount(2, "Pedro's and Salto's");
        }

        var brazilian = await fixture.App.WithDbAsync(db => db.Certificates.Where(c => c.CohortId == s.Cohort && c.CountryCode == "BR").Select(c => c.Serial + ".pdf").ToListAsync());
        using (var own = new System.IO.Compression.ZipArchive(await (await brazil.GetAsync($"/certificates/zip?cohort={s.Cohort}&country=UY")).Content.ReadAsStreamAsync()))
        {
            own.Entries.Select(e => e.Name).Should().BeEquivalentTo(brazilian, "a country office's ZIP holds its own country's, whatever it asks");
        }

        // Each person is told by e-mail (through the outbox) in their language; the dashboard counts the certified.
        var email = await fixture.App.WithDbAsync(db => db.Authorities.Where(a => a.Id == s.Conceicao).Select(a => a.Email).SingleAsync());
        (await fixture.App.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == email).Select(m => m.Subject).ToListAsync()))
            .Should().ContainSingle().Which.Should().StartWith("Seu certificado de Autoridade Local Campeã");
        var (_, dashboard) = await staff.GetPageAsync($"/funnel?cohort={s.Cohort}");
        Attendance.CohortRegisterImportTests.Figures(dashboard, "Certified").Should().Be((2, 2, 2));
    }

    [Fact]
    public async Task Verification_says_valid_superseded_with_the_current_code_revoked_with_its_date_or_unknown_and_never_shows_an_email()
    {
        var s = await SetupAsync(fixture.App, "CRT3");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
        await fixture.App.IssuancesFinishedAsync();
        var certificates = await fixture.App.WithDbAsync(db => db.Certificates.AsNoTracking().Where(c => c.CohortId == s.Cohort && c.Kind == CertificateKind.Person).ToDictionaryAsync(c => c.AuthorityId!.Value));
        string Code(Certificate c) => string.Join("-", c.VerificationCode.Chunk(4).Select(x => new string(x)));
        using var visitor = fixture.App.NewClient();

        var (valid, page) = await visitor.GetPageAsync($"/verify/{Code(certificates[s.Conceicao]).ToLowerInvariant()}");
        valid.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=verification]")!.GetAttribute("data-status").Should().Be("Valid");
        page.QuerySelector("[data-testid=recipient]")!.TextContent.Should().Be("Conceição Nuñez Añasco");
        page.Body!.TextContent.Should().NotContain("@", "no e-mail or other personal data");

        var (_, withForms) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        await staff.SubmitAsync(withForms, new Dictionary<string, string?>(), $"tr[data-id='{certificates[s.Conceicao].Id}'] form[action*=supersede]");
        await RevocationTests.RevokeAsync(staff, withForms, certificates[s.Pedro].Id, "Issued by mistake.");

        var (_, superseded) = await visitor.GetPageAsync($"/verify/{Code(certificates[s.Conceicao])}");
        superseded.QuerySelector("[data-testid=verification]")!.GetAttribute("data-status").Should().Be("Superseded");
        var current = superseded.QuerySelector("[data-testid=current]")!.TextContent;
        (await visitor.GetPageAsync($"/verify/{current}")).Page.QuerySelector("[data-testid=verification]")!.GetAttribute("data-status").Should().Be("Valid");
        var (_, revoked) = await visitor.GetPageAsync($"/verify/{Code(certificates[s.Pedro])}");
        revoked.QuerySelector("[data-testid=verification]")!.TextContent.Should().Contain("revoked").And.Contain("Revoked on");
        var (unknown, unknownPage) = await visitor.GetPageAsync("/verify/AAAA-BBBB-CCCC");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknownPage.QuerySelector("[data-testid=verification]")!.TextContent.Should().Contain("No certificate has the code");

        (await fixture.App.WithDbAsync(db => db.Certificates.CountAsync(c => c.CohortId == s.Cohort && c.Status == CertificateStatus.Valid && c.Kind == CertificateKind.Person))).Should().Be(1);
    }

    /// <summary>
    /// A cohort with two champions who took part in both stages, Conceição (Niterói, Brazil, Portuguese) and Pedro
    /// (Salto, Uruguay, Spanish), and as many more in Salto as asked for.
    /// </summary>
    internal static async Task<Setup> SetupAsync(PortalAppFactory app, string code, int others = 0)
    {
        var (cohort, sessions) = await app.AddCohortAsync(
            code,
            ("FORUM", EventKind.LaunchForum, new DateTime(2023, 10, 18, 13, 0, 0, DateTimeKind.Utc), 120, "America/Sao_Paulo"),
            ("WS1", EventKind.Workshop, new DateTime(2023, 11, 8, 14, 0, 0, DateTimeKind.Utc), 120, "America/Sao_Paulo"));
        var niteroi = await app.AddLocalGovernmentAsync($"Niterói {code}", "BR");
        var salto = await app.AddLocalGovernmentAsync($"Salto {code}", "UY");
        Task<int> Champion(string name, int place, string country, string language) => app.AddChampionAsync(cohort, sessions.Values, name, place, country, language);

        var conceicao = await Champion("Conceição Nuñez Añasco", niteroi, "BR", "pt");
        var pedro = await Champion("Pedro Rodríguez", salto, "UY", "es");
        var more = new List<int>();
        for (var i = 1; i <= others; i++)
        {
            more.Add(await Champion($"Champion {i} {code}", salto, "UY", "es"));
        }

        return new Setup(cohort, conceicao, pedro, niteroi, salto, more);
    }
}
