using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Tests.Certificates;

/// <summary>A portal whose background issuance worker is off, so that a test decides who works through an issuance and when.</summary>
public sealed class IssuanceFixture : PortalFixture
{
    public static readonly IReadOnlyDictionary<string, string?> WorkerOff = new Dictionary<string, string?> { ["Certificates:Issuance:Enabled"] = "false" };

    protected override PortalAppFactory CreateFactory(string connectionString) => new(connectionString, settings: WorkerOff);
}

public sealed class CertificateIssuanceTests(IssuanceFixture fixture) : IClassFixture<IssuanceFixture>
{
    [Fact]
    public async Task Two_portal_instances_working_through_one_issuance_at_once_issue_one_certificate_per_recipient_with_serials_in_sequence()
    {
        var s = await CertificateTests.SetupAsync(fixture.App, "BLK1", others: 14);
        await using var second = new PortalAppFactory(fixture.App.ConnectionString, settings: IssuanceFixture.WorkerOff);
        second.Start();
        var issuanceId = await StartAsync(fixture.App, s.Cohort);

        // Two workers on each instance, all claiming items of the same issuance from the same database.
        await Task.WhenAll(Work(fixture.App), Work(fixture.App), Work(second), Work(second));

        var certificates = await fixture.App.WithDbAsync(db => db.Certificates.Where(c => c.CohortId == s.Cohort).ToListAsync());
        certificates.Should().HaveCount(18, "16 people and their 2 local governments").And.OnlyContain(c => c.Status == CertificateStatus.Valid);
        certificates.Select(c => c.RecipientKey).Should().OnlyHaveUniqueItems();
        certificates.Select(c => c.Serial).Should().BeEquivalentTo(Enumerable.Range(1, 18).Select(n => $"CLA-BLK1-{n:0000}"), "numbers are taken in turn, none twice, none skipped");
        (await fixture.App.WithDbAsync(db => db.CertificateIssuanceItems.Where(i => i.IssuanceId == issuanceId).Select(i => i.Status).ToListAsync()))
            .Should().HaveCount(18).And.OnlyContain(status => status == IssuanceItemStatus.Issued);
    }

    [Fact]
    public async Task An_issuance_shows_its_progress_and_resumes_after_a_restart_of_the_portal_without_issuing_again()
    {
        var s = await CertificateTests.SetupAsync(fixture.App, "BLK2", others: 4);
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, list) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        await staff.SubmitAsync(list, new Dictionary<string, string?>(), "[data-testid=issue-form]");

        // The first portal issues a batch of two certificates, then stops before the rest.
        var firstSettings = new Dictionary<string, string?>(IssuanceFixture.WorkerOff) { ["Certificates:Issuance:BatchSize"] = "2" };
        await using (var first = new PortalAppFactory(fixture.App.ConnectionString, settings: firstSettings))
        {
            first.Start();
            using var scope = first.Services.CreateScope();
            (await scope.ServiceProvider.GetRequiredService<CertificateIssuanceService>().IssueNextAsync(null)).Should().BeTrue();
        }

        var before = await fixture.App.WithDbAsync(db => db.Certificates.AsNoTracking().Where(c => c.CohortId == s.Cohort).ToListAsync());
        before.Should().HaveCount(2);
        var (_, running) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        var panel = running.QuerySelector("[data-testid=issuance]")!;
        panel.GetAttribute("data-finished").Should().Be("false");
        panel.QuerySelector("[role=progressbar]")!.GetAttribute("aria-valuenow").Should().Be("25", "2 of the 8 recipients are done");
        panel.TextContent.Should().Contain("2 of 8 done");
        running.QuerySelectorAll("[data-testid=issue-form] input[name=recipients]").Should().BeEmpty("everyone pending is already in the running issuance");
        var progress = await (await staff.GetAsync($"/certificates/issuance/{panel.GetAttribute("data-issuance")}")).Content.ReadAsStringAsync();
        progress.Should().Contain("\"pending\":6");

        // A portal started afterwards, with its worker on, finishes the work by itself.
        await using (var restarted = new PortalAppFactory(fixture.App.ConnectionString))
        {
            restarted.Start();
            await restarted.IssuancesFinishedAsync();
        }

        var after = await fixture.App.WithDbAsync(db => db.Certificates.AsNoTracking().Where(c => c.CohortId == s.Cohort).ToListAsync());
        after.Should().HaveCount(8);
        after.Select(c => c.RecipientKey).Should().OnlyHaveUniqueItems();
        foreach (var earlier in before)
        {
            after.Should().ContainSingle(c => c.Id == earlier.Id && c.Serial == earlier.Serial && c.Sha256 == earlier.Sha256, "what was issued before the restart stays as it was");
        }

        var (_, finished) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        finished.QuerySelector("[data-testid=issuance]")!.GetAttribute("data-finished").Should().Be("true");
        finished.QuerySelector("[data-testid=issuance]")!.TextContent.Should().Contain("8 of 8 done: 8 issued");
        finished.QuerySelectorAll("[data-testid=certificates] tbody tr").Should().HaveCount(8);
    }

    [Fact]
    public async Task A_recipient_issued_by_another_request_meanwhile_is_counted_as_already_having_one_and_nobody_gets_two()
    {
        var s = await CertificateTests.SetupAsync(fixture.App, "BLK3");
        var everyone = await StartAsync(fixture.App, s.Cohort);
        using (var scope = fixture.App.Services.CreateScope())
        {
            // Meanwhile the same person is issued a certificate by another request, as another instance would.
            (await scope.ServiceProvider.GetRequiredService<CertificateIssuer>().IssueToAsync(s.Cohort, $"P:{s.Pedro}", notify: false)).Should().NotBeNull();
            await scope.ServiceProvider.GetRequiredService<CertificateIssuanceService>().DrainAsync(everyone);
        }

        (await fixture.App.WithDbAsync(db => db.Certificates.CountAsync(c => c.CohortId == s.Cohort && c.RecipientKey == $"P:{s.Pedro}"))).Should().Be(1);
        (await fixture.App.WithDbAsync(db => db.CertificateIssuanceItems.Where(i => i.IssuanceId == everyone).GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count)))
            .Should().BeEquivalentTo(new Dictionary<IssuanceItemStatus, int> { [IssuanceItemStatus.Issued] = 3, [IssuanceItemStatus.Skipped] = 1 });
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, page) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        page.QuerySelector("[data-testid=issuance]")!.TextContent.Should().Contain("4 of 4 done: 3 issued, 1 already had one, 0 failed");
        page.QuerySelector("[data-testid=issue-form] button[type=submit]")!.HasAttribute("disabled").Should().BeTrue("nobody is left to issue to");
    }

    [Fact]
    public async Task A_recipient_who_cannot_be_issued_is_marked_failed_with_the_reason_and_the_rest_of_the_batch_is_issued()
    {
        var s = await CertificateTests.SetupAsync(fixture.App, "BLK4");
        var issuanceId = await StartAsync(fixture.App, s.Cohort);
        await fixture.App.WithDbAsync(db =>
        {
            // A recipient whose record has gone since the request.
            db.CertificateIssuanceItems.Add(new CertificateIssuanceItem { IssuanceId = issuanceId, RecipientKey = "P:999999", Status = IssuanceItemStatus.Pending });
            return db.SaveChangesAsync();
        });

        await Work(fixture.App);

        var items = await fixture.App.WithDbAsync(db => db.CertificateIssuanceItems.AsNoTracking().Where(i => i.IssuanceId == issuanceId).ToListAsync());
        items.Where(i => i.Status == IssuanceItemStatus.Issued).Should().HaveCount(4);
        items.Should().ContainSingle(i => i.Status == IssuanceItemStatus.Failed).Which.Error.Should().Contain("P:999999");
        (await fixture.App.WithDbAsync(db => db.Certificates.CountAsync(c => c.CohortId == s.Cohort))).Should().Be(4);
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        var (_, page) = await staff.GetPageAsync($"/certificates?cohort={s.Cohort}");
        page.QuerySelector("[data-testid=issuance]")!.TextContent.Should().Contain("5 of 5 done: 4 issued, 0 already had one, 1 failed");
    }

    private static async Task<int> StartAsync(PortalAppFactory app, int cohort)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<CertificateIssuanceService>().StartAsync(cohort, only: null, notify: false, requestedBy: "test"))!.Value;
    }

    private static async Task Work(PortalAppFactory app)
    {
        bool more;
        do
        {
            using var scope = app.Services.CreateScope();
            more = await scope.ServiceProvider.GetRequiredService<CertificateIssuanceService>().IssueNextAsync(null);
        }
        while (more);
    }
}
