using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Attendance;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChampionPortal.Web.Features.CheckIn;

/// <summary>
/// Self check-in: a session's short code (shown on screen by staff, with its QR code) and a person's check-in with
/// it, within the session's window, signed in or through their invitation link.
/// </summary>
public sealed class CheckInService(PortalDbContext db, TimeProvider timeProvider, IOptions<AttendanceOptions> options)
{
    /// <summary>The session's check-in code, created the first time staff show it (sessions made before check-in existed have none).</summary>
    public async Task<string?> CheckInCodeAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (session.CheckInCode is null)
        {
            session.CheckInCode = ReadableCode.New(6);
            await db.SaveChangesAsync(cancellationToken);
        }

        return session.CheckInCode;
    }

    public DateTime CheckInOpensAt(SessionHeader session) => session.StartsAtUtc.AddMinutes(-options.Value.CheckInOpensMinutesBefore);

    /// <summary>Checks a person in to the session whose code they typed or scanned, within its window only.</summary>
    public async Task<CheckInResult> CheckInAsync(int authorityId, string? code, CancellationToken cancellationToken = default)
    {
        var normalized = ReadableCode.Normalize(code);
        var session = normalized.Length == 0
            ? null
            : await db.Sessions.AsNoTracking().Where(s => s.CheckInCode == normalized)
                .Select(s => new SessionHeader(s.Id, s.CohortId, s.Event!.Cohort!.Code, s.EventId, PortalCultures.Pick(s.Event.Name, s.Event.NameEs, s.Event.NamePt), s.Code, PortalCultures.Pick(s.Title, s.TitleEs, s.TitlePt), s.StartsAtUtc, s.EndsAtUtc, s.TimeZone, s.Modality))
                .SingleOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return new CheckInResult(CheckInOutcome.UnknownCode);
        }

        var invited = await db.Invitations.AnyAsync(
            i => i.CohortId == session.CohortId && i.AuthorityId == authorityId && i.Status != InvitationStatus.Revoked && i.Status != InvitationStatus.Declined, cancellationToken);
        if (!invited)
        {
            return new CheckInResult(CheckInOutcome.NotInvited, session.Title);
        }

        if (Now > session.EndsAtUtc)
        {
            return new CheckInResult(CheckInOutcome.Closed, session.Title, session.StartsAtUtc, session.EndsAtUtc, session.TimeZone);
        }

        var opensAt = CheckInOpensAt(session);
        if (Now < opensAt)
        {
            return new CheckInResult(CheckInOutcome.NotOpen, session.Title, opensAt, session.EndsAtUtc, session.TimeZone);
        }

        var existing = await db.Attendances.Where(a => a.SessionId == session.Id && a.AuthorityId == authorityId).ToDictionaryAsync(a => a.AuthorityId, cancellationToken);
        if (existing.Values.Any(a => a.Status == AttendanceStatus.Present))
        {
            return new CheckInResult(CheckInOutcome.AlreadyCheckedIn, session.Title);
        }

        var person = await db.Authorities.Include(a => a.LocalGovernment).SingleAsync(a => a.Id == authorityId, cancellationToken);
        var represented = existing.Values.SingleOrDefault()?.LocalGovernmentId is { } chosen
            ? await db.LocalGovernments.SingleAsync(l => l.Id == chosen, cancellationToken)
            : person.LocalGovernment;
        var marks = new AttendanceMarks(db, session.CohortId, session.Id, existing, Now);
        marks.Mark(authorityId, AttendanceStatus.Present, represented, person.CountryCode, AttendanceSource.CheckIn);
        var accepted = await marks.AcceptInvitationsOfThePresentAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person checked in at the same moment from a second device (or staff marked them): one mark stands.
            return new CheckInResult(CheckInOutcome.AlreadyCheckedIn, session.Title);
        }

        return new CheckInResult(CheckInOutcome.CheckedIn, session.Title) { InvitationAccepted = accepted.Count > 0 };
    }

    /// <summary>The person an invitation link belongs to, while the link is good for checking in (not revoked or declined).</summary>
    public async Task<int?> AuthorityOfInvitationAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Invitations.InvitationService.Hash(token);
        return await db.Invitations.Where(i => i.Links.Any(l => l.TokenHash == hash) && (i.Status == InvitationStatus.Accepted || i.Status == InvitationStatus.Sent))
            .Select(i => (int?)i.AuthorityId).SingleOrDefaultAsync(cancellationToken);
    }

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;
}
