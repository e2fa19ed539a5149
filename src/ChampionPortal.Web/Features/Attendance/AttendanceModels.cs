using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Imports;

namespace ChampionPortal.Web.Features.Attendance;

/// <summary>Marker for this feature's resource files (AttendanceResources.resx, .es.resx, .pt.resx).</summary>
public sealed class AttendanceResources;

/// <summary>Attendance settings: the share of a session's length that counts as present, and when check-in opens.</summary>
public sealed class AttendanceOptions
{
    public const string Section = "Attendance";

    public int MinimumSharePercent { get; set; } = 50;
    public int CheckInOpensMinutesBefore { get; set; } = 30;
}

public sealed record SessionHeader(
    int Id, int CohortId, string CohortCode, int EventId, string EventName, string Code, string Title, DateTime StartsAtUtc, DateTime EndsAtUtc,
    string TimeZone, SessionModality Modality)
{
    public int LengthMinutes => (int)Math.Round((EndsAtUtc - StartsAtUtc).TotalMinutes);
}

public sealed record GovernmentOption(int Id, string Name, string CountryCode);

public sealed record RegisterRow(
    int AuthorityId, string FullName, string Email, string CountryCode, InvitationStatus InvitationStatus, bool AcceptedAtSession, int? CurrentLocalGovernmentId,
    AttendanceStatus? Status, int? RepresentedLocalGovernmentId, AttendanceSource? Source, int? MinutesAttended, int Version);

public sealed record AttendanceRegister(SessionHeader Session, bool HasEnded, IReadOnlyList<RegisterRow> Rows, IReadOnlyList<GovernmentOption> Governments)
{
    public int Count(AttendanceStatus? status) => Rows.Count(r => r.Status == status);
}

/// <summary>One row of the register form: the person, the mark chosen, and the version of the mark as it was shown.</summary>
public sealed class RegisterFormRow
{
    public int AuthorityId { get; set; }
    public bool Selected { get; set; }
    public AttendanceStatus? Status { get; set; }
    public int? LocalGovernmentId { get; set; }
    public int Version { get; set; }
}

public sealed class RegisterForm
{
    public List<RegisterFormRow> Rows { get; set; } = [];

    /// <summary>Set by the bulk buttons: the mark to give every selected row; otherwise each row keeps its own.</summary>
    public AttendanceStatus? Bulk { get; set; }
}

public sealed record RegisterSaveResult(int Saved, IReadOnlyList<string> Conflicts, bool NotFound = false);
