using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Tests.Certificates;

/// <summary>A revocation is a decision: issuing again does not undo it; only staff's reissue, with a reason, does.</summary>
public sealed class RevocationTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_revoked_person_is_not_issued_again_until_staff_reissue_with_a_reason_and_the_old_verification_then_points_to_the_new_certificate()
    {
        var s = await CertificateTests.SetupAsync(fixture.App, "RVK1");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        await IssueAllAsync(staff, s.Cohort);
        var pedro = await CertificateOfAsync(s.Cohort, $"P:{s.Pedro}");

        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        var (_, confirmation) = await staff.SubmitAsync(list, new Dictionary<string, string?> { ["reason"] = "Named by mistake." }, $"tr[data-id='{pedro.Id}'] form[action*=revoke]");
        confirmation.QuerySelector("h1")!.TextContent.Should().Be("Revoke this certificate?");
        confirmation.QuerySelector("[data-testid=confirm-revoke]")!.TextContent.Should().Contain(pedro.Serial).And.Contain("Named by mistake.").And.Contain("leaves the public champions directory");
        (await CertificateByIdAsync(pedro.Id)).Status.Should().Be(CertificateStatus.Valid, "nothing is revoked before the confirmation");
        var (revoked, afterRevoke) = await FollowAsync(staff, await staff.SubmitAsync(confirmation, new Dictionary<string, string?>(), "[data-testid=confirm-revoke-form]"));
        revoked.StatusCode.Should().Be(HttpStatusCode.OK);
        afterRevoke.QuerySelector("[data-testid=notice]")!.TextContent.Should().Be("The certificate was revoked.");
        var revokedOn = (await CertificateByIdAsync(pedro.Id)).RevokedAtUtc!.Value.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en"));

        // Issuing to everyone eligible again leaves him out, and says why.
        afterRevoke.QuerySelectorAll("[data-testid=issue-form] input[name=recipients]").Should().BeEmpty("everyone else already holds a certificate");
        afterRevoke.QuerySelector($"[data-testid=revoked] [data-recipient='P:{s.Pedro}'] [data-testid=revocation]")!.TextContent
            .Should().Be($"revoked on {revokedOn}: Named by mistake.");
        await staff.SubmitAsync(afterRevoke, new Dictionary<string, string?>(), "[data-testid=issue-form]");
        await fixture.App.IssuancesFinishedAsync();
        (await ValidCountAsync(s.Cohort, $"P:{s.Pedro}")).Should().Be(0);
        var (_, eligibility) = await staff.GetPageAsync($"/cohorts/{s.Cohort}/eligibility");
        eligibility.QuerySelector($"tr[data-authority='{s.Pedro}'] [data-testid=why]")!.TextContent
            .Should().Contain($"certificate revoked on {revokedOn}: Named by mistake.");

        // A revocation made while an issuance waited in the queue holds too.
        using (var scope = fixture.App.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<CertificateIssuer>().IssueToAsync(s.Cohort, $"P:{s.Pedro}", notify: true))
                .Should().BeNull("the background issuer does not undo a revocation either");
        }

        (await OutboxSubjectsAsync(s.Pedro)).Should().HaveCount(1, "only the first certificate was announced");

        // Reissuing needs a reason; with one, a new certificate is issued, he is told, and the old code points to it.
        var (_, withRevoked) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        var (_, noReason) = await FollowAsync(staff, await staff.SubmitAsync(withRevoked, new Dictionary<string, string?> { ["reason"] = " " }, "[data-testid=reissue-form]"));
        noReason.QuerySelector("[data-testid=notice]")!.TextContent.Should().Be("Revoking or reissuing a certificate needs a reason.");
        (await ValidCountAsync(s.Cohort, $"P:{s.Pedro}")).Should().Be(0);

        var (_, reissued) = await FollowAsync(staff, await staff.SubmitAsync(withRevoked, new Dictionary<string, string?> { ["reason"] = "Name corrected; the committee confirmed." }, "[data-testid=reissue-form]"));
        reissued.QuerySelector("[data-testid=notice]")!.TextContent.Should().StartWith("A new certificate was issued");
        reissued.QuerySelector("[data-testid=revoked]").Should().BeNull();
        var current = await CertificateOfAsync(s.Cohort, $"P:{s.Pedro}");
        (await CertificateByIdAsync(pedro.Id)).Should().Match<Certificate>(c => c.Status == CertificateStatus.Revoked && c.SupersededById == current.Id && c.ReissueReason == "Name corrected; the committee confirmed.");
        (await OutboxSubjectsAsync(s.Pedro)).Should().HaveCount(2, "the person is told of the new certificate");

        using var visitor = fixture.App.NewClient();
        var (_, old) = await visitor.GetPageAsync($"/verify/{CertificateVerification.Grouped(pedro.VerificationCode)}");
        old.QuerySelector("[data-testid=verification]")!.GetAttribute("data-status").Should().Be("Revoked");
        old.QuerySelector("[data-testid=verification]")!.TextContent.Should().Contain("It was replaced by a new certificate:");
        old.QuerySelector("[data-testid=current]")!.TextContent.Should().Be(CertificateVerification.Grouped(current.VerificationCode));

        // The reissue is not repeated by a second click on the stale page.
        var (_, again) = await FollowAsync(staff, await staff.SubmitAsync(withRevoked, new Dictionary<string, string?> { ["reason"] = "Twice." }, "[data-testid=reissue-form]"));
        again.QuerySelector("[data-testid=notice]")!.TextContent.Should().Be("Only a revoked certificate that has not been reissued can be reissued.");
        (await ValidCountAsync(s.Cohort, $"P:{s.Pedro}")).Should().Be(1);
    }

    [Fact]
    public async Task A_reason_longer_than_its_column_is_refused_with_a_message_and_changes_nothing()
    {
        var s = await CertificateTests.SetupAsync(fixture.App, "RVK2");
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff, language: "es");
        await IssueAllAsync(staff, s.Cohort);
        var pedro = await CertificateOfAsync(s.Cohort, $"P:{s.Pedro}");

        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        var (response, page) = await FollowAsync(staff, await staff.SubmitAsync(list, new Dictionary<string, string?> { ["reason"] = new string('x', 1001) }, $"tr[data-id='{pedro.Id}'] form[action*=revoke]"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=notice]")!.TextContent.Should().Be("El motivo es demasiado largo: como máximo 1.000 caracteres. No se cambió nada.");
        (await CertificateByIdAsync(pedro.Id)).Status.Should().Be(CertificateStatus.Valid);

        var (_, eligibility) = await staff.GetPageAsync($"/cohorts/{s.Cohort}/eligibility");
        var (_, decided) = await FollowAsync(staff, await staff.SubmitAsync(
            eligibility, new Dictionary<string, string?> { ["Decision"] = "withhold", ["Reason"] = new string('y', 1001) }, $"tr[data-authority='{s.Pedro}'] form"));
        decided.QuerySelector("[data-testid=notice]")!.TextContent.Should().Be("Motivo admite como máximo 1000 caracteres.");
        (await fixture.App.WithDbAsync(db => db.EligibilityExceptions.CountAsync(e => e.CohortId == s.Cohort))).Should().Be(0);
    }

    [Fact]
    public async Task A_local_governments_certificate_stands_when_its_peoples_are_revoked_and_every_page_counts_it_alike()
    {
        var s = await CertificateTests.SetupAsync(fixture.App, "RVK3", others: 1);
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        await IssueAllAsync(staff, s.Cohort);
        foreach (var person in new[] { s.Pedro, s.Others[0] })
        {
            var certificate = await CertificateOfAsync(s.Cohort, $"P:{person}");
            var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
            await RevokeAsync(staff, list, certificate.Id, "Did not attend.");
        }

        // Both people who represented Salto lost theirs; Salto's own certificate was not revoked, so it stands.
        (await ValidCountAsync(s.Cohort, $"G:{s.Salto}")).Should().Be(1);
        var (_, funnel) = await staff.GetPageAsync($"/funnel?cohort={s.Cohort}");
        var certified = funnel.QuerySelector("[data-testid=funnel-table] tr[data-stage=Certified]")!;
        certified.QuerySelector("[data-testid=people]")!.TextContent.Should().Be("1", "only Conceição still holds a personal certificate");
        certified.QuerySelector("[data-testid=governments]")!.TextContent.Should().Be("2", "Niterói and Salto hold valid certificates");
        certified.QuerySelector("[data-testid=countries]")!.TextContent.Should().Be("2");
        funnel.QuerySelector("[data-testid=funnel-table] tr[data-stage=Eligible] th")!.TextContent.Should().Be("Eligible: launch forum and workshop", "the label says the rule as configured");
        await fixture.App.WithDbAsync(async db =>
        {
            var rules = await db.RecognitionRules.SingleOrDefaultAsync(r => r.CohortId == s.Cohort) ?? db.RecognitionRules.Add(new RecognitionRules { CohortId = s.Cohort }).Entity;
            (rules.RequireLaunchForum, rules.MinimumSessionsPerEvent) = (false, 2);
            return await db.SaveChangesAsync();
        });
        (await staff.GetPageAsync($"/funnel?cohort={s.Cohort}")).Page.QuerySelector("[data-testid=funnel-table] tr[data-stage=Eligible] th")!.TextContent
            .Should().Be("Eligible: workshop, at least 2 sessions per event");

        using var visitor = fixture.App.NewClient();
        var (_, directory) = await visitor.GetPageAsync("/champions?cohort=RVK3");
        directory.QuerySelectorAll("[data-testid=governments] li a").Select(a => a.TextContent).Should().BeEquivalentTo("Niterói RVK3", "Salto RVK3");
        var csv = await (await visitor.GetAsync("/open-data/champions/RVK3.csv")).Content.ReadAsStringAsync();
        csv.Split('\n').Count(line => line.StartsWith("RVK3,local_government,", StringComparison.Ordinal)).Should().Be(2);
    }

    private async Task IssueAllAsync(PortalClient staff, int cohort)
    {
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={cohort}");
        await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");
        await fixture.App.IssuancesFinishedAsync();
    }

    /// <summary>Revokes a certificate from the certificates page as staff do: the row's form, then the confirmation.</summary>
    internal static async Task RevokeAsync(PortalClient staff, IDocument list, int certificateId, string reason)
    {
        var (_, confirmation) = await staff.SubmitAsync(list, new Dictionary<string, string?> { ["reason"] = reason }, $"tr[data-id='{certificateId}'] form[action*=revoke]");
        var (confirmed, _) = await staff.SubmitAsync(confirmation, new Dictionary<string, string?>(), "[data-testid=confirm-revoke-form]");
        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private static async Task<(HttpResponseMessage Response, IDocument Page)> FollowAsync(PortalClient client, (HttpResponseMessage Response, IDocument Page) posted)
    {
        posted.Response.StatusCode.Should().Be(HttpStatusCode.Redirect, "a post answers with the page to go to");
        return await client.GetPageAsync(posted.Response.Headers.Location!.ToString());
    }

    private Task<Certificate> CertificateOfAsync(int cohort, string recipient) =>
        fixture.App.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.CohortId == cohort && c.RecipientKey == recipient && c.Status == CertificateStatus.Valid));

    private Task<Certificate> CertificateByIdAsync(int id) => fixture.App.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == id));

    private Task<int> ValidCountAsync(int cohort, string recipient) =>
        fixture.App.WithDbAsync(db => db.Certificates.CountAsync(c => c.CohortId == cohort && c.RecipientKey == recipient && c.Status == CertificateStatus.Valid));

    private Task<List<string>> OutboxSubjectsAsync(int authority) =>
        fixture.App.WithDbAsync(async db =>
        {
            var email = await db.Authorities.Where(a => a.Id == authority).Select(a => a.Email).SingleAsync();
            return await db.OutboxMessages.Where(m => m.ToAddress == email).Select(m => m.Subject).ToListAsync();
        });
}
