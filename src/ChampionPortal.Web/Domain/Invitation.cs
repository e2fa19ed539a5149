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

/// <summary>An approved nominee invited to a cohort, answering through a personal link (any of the links sent to them).</summary>
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

    /// <summary>The links sent: the invitation's and each reminder's. Every one works until the invitation is answered, expires or is revoked.</summary>
    public List<InvitationLink> Links { get; set; } = [];
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    public string? ResponseComment { get; set; }

    /// <summary>Whether the person agreed, on accepting, to appear in the public directory of champions.</summary>
    public bool DirectoryConsent { get; set; }
    public DateOnly? LastReminderOn { get; set; }
    public int ReminderCount { get; set; }

    /// <summary>Accepted by coming to a session of the cohort (checked in, or marked present) rather than through the link.</summary>
    public bool AcceptedAtSession { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One personal link sent by e-mail. A reminder sends a new link and leaves those sent before working, because the
/// person may click any of the e-mails; only a resend (a link thought to be lost or forwarded) replaces them all.
/// </summary>
public class InvitationLink
{
    public int Id { get; set; }
    public int InvitationId { get; set; }

    /// <summary>SHA-256 of the link's token: the token itself is only ever in the e-mail.</summary>
    public required string TokenHash { get; set; }
    public DateTime SentAtUtc { get; set; }
}
