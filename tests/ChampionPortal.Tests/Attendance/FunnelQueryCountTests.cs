using System.Net;
using ChampionPortal.Testing;
using ChampionPortal.Tests.LocalGovernments;
using ChampionPortal.Web.Domain;

namespace ChampionPortal.Tests.Attendance;

public sealed class FunnelQueryCountTests(ListQueryCountFixture fixture) : IClassFixture<ListQueryCountFixture>
{
    [Fact]
    public async Task The_dashboard_issues_the_same_number_of_statements_for_a_cohort_of_3_and_of_150_people_and_fewer_once_its_figures_are_kept()
    {
        var warmUp = await CohortOfAsync(fixture.App, "Q1", 1);
        var small = await CohortOfAsync(fixture.App, "Q3", 3);
        var large = await CohortOfAsync(fixture.App, "Q150", 150);
        using var staff = await fixture.App.SignedInClientAsync(Roles.RegionalStaff);
        await staff.GetAsync($"/funnel?cohort={warmUp}");

        var (smallPeople, smallComputed) = await CountAsync(staff, small);
        var (largePeople, largeComputed) = await CountAsync(staff, large);
        var (_, smallKept) = await CountAsync(staff, small);
        var (_, largeKept) = await CountAsync(staff, large);

        smallPeople.Should().Be(3);
        largePeople.Should().Be(150);
        // Constant whatever the size: the funnel's own reads plus those of the recognition rules and the certificates.
        largeComputed.Should().Be(smallComputed).And.BeLessThanOrEqualTo(14);
        largeKept.Should().Be(smallKept).And.BeLessThan(smallComputed, "figures kept since the last change are not computed again");
    }

    private async Task<(int Invited, int Statements)> CountAsync(PortalClient client, int cohort)
    {
        fixture.Counter.Reset();
        var (response, page) = await client.GetPageAsync($"/funnel?cohort={cohort}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (CohortRegisterImportTests.Figures(page, "Invited").People, fixture.Counter.Count);
    }

    /// <summary>A cohort of the given size in Colombia and Ecuador, saved through the portal's context: everyone invited, one in three absent from both sessions.</summary>
    internal static async Task<int> CohortOfAsync(PortalAppFactory app, string code, int people)
    {
        var (cohort, sessions) = await app.AddCohortAsync(
            code,
            ("F", EventKind.LaunchForum, new DateTime(2024, 5, 1, 14, 0, 0, DateTimeKind.Utc), 120, "America/Bogota"),
            ("W", EventKind.Workshop, new DateTime(2024, 6, 1, 14, 0, 0, DateTimeKind.Utc), 120, "America/Bogota"));
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < people; i++)
            {
                var country = i % 2 == 0 ? "CO" : "EC";
                var government = new LocalGovernment { Name = $"{code} lugar {i % 10}", CountryCode = country, TimeZone = "America/Bogota" };
                var authority = new Authority { FullName = $"{code} persona {i}", Position = "Alcalde", Email = $"{code}.{i}@count.example.org", CountryCode = country, LocalGovernment = government };
                var nomination = new Nomination
                {
                    CohortId = cohort,
                    Authority = authority,
                    LocalGovernment = government,
                    CountryCode = country,
                    Status = NominationStatus.Approved,
                    Justification = "Count",
                    CreatedAtUtc = DateTime.UtcNow,
                };
                db.Nominations.Add(nomination);
                await db.SaveChangesAsync();
                db.Invitations.Add(new Invitation
                {
                    CohortId = cohort,
                    NominationId = nomination.Id,
                    AuthorityId = authority.Id,
                    CountryCode = country,
                    Status = InvitationStatus.Accepted,
                    ExpiresAtUtc = DateTime.UtcNow,
                });
                foreach (var session in sessions.Values)
                {
                    db.Attendances.Add(new ChampionPortal.Web.Domain.Attendance
                    {
                        CohortId = cohort,
                        SessionId = session,
                        AuthorityId = authority.Id,
                        LocalGovernmentId = government.Id,
                        CountryCode = country,
                        Status = i % 3 == 0 ? AttendanceStatus.Absent : AttendanceStatus.Present,
                        RecordedAtUtc = DateTime.UtcNow,
                    });
                }
            }

            return await db.SaveChangesAsync();
        });
        return cohort;
    }
}
