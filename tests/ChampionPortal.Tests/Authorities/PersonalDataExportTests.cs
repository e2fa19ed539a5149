using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChampionPortal.Testing;
using ChampionPortal.Tests.Certificates;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Authorities;

public sealed class PersonalDataExportTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task An_administrator_exports_everything_held_about_an_authority_and_no_one_else_can()
    {
        var s = await CertificateTests.SetupAsync(fixture.App, "PDX1");
        using (var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff))
        {
            var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
            await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
            await fixture.App.IssuancesFinishedAsync();
            (await staff.GetAsync($"/authorities/{s.Conceicao}/personal-data")).Headers.Location!.ToString().Should().Contain("/account/access-denied");
        }

        var accountEmail = await fixture.App.CreateUserAsync(Roles.Authority, authorityId: s.Conceicao);
        using var admin = await fixture.App.SignedInClientAsync(Roles.Administrator);
        (await admin.GetPageAsync($"/authorities/{s.Conceicao}")).Page.QuerySelector("[data-testid=personal-data]").Should().NotBeNull();
        var response = await admin.GetAsync($"/authorities/{s.Conceicao}/personal-data");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;

        var email = await fixture.App.WithDbAsync(db => db.Authorities.Where(a => a.Id == s.Conceicao).Select(a => a.Email).SingleAsync());
        root.GetProperty("authority").GetProperty("fullName").GetString().Should().Be("Conceição Nuñez Añasco");
        root.GetProperty("authority").GetProperty("email").GetString().Should().Be(email);
        root.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("email").GetString()).Should().Equal(accountEmail);
        root.GetProperty("nominations").GetArrayLength().Should().Be(1);
        root.GetProperty("invitations")[0].GetProperty("status").GetString().Should().Be("Accepted");
        root.GetProperty("attendance").GetArrayLength().Should().Be(2, "both sessions");
        root.GetProperty("certificates")[0].GetProperty("serial").GetString().Should().StartWith("CLA-PDX1-");
        root.GetProperty("auditTrail").GetArrayLength().Should().BeGreaterThan(0);
        text.Should().NotContain("PasswordHash").And.NotContain("SecurityStamp").And.NotContain("TokenHash");

        (await admin.GetAsync("/authorities/999999/personal-data")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_administrator_erases_a_person_and_the_figures_and_certificate_verification_stay()
    {
        var s = await CertificateTests.SetupAsync(fixture.App, "ERA1");
        const string name = "Conceição Nuñez Añasco";
        var email = await fixture.App.WithDbAsync(db => db.Authorities.Where(a => a.Id == s.Conceicao).Select(a => a.Email).SingleAsync());
        var accountEmail = await fixture.App.CreateUserAsync(Roles.Authority, authorityId: s.Conceicao);
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
        await fixture.App.IssuancesFinishedAsync();
        var certificate = await fixture.App.WithDbAsync(db => db.Certificates
            .Where(c => c.AuthorityId == s.Conceicao && c.Kind == CertificateKind.Person).Select(c => new { c.Id, c.VerificationCode, c.Sha256 }).SingleAsync());
        var figuresBefore = await (await staff.GetAsync($"/funnel/export?cohort={s.Cohort}&table=Stages&format=csv")).Content.ReadAsStringAsync();
        (await fixture.App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email))).Should().BeGreaterThan(0, "she was told her certificate is ready");
        await fixture.App.WithDbAsync(async db =>
        {
            db.CalendarFeeds.Add(new CalendarFeed { AuthorityId = s.Conceicao, Token = "era1-feed-of-conceicao", CreatedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        (await fixture.App.NewClient().GetAsync("/calendar/era1-feed-of-conceicao.ics")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await staff.GetAsync($"/authorities/{s.Conceicao}/erase")).Headers.Location!.ToString().Should().Contain("/account/access-denied", "only Administrators erase");
        using var admin = await fixture.App.SignedInClientAsync(Roles.Administrator);
        var (_, details) = await admin.GetPageAsync($"/authorities/{s.Conceicao}");
        var (_, confirm) = await admin.GetPageAsync(details.QuerySelector("[data-testid=erase]")!.GetAttribute("href")!);
        var (erased, _) = await admin.SubmitAsync(confirm, new Dictionary<string, string?>());
        erased.Headers.Location!.ToString().Should().Be($"/authorities/{s.Conceicao}");

        var (_, after) = await admin.GetPageAsync($"/authorities/{s.Conceicao}");
        after.QuerySelector("main")!.TextContent.Should().NotContain(name).And.NotContain(email);
        (await fixture.App.WithDbAsync(db => db.Users.CountAsync(u => u.AuthorityId == s.Conceicao))).Should().Be(0, "the account is gone");
        using (var former = fixture.App.NewClient())
        {
            (await former.SignInAsync(accountEmail)).StatusCode.Should().Be(HttpStatusCode.OK, "the account can no longer sign in");
        }

        (await fixture.App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == email))).Should().Be(0);
        (await fixture.App.WithDbAsync(db => db.CalendarFeeds.CountAsync(f => f.AuthorityId == s.Conceicao))).Should().Be(0, "her calendar address showed her sessions and join links");
        (await fixture.App.NewClient().GetAsync("/calendar/era1-feed-of-conceicao.ics")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var audit = await fixture.App.WithDbAsync(db => db.AuditEntries.Select(e => e.ChangesJson).ToListAsync());
        var readable = audit.Select(j => JsonNode.Parse(j)!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })).ToList();
        readable.Should().NotContain(j => j.Contains(name) || j.Contains(email) || j.Contains(accountEmail), "the audit trail keeps no erased value");
        readable.Should().Contain(j => j.Contains("[erased]"));

        using var visitor = fixture.App.NewClient("pt");
        var (verified, verification) = await visitor.GetPageAsync($"/verify/{certificate.VerificationCode}");
        verified.StatusCode.Should().Be(HttpStatusCode.OK);
        verification.QuerySelector("[data-testid=recipient]")!.TextContent.Should().Be("Nome reservado a pedido da pessoa");
        verification.QuerySelector("main")!.TextContent.Should().Contain("Niterói ERA1");
        (await admin.GetAsync($"/certificates/{certificate.Id}/pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the PDF carried the name");
        (await fixture.App.WithDbAsync(db => db.Certificates.Where(c => c.Id == certificate.Id).Select(c => c.Sha256).SingleAsync()))
            .Should().Be(certificate.Sha256, "a copy the person kept can still be checked against the record");
        (await visitor.GetPageAsync("/champions")).Page.Body!.TextContent.Should().NotContain(name);

        var figuresAfter = await (await staff.GetAsync($"/funnel/export?cohort={s.Cohort}&table=Stages&format=csv")).Content.ReadAsStringAsync();
        figuresAfter.Should().Be(figuresBefore, "the cohort's figures do not change");
    }
}
