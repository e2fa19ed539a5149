using System.Net;
using System.Text.RegularExpressions;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace ChampionPortal.Tests.Certificates;

/// <summary>People imported or invited have no account: the certificate e-mail's own link is how they get the file.</summary>
public sealed partial class CertificateDownloadLinkTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_emails_personal_link_downloads_the_certificate_without_an_account_offers_one_and_stops_when_it_is_revoked()
    {
        var s = await CertificateTests.SetupAsync(fixture.App, "DLK1");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
        await fixture.App.IssuancesFinishedAsync();
        var text = await CertificateEmailTextAsync(s.Pedro);
        text.Should().NotContain("Inicie sesión", "he has no account to sign in with");
        var link = new Uri(DownloadLink().Match(text).Value).PathAndQuery;

        using var pedro = fixture.App.NewClient("es");
        var (opened, page) = await pedro.GetPageAsync(link);
        opened.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("h1")!.TextContent.Should().Be("Su certificado");
        page.QuerySelector("[data-testid=recipient]")!.TextContent.Should().Be("Pedro Rodríguez");
        var pdf = await pedro.GetAsync(page.QuerySelector("[data-testid=download-pdf]")!.GetAttribute("href")!);
        pdf.StatusCode.Should().Be(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text)).Should().Contain("Rodríguez");
        }

        // From there he may create his account, which then lists the certificate.
        var (toPassword, _) = await pedro.SubmitAsync(page, new Dictionary<string, string?>(), "[data-testid=create-account]");
        toPassword.StatusCode.Should().Be(HttpStatusCode.Redirect);
        toPassword.Headers.Location!.ToString().Should().StartWith("/account/reset-password?user=");
        (await fixture.App.WithDbAsync(db => db.Users.CountAsync(u => u.AuthorityId == s.Pedro))).Should().Be(1);

        // A link someone altered, or an old one of a revoked certificate, gets nothing.
        using var stranger = fixture.App.NewClient("es");
        (await stranger.GetAsync(link[..^3] + "xyz")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var id = await fixture.App.WithDbAsync(db => db.Certificates.Where(c => c.AuthorityId == s.Pedro).Select(c => c.Id).SingleAsync());
        var (_, again) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        await RevocationTests.RevokeAsync(staff, again, id, "Issued in error.");
        var (_, revoked) = await pedro.GetPageAsync(link);
        revoked.QuerySelector("[data-testid=download-status]")!.TextContent.Should().Contain("Este certificado fue revocado");
        revoked.QuerySelector("[data-testid=download-pdf]").Should().BeNull();
        (await pedro.GetAsync(link + "/pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private Task<string> CertificateEmailTextAsync(int authority) =>
        fixture.App.WithDbAsync(async db =>
        {
            var email = await db.Authorities.Where(a => a.Id == authority).Select(a => a.Email).SingleAsync();
            return await db.OutboxMessages.Where(m => m.ToAddress == email).Select(m => m.TextBody).SingleAsync();
        });

    [GeneratedRegex(@"https?://\S+/certificates/download/\S+")]
    private static partial Regex DownloadLink();
}
