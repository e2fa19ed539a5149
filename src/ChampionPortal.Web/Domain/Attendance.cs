namespace ChampionPortal.Web.Domain;

public enum AttendanceStatus
{
    Present,
    Absent,
    Excused,
}

/// <summary>How an attendance mark was recorded, so that staff can tell a self check-in from a reconciled report.</summary>
public enum AttendanceSource
{
    Register,
    CheckIn,
    Report,
    Import,
}

/// <summary>One authority at one session, with the local government the person represented at that time.</summary>
public class Attendance : IVersioned, ICountryScoped, ICountedInCohortFigures
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }
    public int AuthorityId { get; set; }
    public Authority? Authority { get; set; }

    /// <summary>The local government represented at the session: the person's current one unless staff say otherwise.</summary>
    public int? LocalGovernmentId { get; set; }
    public LocalGovernment? LocalGovernment { get; set; }

    /// <summary>The represented local government's country (the person's own when none is recorded).</summary>
    public required string CountryCode { get; set; }
    public AttendanceStatus Status { get; set; }
    public AttendanceSource Source { get; set; }

    /// <summary>Minutes in the meeting, when a platform's participant report said so.</summary>
    public int? MinutesAttended { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// How the columns of a participant report whose headers the portal does not recognize map to name, e-mail,
/// join, leave and duration; remembered by the report's header line so the next report of that shape needs no mapping.
/// </summary>
public class ReportColumnMapping
{
    public int Id { get; set; }
    public required string HeaderSignature { get; set; }
    public required string NameColumn { get; set; }
    public string? EmailColumn { get; set; }
    public string? JoinColumn { get; set; }
    public string? LeaveColumn { get; set; }
    public string? DurationColumn { get; set; }
    public DateTime SavedAtUtc { get; set; }
}
