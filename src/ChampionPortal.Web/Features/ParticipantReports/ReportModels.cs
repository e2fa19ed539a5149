using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Attendance;
using ChampionPortal.Web.Features.Imports;

namespace ChampionPortal.Web.Features.ParticipantReports;

public enum MatchKind
{
    Email,
    Name,
    Uncertain,
    None,
}

/// <summary>A person in the report, what they add up to, and whom the portal takes them for.</summary>
public sealed record ReportParticipant(int Index, string Name, string? Email, int Minutes, MatchKind Match, int? AuthorityId, string RowNumbers);

public sealed record InviteeOption(int AuthorityId, string FullName, string CountryCode);

public sealed record InviteeProposal(int AuthorityId, string FullName, string CountryCode, int Minutes, AttendanceStatus Proposed, AttendanceStatus? Current);

/// <summary>What the uploaded report says, before anything is saved; staff confirm or correct the uncertain matches.</summary>
public sealed record ReconciliationPage(
    SessionHeader Session, string Token, string FileName, int MinimumSharePercent, int ThresholdMinutes, IReadOnlyList<ReportParticipant> Participants,
    IReadOnlyList<InviteeOption> Invitees, IReadOnlyList<InviteeProposal> Proposals, IReadOnlyList<ImportProblem> Problems)
{
    public bool CanConfirm => Problems.Count == 0;
}

/// <summary>A report whose header the portal does not know: staff say which column is which.</summary>
public sealed record ColumnMappingPage(SessionHeader Session, string Token, string FileName, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string?>> Sample);

public sealed class ColumnMappingForm
{
    public int? NameColumn { get; set; }
    public int? EmailColumn { get; set; }
    public int? JoinColumn { get; set; }
    public int? LeaveColumn { get; set; }
    public int? DurationColumn { get; set; }
}

public sealed class ReconciliationForm
{
    /// <summary>For each participant by index: an authority id, "none" for someone not invited, or empty when undecided.</summary>
    public List<string?> Matches { get; set; } = [];
}

/// <summary>What the database keeps between the upload and the confirmation (an <see cref="ImportBatch"/>'s content).</summary>
public sealed record StoredReport(int SessionId, string FileName, int MinimumSharePercent, IReadOnlyList<RawRow> Rows, int? HeaderIndex, ReportColumns? Columns);

public abstract record ReportStep;

public sealed record ReportNeedsMapping(ColumnMappingPage Page) : ReportStep;

public sealed record ReportReady(ReconciliationPage Page) : ReportStep;

public sealed record ReportRefused(SessionHeader Session, IReadOnlyList<ImportProblem> Problems) : ReportStep;
