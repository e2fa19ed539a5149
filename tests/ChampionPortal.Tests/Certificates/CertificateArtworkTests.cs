using System.Net;
using AngleSharp.Dom;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using UglyToad.PdfPig;

namespace ChampionPortal.Tests.Certificates;

public sealed class CertificateArtworkTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Administrators_upload_the_logos_staff_the_cohorts_signature_and_only_certificates_issued_afterwards_show_them()
    {
        var s = await CertificateTests.SetupAsync(fixture.App, "ART1");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        using var admin = await fixture.App.SignedInClientAsync(Roles.Administrator);
        await fixture.App.WithDbAsync(db =>
        {
            db.RecognitionRules.Add(new RecognitionRules { CohortId = s.Cohort, SignatoryName = "Ana Signatory", SignatoryTitle = "Regional Director" });
            return db.SaveChangesAsync();
        });
        await IssueAsync(staff, s.Cohort, $"P:{s.Pedro}");
        var pedroBefore = await fixture.App.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.CohortId == s.Cohort && c.AuthorityId == s.Pedro));

        (await UploadAsync(admin, "/settings/certificates/logos/1", Png("LEFT LOGO"), "left.png")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await UploadAsync(admin, "/settings/certificates/logos/2", Png("RIGHT LOGO"), "right.png")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var refused = await UploadAsync(staff, "/settings/certificates/logos/1", Png("STAFF LOGO"), "staff.png");
        refused.Headers.Location!.ToString().Should().Contain("/account/access-denied", "only administrators change the logos");
        (await UploadAsync(staff, $"/settings/certificates/signatures/{s.Cohort}", Png("SIGNATURE"), "signature.png")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // Files that are not images certificates can show are refused with a message, and nothing changes.
        foreach (var (bytes, name) in new[] { ("not an image"u8.ToArray(), "logo.png"), (OneBitPng(), "one-bit.png") })
        {
            var (response, page) = await UploadPageAsync(admin, "/settings/certificates/logos/1", bytes, name);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            page.QuerySelector(".validation-summary-errors, [data-testid=validation-summary]")!.TextContent.Should().Contain("is not a PNG or JPEG image that certificates can show");
        }

        (await fixture.App.WithDbAsync(db => db.CertificateArtworks.Select(a => a.Key).ToListAsync()))
            .Should().BeEquivalentTo(["logo-1", "logo-2", $"signature-{s.Cohort}"]);
        var (_, settings) = await admin.GetPageAsync("/settings/certificates");
        settings.QuerySelectorAll("[data-testid=logos] img").Should().HaveCount(2);
        (await admin.GetAsync("/settings/certificates/images/logo-1")).Content.Headers.ContentType!.MediaType.Should().Be("image/png");

        await IssueAsync(staff, s.Cohort, $"P:{s.Conceicao}");
        var conceicao = await fixture.App.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.CohortId == s.Cohort && c.AuthorityId == s.Conceicao));
        using (var document = PdfDocument.Open(conceicao.Pdf))
        {
            document.GetPage(1).GetImages().Should().HaveCount(3, "two logos and the signature (the QR code is drawn, not an image)");
        }

        await PdfPictures.FirstPageAsync(conceicao.Pdf, Path.Combine(TestPaths.Artifacts("pdf"), "certificate-with-artwork.png"));

        var pedroAfter = await fixture.App.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.CohortId == s.Cohort && c.AuthorityId == s.Pedro));
        pedroAfter.Sha256.Should().Be(pedroBefore.Sha256, "an issued certificate is immutable");
        using (var document = PdfDocument.Open(pedroAfter.Pdf))
        {
            document.GetPage(1).GetImages().Should().BeEmpty("it was issued before the artwork");
        }

        // A sample certificate shows the layout without issuing anything.
        var count = await fixture.App.WithDbAsync(db => db.Certificates.CountAsync());
        var sample = await (await staff.GetAsync($"/settings/certificates/preview/{s.Cohort}/es")).Content.ReadAsByteArrayAsync();
        using (var document = PdfDocument.Open(sample))
        {
            string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text)).Should().Contain("Certificado de Reconocimiento").And.Contain("Conceição");
        }

        (await fixture.App.WithDbAsync(db => db.Certificates.CountAsync())).Should().Be(count);
        using var brazil = await fixture.App.SignedInClientAsync(Roles.CountryOffice, "BR");
        (await brazil.GetAsync("/settings/certificates")).Headers.Location!.ToString().Should().Contain("/account/access-denied");
    }

    [Fact]
    public async Task The_qr_code_on_a_certificate_holds_the_address_of_its_verification_page()
    {
        var s = await CertificateTests.SetupAsync(fixture.App, "ART2");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        await IssueAsync(staff, s.Cohort, $"P:{s.Conceicao}");
        var certificate = await fixture.App.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.CohortId == s.Cohort && c.AuthorityId == s.Conceicao));
        // Read as a phone would: from the printed page, here rendered at 150 dpi; the code sits in the bottom-right quarter.
        var (pixels, width, height) = await PdfPictures.FirstPageGreyAsync(certificate.Pdf, Path.Combine(TestPaths.Artifacts("pdf"), "certificate-qr.pgm"));
        var decoded = QrPayload(pixels, width, height);

        var code = string.Join("-", certificate.VerificationCode.Chunk(4).Select(c => new string(c)));
        decoded.Should().NotBeNull();
        decoded!.Text.Should().Be(new Uri(fixture.App.BaseAddress, $"/verify/{code}").ToString());
        using var phone = fixture.App.NewClient("pt");
        var (response, page) = await phone.GetPageAsync(new Uri(decoded.Text).PathAndQuery);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=recipient]")!.TextContent.Should().Be("Conceição Nuñez Añasco");
    }

    /// <summary>Reads the QR code in the bottom-right quarter of a grey page.</summary>
    private static ZXing.Result? QrPayload(byte[] pixels, int width, int height)
    {
        var source = new ZXing.RGBLuminanceSource(pixels, width, height, ZXing.RGBLuminanceSource.BitmapFormat.Gray8).crop(width / 2, height / 2, width / 2, height / 2);
        return new ZXing.QrCode.QRCodeReader().decode(new ZXing.BinaryBitmap(new ZXing.Common.HybridBinarizer(source)));
    }

    private async Task IssueAsync(PortalClient staff, int cohort, string recipient)
    {
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={cohort}");
        var token = list.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("[data-testid=issue-form] input[name=__RequestVerificationToken]")!.Value;
        await staff.PostAsync("/certificates/issue", [new("__RequestVerificationToken", token), new("cohort", cohort.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("recipients", recipient)]);
        await fixture.App.IssuancesFinishedAsync();
    }

    private static async Task<HttpResponseMessage> UploadAsync(PortalClient client, string url, byte[] bytes, string name) => (await UploadPageAsync(client, url, bytes, name)).Response;

    private static async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> UploadPageAsync(PortalClient client, string url, byte[] bytes, string name)
    {
        var (_, settings) = await client.GetPageAsync("/settings/certificates");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(settings.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "file", name },
        };
        return await client.PostMultipartAsync(url, body);
    }

    private static byte[] Png(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.L);
        return new PngByteQRCode(data).GetGraphic(6, [0x20, 0x40, 0x90, 0xff], [0xff, 0xff, 0xff, 0xff]);
    }

    // QRCoder's default PNG is 1-bit: a valid PNG that PDFsharp cannot draw.
    private static byte[] OneBitPng()
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode("one bit", QRCodeGenerator.ECCLevel.L);
        return new PngByteQRCode(data).GetGraphic(6);
    }
}
