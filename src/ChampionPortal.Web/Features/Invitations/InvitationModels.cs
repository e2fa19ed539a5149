using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Cohorts;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Localization;

namespace ChampionPortal.Web.Features.Invitations;

/// <summary>Marker for the resources of invitations and the RSVP page (InvitationsResources.resx, .es.resx, .pt.resx).</summary>
public sealed class InvitationsResources;

public sealed record InvitationRevokeConfirmation(int Id, int Cohort, string AuthorityName);

public sealed record InvitationRow(
    int Id, string AuthorityName, string CountryCode, InvitationStatus Status, DateTime ExpiresAtUtc, DateTime? SentAtUtc, DateTime? AnsweredAtUtc,
    int ReminderCount, bool DirectoryConsent, bool AcceptedAtSession, int Version) : ICountryScoped;

public sealed record InvitableNominee(int NominationId, string AuthorityName, string CountryCode);

public sealed record InvitationBoard(
    int CohortId, string CohortCode, string CohortName, string? Country, InvitationStatus? Status,
    IReadOnlyDictionary<InvitationStatus, int> Totals, IReadOnlyDictionary<(string Country, InvitationStatus Status), int> ByCountry,
    IReadOnlyList<CountryOption> Countries, IReadOnlyList<InvitationRow> Invitations, IReadOnlyList<InvitableNominee> Invitable, DateOnly DefaultExpiry);

/// <summary>The invitation e-mail, and the reminder that repeats it.</summary>
/// <summary>
/// The invitation (or reminder) e-mail: the personal answer link, the cohort's sessions with their times in each
/// session's own zone and their venue or meeting link, and the link that checks the person in on the day.
/// </summary>
public sealed record InvitationEmail(string RecipientName, string CohortName, string Link, DateTime ExpiresAtUtc, bool Reminder)
{
    public IReadOnlyList<InvitationSession> Sessions { get; init; } = [];

    public string? CheckInLink { get; init; }
}

/// <summary>A session as an invitation lists it; the names in every language, read in the recipient's when the e-mail is rendered.</summary>
public sealed record InvitationSession(string EventName, string Title, DateTime StartsAtUtc, DateTime EndsAtUtc, string TimeZone, string? Venue)
{
    public string? EventNameEs { get; init; }
    public string? EventNamePt { get; init; }
    public string? TitleEs { get; init; }
    public string? TitlePt { get; init; }

    public string ReaderEventName => PortalCultures.Pick(EventName, EventNameEs, EventNamePt);
    public string ReaderTitle => PortalCultures.Pick(Title, TitleEs, TitlePt);
}

public enum RsvpState
{
    Open,
    Unknown,
    Answered,
    Expired,
    Revoked,
}

public sealed record RsvpPage(
    RsvpState State, string Token, string AuthorityName, string Language, string TimeZone, string CohortName, DateTime ExpiresAtUtc,
    IReadOnlyList<CohortEventSummary> Events, InvitationStatus Status, DateTime? AnsweredAtUtc = null)
{
    public Calendar.CalendarLinks? Calendar { get; init; }
}

/// <summary>
/// What posting an answer did: <see cref="Recorded"/> only when this request recorded it; otherwise the link's state
/// and, for an invitation answered before, the answer that stands and when it was given.
/// </summary>
public sealed record RsvpAnswer(RsvpState State, bool Recorded, InvitationStatus Status, DateTime? AnsweredAtUtc, string? SetPasswordUrl = null)
{
    /// <summary>For an accepted invitation: the person's sessions to add to a calendar, and their feed address.</summary>
    public Calendar.CalendarLinks? Calendar { get; init; }
}
