namespace ChampionPortal.Web.Domain;

/// <summary>
/// What a cohort asks of a champion: which events must be attended, how many sessions of each, and whether the
/// invitation must have been accepted; and who signs the certificates. A cohort without its own rules uses the
/// defaults (launch forum and workshop, one session each, accepted invitation).
/// </summary>
public class RecognitionRules : IVersioned, ICountedInCohortFigures
{
    public int CohortId { get; set; }
    public bool RequireLaunchForum { get; set; } = true;
    public bool RequireWorkshop { get; set; } = true;
    public int MinimumSessionsPerEvent { get; set; } = 1;
    public bool RequireAcceptedInvitation { get; set; } = true;
    public string? SignatoryName { get; set; }
    public string? SignatoryTitle { get; set; }

    /// <summary>The title in Spanish and in Portuguese, for certificates in those languages; empty, the English one is used.</summary>
    public string? SignatoryTitleEs { get; set; }
    public string? SignatoryTitlePt { get; set; }
    public int Version { get; set; }
}

/// <summary>Regional staff's recorded decision to grant or withhold recognition to one person against the rules.</summary>
public class EligibilityException : IVersioned, ICountedInCohortFigures
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public int AuthorityId { get; set; }
    public bool Granted { get; set; }
    public required string Reason { get; set; }
    public DateTime DecidedAtUtc { get; set; }
    public int Version { get; set; }
}
