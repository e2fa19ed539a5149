using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Authorities;
using ChampionPortal.Web.Features.Shared;

namespace ChampionPortal.Web.Features.Home;

public sealed record CohortSummary(int Id, string Code, string Name, CohortStatus Status, int EventCount, int SessionCount);

public sealed record UpcomingSession(int Id, string Code, string Title, string EventName, string CohortCode, DateTime StartsAtUtc, DateTime EndsAtUtc, string TimeZone);

/// <summary>What awaits regional staff: the cohorts in progress and the next sessions.</summary>
public sealed record StaffOverview(IReadOnlyList<CohortSummary> Cohorts, IReadOnlyList<UpcomingSession> NextSessions);

/// <summary>A country office's own country at a glance.</summary>
public sealed record CountryOverview(string CountryName, int LocalGovernments, int Authorities, int AuthoritiesWithoutLocalGovernment);

public sealed record HomePage(
    IReadOnlyList<NavigationItem> Navigation, StaffOverview? Staff = null, CountryOverview? Country = null, AuthorityDetails? Authority = null)
{
    /// <summary>For the public: the latest recognized cohort in figures.</summary>
    public Champions.CohortFigures? Figures { get; init; }
}
