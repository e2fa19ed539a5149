using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Journeys;

/// <summary>
/// A whole cohort run as its people run it, across every stage, on PostgreSQL with a real SMTP server: the country
/// office nominates, staff approve and reject (with a reason the office is e-mailed), invite; one person answers from
/// the e-mail's link, another only comes and checks in with the e-mail's check-in link; staff issue certificates,
/// revoke one, issue again (the revocation holds), reissue it with a reason; the person downloads the new one from
/// the e-mail's link without an account, and a visitor verifies it.
/// </summary>
public sealed class CohortJourneyTests(MailPortalFixture fixture) : IClassFixture<MailPortalFixture>
{
    [Fact]
    public async Task A_cohort_from_nomination_to_a_reissued_certificate_downloaded_from_its_email_and_verified()
    {
        var app = fixture.App;
        var (cohort, sessions) = await app.AddCohortAsync(
            "JRN", ("FORUM", EventKind.LaunchForum, DateTime.UtcNow.AddMinutes(-20), 120, "America/Montevideo"),
            ("WS1", EventKind.Workshop, DateTime.UtcNow.AddMinutes(-10), 120, "America/Montevideo"));
        var place = await app.AddLocalGovernmentAsync("Paysandú JRN", "UY");
        var ana = await Person("Ana Pereira", "ana@jrn.example.org", place, "es");
        var bruno = await Person("Bruno Acosta", "bruno@jrn.example.org", place, "pt");
        var carla = await Person("Carla Rodríguez", "carla@jrn.example.org", place, "es");
        var officeEmail = await app.CreateUserAsync(Roles.CountryOffice, "UY", language: "es");
        using var office = app.NewClient("es");
        await office.SignInAsync(officeEmail);
        using var staff = await app.SignedInClientAsync(Roles.RegionalStaff, language: "es");

        // Nominate, then review: Ana and Bruno approved, Carla rejected with a reason the office reads by e-mail.
        var nominations = new Dictionary<int, string>();
        foreach (var person in new[] { ana, bruno, carla })
        {
            var (_, form) = await office.GetPageAsync($"/nominations/new?cohort={cohort}");
            var (saved, page) = await office.SubmitAsync(form, Nomination(cohort, person));
            saved.StatusCode.Should().Be(HttpStatusCode.Redirect, page.QuerySelector("[data-testid=validation-summary]")?.TextContent);
            nominations[person] = saved.Headers.Location!.ToString();
        }

        foreach (var person in new[] { ana, bruno })
        {
            var (_, review) = await staff.GetPageAsync(nominations[person]);
            (await staff.SubmitAsync(review, new Dictionary<string, string?> { ["Approve"] = "true" }, "form[data-testid=review]")).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var (_, toReject) = await staff.GetPageAsync(nominations[carla]);
        var (_, confirmReject) = await staff.SubmitAsync(toReject, new Dictionary<string, string?> { ["Approve"] = "false" }, "form[data-testid=review]");
        await staff.SubmitAsync(confirmReject, new Dictionary<string, string?> { ["Comment"] = "No ocupa el cargo desde octubre." }, "[data-testid=reject-confirm]");
        (await fixture.Smtp.WaitForMessageToAsync(officeEmail)).Subject.Should().Be("Se aprobó una nominación");
        (await fixture.Smtp.WaitForMessageToAsync(officeEmail)).Subject.Should().Be("Se aprobó una nominación");
        (await fixture.Smtp.WaitForMessageToAsync(officeEmail)).TextBody.Should().Contain("- Carla Rodríguez").And.Contain("No ocupa el cargo desde octubre.");

        // Invite; Ana answers from the e-mail, Bruno never answers but comes: the e-mail's check-in link and the session's code.
        var (_, board) = await staff.GetPageAsync($"/invitations?cohort={cohort}");
        var (_, confirmation) = await staff.SubmitAsync(board, new Dictionary<string, string?>(), "form[data-testid=invite]");
        await staff.SubmitAsync(confirmation, new Dictionary<string, string?>());
        var anaInvitation = (await fixture.Smtp.WaitForMessageToAsync("ana@jrn.example.org")).TextBody!;
        var brunoInvitation = (await fixture.Smtp.WaitForMessageToAsync("bruno@jrn.example.org")).TextBody!;
        brunoInvitation.Should().Contain("Launch forum — Session FORUM", "the invitation lists the sessions");

        using var anaBrowser = app.NewClient("es");
        var (_, rsvp) = await anaBrowser.GetPageAsync(PathOf(Link("rsvp").Match(anaInvitation).Value));
        (await anaBrowser.SubmitAsync(rsvp, new Dictionary<string, string?> { ["accept"] = "true", ["consent"] = "true" })).Response.StatusCode.Should().Be(HttpStatusCode.OK);
        var anaConfirmation = await fixture.Smtp.WaitForMessageToAsync("ana@jrn.example.org");
        anaConfirmation.Subject.Should().StartWith("Su participación está confirmada");
        Calendar.CalendarTests.CalendarOf(anaConfirmation).Method.Should().Be("REQUEST", "accepting puts the sessions still to come in her calendar");
        using var brunoPhone = app.NewClient("pt");
        foreach (var (invitation, browser) in new[] { (anaInvitation, anaBrowser), (brunoInvitation, brunoPhone) })
        {
            foreach (var session in new[] { "FORUM", "WS1" })
            {
                var (_, checkIn) = await browser.GetPageAsync($"{PathOf(Link("check-in/invitation").Match(invitation).Value)}&code=JRN{session}");
                var (_, result) = await browser.SubmitAsync(checkIn, new Dictionary<string, string?>(), "[data-testid=check-in-form]");
                result.QuerySelector("[data-testid=check-in-result]")!.GetAttribute("data-outcome").Should().Be("CheckedIn", $"{session} by the e-mail's link");
            }
        }

        var (_, register) = await staff.GetPageAsync($"/sessions/{sessions["FORUM"]}/attendance");
        register.QuerySelector($"tr[data-authority='{bruno}'] [data-testid=invitation-status]")!.TextContent.Should().Be("Aceptada al asistir");
        var (_, funnel) = await staff.GetPageAsync($"/funnel?cohort={cohort}");
        Figure(funnel, "Accepted").Should().Be("2");
        Figure(funnel, "Eligible").Should().Be("2");

        // Certificates: issued, Ana's revoked, issuing again leaves her out, reissued with a reason.
        await IssueAsync(staff, cohort);
        var firstLink = PathOf(Link("certificates/download").Match((await fixture.Smtp.WaitForMessageToAsync("ana@jrn.example.org")).TextBody!).Value);
        var first = await app.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.AuthorityId == ana && c.Status == CertificateStatus.Valid));
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={cohort}");
        await Certificates.RevocationTests.RevokeAsync(staff, list, first.Id, "El nombre estaba mal escrito.");
        await IssueAsync(staff, cohort);
        (await app.WithDbAsync(db => db.Certificates.CountAsync(c => c.AuthorityId == ana && c.Status == CertificateStatus.Valid))).Should().Be(0, "issuing again does not undo a revocation");
        var (_, revokedList) = await staff.GetPageAsync($"/certificates?cohort={cohort}");
        await staff.SubmitAsync(revokedList, new Dictionary<string, string?> { ["reason"] = "Nombre corregido." }, "[data-testid=reissue-form]");
        var newLink = PathOf(Link("certificates/download").Match((await fixture.Smtp.WaitForMessageToAsync("ana@jrn.example.org")).TextBody!).Value);

        // Ana, without an account: the old link says it was revoked, the new one downloads; anyone verifies it.
        using var anaLater = app.NewClient("es");
        (await anaLater.GetPageAsync(firstLink)).Page.QuerySelector("[data-testid=download-status]")!.TextContent.Should().Contain("Este certificado fue revocado");
        var (_, download) = await anaLater.GetPageAsync(newLink);
        var pdf = await anaLater.GetAsync(download.QuerySelector("[data-testid=download-pdf]")!.GetAttribute("href")!);
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var current = await app.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.AuthorityId == ana && c.Status == CertificateStatus.Valid));
        using var visitor = app.NewClient("pt");
        var (_, verified) = await visitor.GetPageAsync($"/verify/{current.VerificationCode}");
        verified.QuerySelector("[data-testid=verification]")!.GetAttribute("data-status").Should().Be("Valid");
        var (_, old) = await visitor.GetPageAsync($"/verify/{first.VerificationCode}");
        old.QuerySelector("[data-testid=current]").Should().NotBeNull("the revoked certificate points to the one that replaced it");
    }

    private async Task<int> Person(string name, string email, int place, string language)
    {
        var id = await fixture.App.AddAuthorityAsync(name, email, place, "UY");
        await fixture.App.WithDbAsync(async db =>
        {
            (await db.Authorities.FindAsync(id))!.PreferredLanguage = language;
            return await db.SaveChangesAsync();
        });
        return id;
    }

    private async Task IssueAsync(PortalClient staff, int cohort)
    {
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={cohort}");
        await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
        await fixture.App.IssuancesFinishedAsync();
    }

    private static Dictionary<string, string?> Nomination(int cohort, int authority)
    {
        var fields = new Dictionary<string, string?>
        {
            ["Form.CohortId"] = cohort.ToString(CultureInfo.InvariantCulture),
            ["Form.AuthorityId"] = authority.ToString(CultureInfo.InvariantCulture),
            ["Form.Justification"] = "Lidera la oficina municipal de atención a migrantes.",
            ["Form.Submit"] = "true",
            ["Form.Criteria[0].Met"] = "true",
            ["Form.Criteria[0].EvidenceText"] = "MGI local 2022",
        };
        return fields;
    }

    private static string Figure(IDocument funnel, string stage) =>
        funnel.QuerySelector($"[data-testid=funnel-table] tr[data-stage={stage}] [data-testid=people]")!.TextContent;

    private static string PathOf(string url) => new Uri(url).PathAndQuery;

    private static Regex Link(string path) => new($@"https?://\S+/{path}/\S+");
}
