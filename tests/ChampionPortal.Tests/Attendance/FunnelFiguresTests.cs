using AngleSharp.Dom;
using ChampionPortal.Testing;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Tests.Attendance;

/// <summary>
/// The dashboard keeps a cohort's figures between changes; two instances over one database, as behind a load
/// balancer, show that a change saved on one is counted at once by the other, which had kept the figures from before.
/// </summary>
public sealed class FunnelFiguresTests : IAsyncLifetime
{
    private PortalAppFactory first = null!;
    private PortalAppFactory second = null!;

    public async Task InitializeAsync()
    {
        var cluster = await PostgresCluster.SharedAsync();
        var database = await cluster.CreateDatabaseAsync();
        first = new PortalAppFactory(cluster.ConnectionString(database));
        second = new PortalAppFactory(cluster.ConnectionString(database));
        first.Start();
        second.Start();
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
    }

    [Fact]
    public async Task Attendance_recorded_and_a_gender_corrected_on_one_instance_are_counted_at_once_on_the_others_dashboard()
    {
        var cohort = await FunnelQueryCountTests.CohortOfAsync(first, "FX", 6);
        using var staff = await second.SignedInClientAsync(Roles.RegionalStaff);
        var (_, before) = await staff.GetPageAsync($"/funnel?cohort={cohort}");
        CohortRegisterImportTests.Figures(before, "Event", "Launch forum").People.Should().Be(4, "two of the six were absent");
        Women(before).Should().Be(0);

        var person = await first.WithDbAsync(async db =>
        {
            var absent = await db.Attendances.Include(a => a.Session).ThenInclude(s => s!.Event)
                .FirstAsync(a => a.CohortId == cohort && a.Status == AttendanceStatus.Absent && a.Session!.Event!.Kind == EventKind.LaunchForum);
            absent.Status = AttendanceStatus.Present;
            await db.SaveChangesAsync();
            return absent.AuthorityId;
        });
        var (_, attended) = await staff.GetPageAsync($"/funnel?cohort={cohort}");
        CohortRegisterImportTests.Figures(attended, "Event", "Launch forum").People.Should().Be(5);
        Women(attended).Should().Be(0);

        await first.WithDbAsync(async db =>
        {
            (await db.Authorities.SingleAsync(a => a.Id == person)).Gender = GenderCategory.Woman;
            return await db.SaveChangesAsync();
        });
        var (_, corrected) = await staff.GetPageAsync($"/funnel?cohort={cohort}");
        Women(corrected).Should().Be(1, "a person's gender is counted in every cohort's breakdown");
        CohortRegisterImportTests.Figures(corrected, "Nominated").People.Should().Be(6);
    }

    // The gender breakdown's first column: people nominated.
    private static int Women(IDocument page) =>
        int.Parse(page.QuerySelector("[data-testid=genders-table] tr[data-key=Woman] td")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
}
