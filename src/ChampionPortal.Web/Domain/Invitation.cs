namespace ChampionPortal.Web.Domain;

public enum InvitationStatus
{
    Pending,
    Sent,
    Accepted,
    Declined,
    Expired,
    Revoked,
}

/// <summary>An approved nominee invited to a cohort, answering through a personal single-use link.</summary>
public class Invitation : IVersioned, ICountryScoped, ICountedInCohortFigures
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public int NominationId { get; set; }
    public int AuthorityId { get; set; }
    public Authority? Authority { get; set; }
    public required string CountryCode { get; set; }
    public InvitationStatus Status { get; set; }

    /// <summary>SHA-256 of the link's token: the token itself is only ever in the e-mail.</summary>
    public required string TokenHash { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    public string? ResponseComment { get; set; }

    /// <summary>Whether the person agreed, on accepting, to appear in the public directory of champions.</summary>
    public bool DirectoryConsent { get; set; }
    public DateOnly? LastReminderOn { get; set; }
    public int ReminderCount { get; set; }
    public int Version { get; set; }
}
