using ChampionPortal.Web.Features.Attendance;

namespace ChampionPortal.Web.Features.CheckIn;

public enum CheckInOutcome
{
    CheckedIn,
    AlreadyCheckedIn,
    UnknownCode,
    NotInvited,
    NotOpen,
}

public sealed record CheckInResult(CheckInOutcome Outcome, string? SessionTitle = null, DateTime? OpensAtUtc = null, DateTime? ClosesAtUtc = null, string? TimeZone = null)
{
    /// <summary>The person's invitation had not been accepted: this check-in accepted it.</summary>
    public bool InvitationAccepted { get; init; }
}

public sealed record CheckInPage(string? Code, string? InvitationToken, CheckInResult? Result);

public sealed record CheckInCodePage(SessionHeader Session, string Code, string CheckInUrl, string QrSvg, DateTime OpensAtUtc);
