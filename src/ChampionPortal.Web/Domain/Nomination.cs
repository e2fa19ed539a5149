namespace ChampionPortal.Web.Domain;

/// <summary>The five selection criteria of the regional mapping.</summary>
public enum SelectionCriterion
{
    LocalMgi,
    GoodPracticeRepository,
    Mercociudades,
    GcmPledge,
    MayorsMechanism,
}

public enum NominationStatus
{
    Draft,
    Submitted,
    Approved,
    Rejected,
    Withdrawn,
}

/// <summary>A country office proposes an authority for a cohort against the five criteria; regional staff decide.</summary>
public class Nomination : IVersioned, ICountryScoped, ICountedInCohortFigures
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public int AuthorityId { get; set; }
    public Authority? Authority { get; set; }

    /// <summary>The local government the person represented when nominated (the person's current one may change later).</summary>
    public int? LocalGovernmentId { get; set; }
    public LocalGovernment? LocalGovernment { get; set; }
    public required string CountryCode { get; set; }
    public NominationStatus Status { get; set; }
    public required string Justification { get; set; }

    /// <summary>How many of the five criteria are met, kept with the record so the review queue can filter on it.</summary>
    public int CriteriaMet { get; set; }
    public string? ReviewComment { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public DateTime? ReviewedAtUtc { get; set; }
    public int Version { get; set; }
    public List<NominationCriterion> Criteria { get; set; } = [];
}

/// <summary>One criterion of one nomination: met or not, with its evidence.</summary>
public class NominationCriterion
{
    public int NominationId { get; set; }
    public SelectionCriterion Criterion { get; set; }
    public bool Met { get; set; }
    public string? EvidenceUrl { get; set; }
    public string? EvidenceText { get; set; }
    public string? Note { get; set; }
}

/// <summary>An optional limit on how many nominees of one country a cohort approves.</summary>
public class CohortCountryQuota : IVersioned
{
    public int CohortId { get; set; }
    public required string CountryCode { get; set; }
    public int Quota { get; set; }
    public int Version { get; set; }
}
