using AngleSharp.Dom;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChampionPortal.Tests.Cohorts;

/// <summary>Which cohort a page opens on, in a database of its own: a finished cohort with data and a newer one in progress.</summary>
public sealed class CohortInFocusTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Pages_open_on_the_cohort_that_has_what_they_show_keep_the_one_chosen_and_offer_an_authority_its_own()
    {
        var (finished, _) = await fixture.App.AddCohortAsync("FOC-2023", ("FORUM", EventKind.LaunchForum, new DateTime(2023, 10, 18, 13, 0, 0, DateTimeKind.Utc), 120, "America/Argentina/Buenos_Aires"));
        var today = DateOnly.FromDateTime(fixture.App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var (inProgress, _) = await fixture.App.AddCohortAsync("FOC-NOW");
        await fixture.App.WithDbAsync(async db =>
        {
            var cohorts = await db.Cohorts.ToDictionaryAsync(c => c.Id);
            cohorts[finished].Status = CohortStatus.Closed;
            cohorts[finished].Name = "2023 — first cohort";
            cohorts[inProgress].Name = "Cohort in progress";
            (cohorts[inProgress].StartDate, cohorts[inProgress].EndDate) = (today.AddMonths(-2), today.AddMonths(4));
            return await db.SaveChangesAsync();
        });

        var rosario = await fixture.App.AddLocalGovernmentAsync("Rosario", "AR");
        var rosa = await fixture.App.AddAuthorityAsync("Rosa Champion", rosario, "AR");
        await fixture.App.AddInvitationAsync(finished, rosa);
        await fixture.App.WithDbAsync(db =>
        {
            db.LocalActions.Add(new LocalAction { CohortId = finished, LocalGovernmentId = rosario, CountryCode = "AR", Title = "Oficina de atención al migrante", UpdatedAtUtc = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var lima = await fixture.App.AddLocalGovernmentAsync("Lima", "PE");
        await fixture.App.AddSubmittedNominationAsync(inProgress, await fixture.App.AddAuthorityAsync("Pedro Nominee", lima, "PE"), lima, "PE");

        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        (await ShownCohortAsync(staff, "/funnel")).Should().Be("2023 — first cohort", "the cohort in progress has invited nobody yet: its dashboard would be all zeros");
        (await ShownCohortAsync(staff, "/mapping")).Should().Be("2023 — first cohort", "only the finished cohort has a mapping");
        var (_, board) = await staff.GetPageAsync("/invitations");
        board.QuerySelector("h1")!.TextContent.Should().Contain("FOC-NOW", "the cohort in progress has nominations to invite from");

        (await ShownCohortAsync(staff, $"/funnel?cohort={inProgress}")).Should().Be("Cohort in progress");
        (await ShownCohortAsync(staff, "/mapping")).Should().Be("Cohort in progress", "the cohort chosen on one page stays chosen on the next");
        (await ShownCohortAsync(staff, "/agenda")).Should().Be("Cohort in progress");

        using var authority = await fixture.App.SignedInClientAsync(Roles.Authority, authorityId: rosa);
        var (_, mapping) = await authority.GetPageAsync("/mapping");
        Selected(mapping).Should().Be("2023 — first cohort", "Rosa took part in the 2023 cohort only");
        mapping.QuerySelectorAll("select#cohort option").Select(o => o.TextContent.Trim()).Should().Equal("2023 — first cohort");
        mapping.QuerySelector("main")!.TextContent.Should().Contain("Rosario");
    }

    private static async Task<string> ShownCohortAsync(PortalClient client, string url)
    {
        var (_, page) = await client.GetPageAsync(url);
        return Selected(page);
    }

    private static string Selected(IDocument page) => page.QuerySelector("select#cohort option[selected]")?.TextContent.Trim() ?? "(no cohort shown)";
}
