namespace ChampionPortal.Web.Domain;

public enum EventKind
{
    LaunchForum,
    Workshop,
}

/// <summary>A stage of a cohort: the launch forum or the capacity-building workshop.</summary>
public class Event : IVersioned, ICountedInCohortFigures
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public EventKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>The name in Spanish and in Portuguese, when staff gave one; readers of those languages see it instead of <see cref="Name"/>.</summary>
    public string? NameEs { get; set; }
    public string? NamePt { get; set; }
    public required string DefaultTimeZone { get; set; }
    public int Version { get; set; }
    public List<Session> Sessions { get; set; } = [];
}
