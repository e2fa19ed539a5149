namespace ChampionPortal.Web.Domain;

public enum CohortStatus
{
    Planned,
    Open,
    Closed,
    Archived,
}

/// <summary>One edition of the initiative, such as "2023 — first cohort".</summary>
public class Cohort : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    /// <summary>The cohort's name in English, required; <see cref="NameEs"/> and <see cref="NamePt"/> are optional and fall back to it.</summary>
    public required string Name { get; set; }
    public string? NameEs { get; set; }
    public string? NamePt { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public CohortStatus Status { get; set; }

    /// <summary>The last certificate serial number reserved in this cohort; issuance reserves numbers in blocks, never twice.</summary>
    public int LastCertificateNumber { get; set; }
    public int Version { get; set; }

    /// <summary>
    /// Moves on with every saved change to a record the cohort's figures count (<see cref="ICountedInCohortFigures"/>),
    /// in that change's transaction; computed figures are kept only as long as it stays the same.
    /// </summary>
    public long FiguresVersion { get; set; }
    public List<Event> Events { get; set; } = [];
}
