using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace ChampionPortal.Tests.Workshop;

/// <summary>A portal with a real SMTP server and a 1 MB upload limit.</summary>
public sealed class LibraryFixture : MailPortalFixture
{
    protected override PortalAppFactory CreateFactory(string connectionString) =>
        new(connectionString, settings: new Dictionary<string, string?>(Smtp.PortalSettings) { ["Resources:MaxMegabytes"] = "1" });
}

public sealed partial class ResourceAndDisseminationTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task Uploads_are_judged_by_content_and_size_stored_with_their_hash_and_served_as_attachments_by_visibility()
    {
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var executable = new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 }.Concat(new byte[200]).ToArray();
        (await UploadAsync(staff, "Manual", "Public", executable, "manual.pdf")).Should().Contain("whatever its name says");
        (await UploadAsync(staff, "Manual", "Public", Pdf.Concat(new byte[1024 * 1024]).ToArray(), "big.pdf")).Should().Contain("larger than 1 MB");
        (await UploadAsync(staff, "Zip", "Public", Zip("notes.txt"), "notes.docx")).Should().Contain("whatever its name says", "a ZIP without a document part is no DOCX");
        (await fixture.App.WithDbAsync(db => db.Resources.CountAsync(r => r.Title == "Manual" || r.Title == "Zip"))).Should().Be(0, "nothing refused is stored");

        (await UploadAsync(staff, "Políticas públicas con enfoque del Pacto Mundial", "Public", Pdf, "manual público.exe")).Should().BeNull();
        (await UploadAsync(staff, "Guía para campeones", "Champions", Zip("word/document.xml"), "guia.docx")).Should().BeNull();
        string[] mine = ["Políticas públicas con enfoque del Pacto Mundial", "Guía para campeones"];
        var stored = await fixture.App.WithDbAsync(db => db.ResourceFiles.AsNoTracking().Where(f => db.Resources.Any(r => r.Id == f.ResourceId && mine.Contains(r.Title))).ToListAsync());
        var pdf = stored.Single(f => f.ContentType == "application/pdf");
        pdf.Sha256.Should().Be(Convert.ToHexString(SHA256.HashData(Pdf)).ToLowerInvariant());
        pdf.FileName.Should().Be("manual-público.pdf", "the name keeps its letters and takes the extension of what the content is");
        var docx = stored.Single(f => f.ContentType!.Contains("wordprocessingml", StringComparison.Ordinal));

        using var anonymous = fixture.App.NewClient();
        var (_, library) = await anonymous.GetPageAsync("/resources");
        library.QuerySelectorAll("[data-testid=resources] .card").Should().ContainSingle().Which.TextContent.Should().Contain("Políticas públicas");
        var download = await anonymous.GetAsync($"/resources/{pdf.ResourceId}/es");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        download.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(Pdf);
        (await anonymous.GetAsync($"/resources/{docx.ResourceId}/es")).StatusCode.Should().Be(HttpStatusCode.NotFound, "champions-only material is not public");

        using var authority = await fixture.App.SignedInClientAsync(Roles.Authority, authorityId: await fixture.App.AddAuthorityAsync("Campeona", await fixture.App.AddLocalGovernmentAsync("Quilmes", "AR"), "AR"));
        (await authority.GetAsync($"/resources/{docx.ResourceId}/es")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_dissemination_reaches_each_recipient_once_in_their_language_and_each_link_works_only_for_its_recipient()
    {
        var (cohort, _) = await fixture.App.AddCohortAsync("DIS1", ("WS1", EventKind.Workshop, new DateTime(2023, 11, 8, 14, 0, 0, DateTimeKind.Utc), 120, "America/Bogota"));
        var place = await fixture.App.AddLocalGovernmentAsync("Niterói DIS1", "BR");
        var (ana, joao, declined) = ("ana.dis1@test.example.org", "joao.dis1@test.example.org", "declined.dis1@test.example.org");
        foreach (var (name, email, language, status) in new[] { ("Ana Dis", ana, "es", InvitationStatus.Accepted), ("João Dis", joao, "pt", InvitationStatus.Accepted), ("Rui Dis", declined, "pt", InvitationStatus.Declined) })
        {
            var id = await fixture.App.AddAuthorityAsync(name, email, place, "BR");
            await fixture.App.WithDbAsync(async db => { (await db.Authorities.FindAsync(id))!.PreferredLanguage = language; return await db.SaveChangesAsync(); });
            await fixture.App.AddInvitationAsync(cohort, id, status);
        }

        await fixture.App.WithDbAsync(async db =>
        {
            db.AgendaEntries.Add(new AgendaEntry { CohortId = cohort, Kind = AgendaItemKind.Action, Text = "Capacitação em gestão migratória", Status = AgendaEntryStatus.Agreed });
            db.Stakeholders.Add(new Stakeholder { Organization = "Red de Ciudades", ContactName = "Mia Stake", Email = "mia.dis1@test.example.org", Language = "en" });
            return await db.SaveChangesAsync();
        });
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, publications) = await staff.GetPageAsync($"/publications?cohort={cohort}");
        await staff.SubmitAsync(publications, new Dictionary<string, string?>(), "[data-testid=publish] form:first-of-type");

        var (_, page) = await staff.GetPageAsync($"/dissemination?cohort={cohort}");
        var agenda = page.QuerySelector("#AgendaPublicationId option:not([value=''])")!.GetAttribute("value");
        var stakeholder = page.QuerySelector("input[name=StakeholderIds]")!.GetAttribute("value");
        var (sent, _) = await staff.SubmitAsync(page, new Dictionary<string, string?> { ["AgendaPublicationId"] = agenda, ["StakeholderIds"] = stakeholder }, "[data-testid=send-form]");
        sent.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var toAna = await fixture.Smtp.WaitForMessageToAsync(ana);
        var toJoao = await fixture.Smtp.WaitForMessageToAsync(joao);
        var toMia = await fixture.Smtp.WaitForMessageToAsync("mia.dis1@test.example.org");
        toAna.Subject.Should().StartWith("Material de Autoridades Locales Campeonas");
        toJoao.Subject.Should().StartWith("Material das Autoridades Locais Campeãs");
        toMia.Subject.Should().StartWith("Material of the Champion Local Authorities");
        (await fixture.App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress.EndsWith("dis1@test.example.org")))).Should().Be(3, "once per recipient; the person who declined is no champion");

        using var visitor = fixture.App.NewClient();
        var joaoLink = new Uri(LinkPattern().Match(toJoao.TextBody!).Value).PathAndQuery;
        var (_, material) = await visitor.GetPageAsync(joaoLink);
        material.DocumentElement.GetAttribute("lang").Should().Be("pt");
        var pdfLink = material.QuerySelector("[data-testid=material-item]")!.GetAttribute("href")!;
        var pdf = await visitor.GetAsync(pdfLink);
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).Should().Contain("Agenda Local Integrada de Migração").And.Contain("Capacitação");
        }

        var downloads = await fixture.App.WithDbAsync(db => db.DisseminationRecipients.AsNoTracking().ToDictionaryAsync(r => r.Email, r => (r.FirstDownloadAtUtc, r.Downloads)));
        downloads[joao].Downloads.Should().Be(1);
        downloads[ana].FirstDownloadAtUtc.Should().BeNull("only João's own link was used");

        var otherPublication = await fixture.App.WithDbAsync(db => db.Publications.MaxAsync(p => p.Id)) + 1000;
        (await visitor.GetAsync(pdfLink.Replace($"/publications/{agenda}", $"/publications/{otherPublication}", StringComparison.Ordinal))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await visitor.GetAsync($"/material/not-a-real-link/publications/{agenda}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var (_, history) = await staff.GetPageAsync($"/dissemination?cohort={cohort}");
        history.QuerySelector("[data-testid=sent]")!.TextContent.Should().Contain("3 recipients, 1 downloaded");
    }

    [Fact]
    public async Task A_stakeholder_with_a_bad_email_or_an_unknown_country_is_refused_with_a_message_and_nothing_is_written()
    {
        var (cohort, _) = await fixture.App.AddCohortAsync("DIS2", ("WS1", EventKind.Workshop, new DateTime(2023, 11, 8, 14, 0, 0, DateTimeKind.Utc), 120, "America/Bogota"));
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, page) = await staff.GetPageAsync($"/dissemination?cohort={cohort}");
        var before = await fixture.App.WithDbAsync(db => db.Stakeholders.CountAsync());

        var (badEmail, shown) = await staff.SubmitAsync(page, new Dictionary<string, string?> { ["Form.Organization"] = "ACNUR", ["Form.ContactName"] = "Lía", ["Form.Email"] = "not-an-email" }, "[data-testid=stakeholder-form]");
        badEmail.StatusCode.Should().Be(HttpStatusCode.OK);
        shown.QuerySelector("[data-testid=validation-summary]").Should().NotBeNull();
        var (_, unknownCountry) = await staff.SubmitAsync(page, new Dictionary<string, string?> { ["Form.Organization"] = "ACNUR", ["Form.ContactName"] = "Lía", ["Form.Email"] = "lia@test.example.org", ["Form.CountryCode"] = "XX" }, "[data-testid=stakeholder-form]");
        unknownCountry.QuerySelector("[data-testid=validation-summary]")!.TextContent.Should().Contain("one of the ten countries");

        (await fixture.App.WithDbAsync(db => db.Stakeholders.CountAsync())).Should().Be(before);
    }

    private static byte[] Zip(string part)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(part).Open());
            writer.Write("<document/>");
        }

        return stream.ToArray();
    }

    /// <summary>Uploads through the library's form; null when accepted, else the error the page shows.</summary>
    [Fact]
    public async Task The_material_e_mail_names_the_cohort_and_the_resources_in_each_recipients_language()
    {
        var (cohort, _) = await fixture.App.AddCohortAsync("DIS3", ("WS1", EventKind.Workshop, new DateTime(2023, 11, 8, 14, 0, 0, DateTimeKind.Utc), 120, "America/Bogota"));
        await fixture.App.WithDbAsync(async db =>
        {
            var named = await db.Cohorts.SingleAsync(c => c.Id == cohort);
            (named.Name, named.NameEs, named.NamePt) = ("2023 — first cohort", "2023 — primera cohorte", "2023 — primeira coorte");
            return await db.SaveChangesAsync();
        });
        var place = await fixture.App.AddLocalGovernmentAsync("Niterói DIS3", "BR");
        var (ana, joao) = ("ana.dis3@test.example.org", "joao.dis3@test.example.org");
        foreach (var (name, email, language) in new[] { ("Ana Dis", ana, "es"), ("João Dis", joao, "pt") })
        {
            var id = await fixture.App.AddAuthorityAsync(name, email, place, "BR");
            await fixture.App.WithDbAsync(async db => { (await db.Authorities.FindAsync(id))!.PreferredLanguage = language; return await db.SaveChangesAsync(); });
            await fixture.App.AddInvitationAsync(cohort, id, InvitationStatus.Accepted);
        }

        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        (await UploadAsync(staff, "Public policies at the local level", "Champions", Pdf, "handbook.pdf",
            ("Form.TitleEs", "Políticas públicas a nivel local"), ("Form.TitlePt", "Políticas públicas no nível local"),
            ("Form.Description", "A guide for city teams."), ("Form.DescriptionEs", "Una guía para los equipos municipales."))).Should().BeNull();
        using var spanish = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "es");
        var library = (await spanish.GetPageAsync("/resources")).Page.QuerySelector("[data-testid=resources]")!.TextContent;
        library.Should().Contain("Políticas públicas a nivel local").And.Contain("Una guía para los equipos municipales.").And.NotContain("A guide for city teams.");
        using var portuguese = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "pt");
        (await portuguese.GetPageAsync("/resources")).Page.QuerySelector("[data-testid=resources]")!.TextContent
            .Should().Contain("A guide for city teams.", "a description left empty in Portuguese falls back to the English");

        var (_, page) = await staff.GetPageAsync($"/dissemination?cohort={cohort}");
        var resource = page.QuerySelector("input[name=ResourceIds]")!.GetAttribute("value");
        var (sent, _) = await staff.SubmitAsync(page, new Dictionary<string, string?> { ["ResourceIds"] = resource, ["Champions"] = "true" }, "[data-testid=send-form]");
        sent.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var toAna = await fixture.Smtp.WaitForMessageToAsync(ana);
        var toJoao = await fixture.Smtp.WaitForMessageToAsync(joao);
        toAna.TextBody.Should().Contain("2023 — primera cohorte").And.Contain("Políticas públicas a nivel local").And.NotContain("first cohort");
        toJoao.TextBody.Should().Contain("2023 — primeira coorte").And.Contain("Políticas públicas no nível local").And.NotContain("first cohort");
    }

    [Fact]
    public async Task The_material_e_mail_opens_with_the_staffs_introduction_in_each_recipients_language()
    {
        var (cohort, _) = await fixture.App.AddCohortAsync("DIS4", ("WS1", EventKind.Workshop, new DateTime(2023, 11, 8, 14, 0, 0, DateTimeKind.Utc), 120, "America/Bogota"));
        var place = await fixture.App.AddLocalGovernmentAsync("Niterói DIS4", "BR");
        var (ana, joao) = ("ana.dis4@test.example.org", "joao.dis4@test.example.org");
        foreach (var (name, email, language) in new[] { ("Ana Dis", ana, "es"), ("João Dis", joao, "pt") })
        {
            var id = await fixture.App.AddAuthorityAsync(name, email, place, "BR");
            await fixture.App.WithDbAsync(async db => { (await db.Authorities.FindAsync(id))!.PreferredLanguage = language; return await db.SaveChangesAsync(); });
            await fixture.App.AddInvitationAsync(cohort, id, InvitationStatus.Accepted);
        }

        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        (await UploadAsync(staff, "Workshop report DIS4", "Champions", Pdf, "report.pdf")).Should().BeNull();
        var (_, page) = await staff.GetPageAsync($"/dissemination?cohort={cohort}");
        var resource = page.QuerySelectorAll("input[name=ResourceIds]").Single(i => i.ParentElement!.TextContent.Contains("Workshop report DIS4")).GetAttribute("value");
        var outbox = await fixture.App.WithDbAsync(db => db.OutboxMessages.CountAsync());

        // A translation without the English, which readers of a language left empty would get, is refused; nothing is sent.
        var (refused, again) = await staff.SubmitAsync(page, new Dictionary<string, string?> { ["ResourceIds"] = resource, ["Champions"] = "true", ["IntroductionEs"] = "Estimadas autoridades:" }, "[data-testid=send-form]");
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        again.QuerySelector("[data-valmsg-for=Introduction]")!.TextContent.Should().Be("Write the introduction in English too: readers of a language left empty get it.");
        again.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("textarea[name=IntroductionEs]")!.Value.Should().Be("Estimadas autoridades:", "what was typed is kept");
        (await fixture.App.WithDbAsync(db => db.OutboxMessages.CountAsync())).Should().Be(outbox);

        var (sent, _) = await staff.SubmitAsync(again, new Dictionary<string, string?>
        {
            ["ResourceIds"] = resource,
            ["Champions"] = "true",
            ["Introduction"] = "Dear champions,\nhere is the workshop's report.",
            ["IntroductionEs"] = "Estimadas autoridades:\naquí está el informe del taller.",
            ["IntroductionPt"] = "",
        }, "[data-testid=send-form]");
        sent.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var toAna = await fixture.Smtp.WaitForMessageToAsync(ana);
        var toJoao = await fixture.Smtp.WaitForMessageToAsync(joao);
        toAna.TextBody.Should().Contain("Estimadas autoridades:").And.Contain("aquí está el informe del taller.").And.NotContain("Dear champions");
        toAna.HtmlBody.Should().Contain("aquí está el informe del taller.");
        toJoao.TextBody.Should().Contain("Dear champions,", "a Portuguese introduction left empty falls back to the English");
        var link = System.Text.RegularExpressions.Regex.Match(toAna.TextBody!, @"https?://\S+/material/\S+").Value;
        using var anyone = fixture.App.NewClient("es");
        (await anyone.GetPageAsync(new Uri(link).PathAndQuery)).Page.QuerySelector("[data-testid=material-introduction]")!.TextContent.Should().Contain("aquí está el informe del taller.");
    }

    private static async Task<string?> UploadAsync(PortalClient client, string title, string visibility, byte[] content, string fileName, params (string Field, string Value)[] more)
    {
        var (_, page) = await client.GetPageAsync("/resources");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("[data-testid=resource-form]")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
            { new StringContent(title), "Form.Title" },
            { new StringContent(visibility), "Form.Visibility" },
            { new StringContent("es"), "Form.Language" },
            { new ByteArrayContent(content), "file", fileName },
        };
        foreach (var (field, value) in more)
        {
            body.Add(new StringContent(value), field);
        }

        var response = await client.PostMultipartAsync("/resources", body);
        if (response.Response.StatusCode == HttpStatusCode.Redirect)
        {
            return null;
        }

        return response.Page.QuerySelector(".validation-summary-errors, [data-testid=validation-summary]")?.TextContent ?? response.Page.QuerySelector("main")!.TextContent;
    }

    [GeneratedRegex(@"https?://\S+/material/\S+")]
    private static partial Regex LinkPattern();
}
