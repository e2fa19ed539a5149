using ChampionPortal.Web.Features.Authorities;

namespace ChampionPortal.Web.Features.Home;

/// <summary>
/// One thing that waits for the reader, said by its resource key (which takes the count and the subject), with the
/// page that resolves it. Urgent items (failed e-mails, invitations about to expire) are marked so.
/// </summary>
public sealed record WaitingItem(string Key, int Count, string? Url, string? Subject = null, bool Urgent = false);

public sealed record UpcomingSession(int Id, string Code, string Title, string EventName, string CohortCode, DateTime StartsAtUtc, DateTime EndsAtUtc, string TimeZone);

/// <summary>A country office's own country at a glance.</summary>
public sealed record CountryOverview(string CountryName, int LocalGovernments, int Authorities, int AuthoritiesWithoutLocalGovernment);

/// <summary>What needs the signed-in person now, per role; the public sees the latest cohort in figures.</summary>
public sealed record HomePage(IReadOnlyList<WaitingItem> Waiting, IReadOnlyList<UpcomingSession> NextSessions, CountryOverview? Country = null, AuthorityDetails? Authority = null)
{
    /// <summary>For the public: the latest recognized cohort in figures.</summary>
    public Champions.CohortFigures? Figures { get; init; }

    /// <summary>For an authority: their coming sessions with join links and "Add to calendar" links, and their feed address.</summary>
    public Calendar.CalendarLinks? Calendar { get; init; }
}
