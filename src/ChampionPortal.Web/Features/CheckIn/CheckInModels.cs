using ChampionPortal.Web.Features.Attendance;

namespace ChampionPortal.Web.Features.CheckIn;

public enum CheckInOutcome
{
    CheckedIn,
    AlreadyCheckedIn,
    UnknownCode,
    NotInvited,
    NotOpen,

    /// <summary>The session is over: its check-in has closed for good.</summary>
    Closed,
}

/// <summary>What a check-in came to; <paramref name="FromUtc"/> to <paramref name="UntilUtc"/> is the time the message speaks of (the check-in window, or the session that is over).</summary>
public sealed record CheckInResult(CheckInOutcome Outcome, string? SessionTitle = null, DateTime? FromUtc = null, DateTime? UntilUtc = null, string? TimeZone = null)
{
    /// <summary>The person's invitation had not been accepted: this check-in accepted it.</summary>
    public bool InvitationAccepted { get; init; }
}

public sealed record CheckInPage(string? Code, string? InvitationToken, CheckInResult? Result);

public sealed record CheckInCodePage(SessionHeader Session, string Code, string CheckInUrl, string QrSvg, DateTime OpensAtUtc);
