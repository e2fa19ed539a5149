using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace ChampionPortal.BrowserTests;

public sealed class CertificateJourney(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // The longest name we could find among Ibero-American naming customs, to prove the name shrinks to fit one line.
    private const string LongestName = "María de los Ángeles Conceição Nuñez Añasco de Bragança e Albuquerque Sotomayor";

    [Fact]
    public async Task Staff_issue_with_a_progress_bar_an_authority_downloads_her_certificate_and_a_visitor_verifies_it()
    {
        var (cohort, sessions) = await fixture.App.AddCohortAsync(
            "J-CERT",
            ("FORUM", EventKind.LaunchForum, DateTime.UtcNow.AddDays(-20), 120, "America/Sao_Paulo"),
            ("WS1", EventKind.Workshop, DateTime.UtcNow.AddDays(-10), 120, "America/Sao_Paulo"));
        var niteroi = await fixture.App.AddLocalGovernmentAsync("Niterói", "BR");
        var montevideo = await fixture.App.AddLocalGovernmentAsync("Intendencia de Montevideo", "UY");
        var quito = await fixture.App.AddLocalGovernmentAsync("Distrito Metropolitano de Quito", "EC");
        var maria = await fixture.App.AddChampionAsync(cohort, sessions.Values, LongestName, niteroi, "BR", "pt");
        await fixture.App.AddChampionAsync(cohort, sessions.Values, "Pedro Rodríguez", montevideo, "UY", "es");
        await fixture.App.AddChampionAsync(cohort, sessions.Values, "Grace Thompson", quito, "EC", "en");

        // Staff start the issuance; the page follows its progress and shows the certificates when it has finished.
        var staffEmail = await fixture.App.CreateUserAsync(Roles.RegionalStaff);
        await using (var staff = await fixture.StartJourneyAsync("certificates-staff"))
        {
            await staff.SignInAsync(staffEmail);
            await staff.Page.GotoAsync($"/certificates?cohort={cohort}");
            await Assertions.Expect(staff.Page.Locator("[data-testid=issue-form] input[name=recipients]")).ToHaveCountAsync(6);
            await staff.ShotAsync("pending");
            await staff.Page.Locator("[data-testid=issue-form] button[type=submit]").ClickAsync();
            await Assertions.Expect(staff.Page.Locator("[data-testid=issuance][data-finished=true]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(staff.Page.Locator("[data-testid=certificates] tbody tr")).ToHaveCountAsync(6);
            await Assertions.Expect(staff.Page.Locator("[data-testid=issuance] [role=progressbar]")).ToHaveAttributeAsync("aria-valuenow", "100");
            await staff.ShotAsync("issued");
            await staff.Page.Locator("a[href='/settings/certificates']").ClickAsync();
            await Assertions.Expect(staff.Page.Locator($"[data-testid=signatures] tr[data-cohort='{cohort}']")).ToBeVisibleAsync();
            await staff.ShotAsync("logos-and-signatures");
        }

        // Each certificate, looked at as a picture: three languages, a person's and a local government's.
        var certificates = await fixture.App.WithDbAsync(db => db.Certificates.AsNoTracking().Where(c => c.CohortId == cohort).ToListAsync());
        var pictures = Path.Combine(TestPaths.Artifacts("browser"), "certificates");
        foreach (var c in certificates)
        {
            await PdfPictures.FirstPageAsync(c.Pdf, Path.Combine(pictures, $"{c.Kind}-{c.Language}-{c.Serial}.png"));
        }

        // María signs in, finds her certificate and her local government's, and downloads hers.
        var mariasCertificate = certificates.Single(c => c.AuthorityId == maria);
        var mariaEmail = await fixture.App.CreateUserAsync(Roles.Authority, authorityId: maria, language: "pt");
        await using (var authority = await fixture.StartJourneyAsync("certificates-authority", "pt-BR"))
        {
            await authority.SignInAsync(mariaEmail);
            await authority.Page.GotoAsync("/certificates");
            await Assertions.Expect(authority.Page.Locator("[data-testid=certificates] tbody tr")).ToHaveCountAsync(2);
            await authority.ShotAsync("my-certificates");
            var download = await authority.Page.RunAndWaitForDownloadAsync(() =>
                authority.Page.Locator($"tr[data-id='{mariasCertificate.Id}'] [data-testid=download]").ClickAsync());
            var saved = Path.Combine(pictures, "downloaded-by-maria.pdf");
            await download.SaveAsAsync(saved);
            var bytes = await File.ReadAllBytesAsync(saved);
            bytes.Should().Equal(mariasCertificate.Pdf, "the stored, immutable PDF is what she gets");
            await PdfPictures.FirstPageAsync(bytes, Path.Combine(pictures, "downloaded-by-maria.png"));

            using var document = PdfDocument.Open(bytes);
            var page = document.GetPage(1);
            var baseline = page.GetWords().First(w => w.Text == "María").Letters[0].Location.Y;
            var nameLine = page.Letters.Where(l => Math.Abs(l.Location.Y - baseline) < 1 && !string.IsNullOrWhiteSpace(l.Value)).ToList();
            string.Concat(nameLine.Select(l => l.Value)).Should().Be(LongestName.Replace(" ", "", StringComparison.Ordinal), "the whole name stays on one line");
            nameLine.Max(l => l.BoundingBox.Right).Should().BeLessThan(page.Width - 60, "the long name shrinks to fit between the frames");

            // Her badge image, with the signed credential baked in, for a wallet or an employer.
            var badge = await authority.Page.RunAndWaitForDownloadAsync(() =>
                authority.Page.Locator($"tr[data-id='{mariasCertificate.Id}'] [data-testid=badge-svg]").ClickAsync());
            await badge.SaveAsAsync(Path.Combine(pictures, "badge-of-maria.svg"));
        }

        // An employer in Brazil drops the badge image on the verification page: the signature and status hold.
        await using (var employer = await fixture.StartJourneyAsync("certificates-credential", "pt-BR"))
        {
            await employer.Page.GotoAsync("/verify");
            await employer.Page.Locator("[data-testid=credential-form] input[type=file]").SetInputFilesAsync(Path.Combine(pictures, "badge-of-maria.svg"));
            await employer.Page.Locator("[data-testid=credential-form] button[type=submit]").ClickAsync();
            await Assertions.Expect(employer.Page.Locator("[data-testid=credential-check]")).ToHaveAttributeAsync("data-check", "Valid");
            await Assertions.Expect(employer.Page.Locator("[data-testid=credential-check]")).ToContainTextAsync("Válida: assinada por este portal");
            await Assertions.Expect(employer.Page.Locator("[data-testid=recipient]")).ToHaveTextAsync(LongestName);
            await employer.ShotAsync("credential-checked");

            // What the badge stands for, and who issues it, are a click away.
            await employer.Page.Locator("[data-testid=achievement-link]").ClickAsync();
            await Assertions.Expect(employer.Page.Locator("[data-testid=achievement-name]")).ToHaveTextAsync("Autoridade Local Campeã");
            await employer.ShotAsync("achievement");
            await employer.Page.Locator("main a[href='/issuer']").ClickAsync();
            await Assertions.Expect(employer.Page.Locator("h1")).ToHaveTextAsync("Emissor das credenciais de Autoridade Local Campeã");
            await employer.ShotAsync("issuer");
        }

        // A visitor types the code from the paper certificate, in lower case and without dashes.
        await using (var visitor = await fixture.StartJourneyAsync("certificates-verify", "es"))
        {
            await visitor.Page.GotoAsync("/verify");
            await visitor.Page.Locator("#code").FillAsync(mariasCertificate.VerificationCode.ToLowerInvariant());
            await visitor.Page.Locator("[data-testid=code-form] button[type=submit]").ClickAsync();
            await Assertions.Expect(visitor.Page.Locator("[data-testid=verification]")).ToHaveAttributeAsync("data-status", "Valid");
            await Assertions.Expect(visitor.Page.Locator("[data-testid=recipient]")).ToHaveTextAsync(LongestName);
            (await visitor.Page.Locator("main").InnerTextAsync()).Should().NotContain("@");
            await visitor.ShotAsync("verified");
        }
    }
}
