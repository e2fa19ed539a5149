using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Attendance;

/// <summary>
/// Sets marks of one session's register, whatever records them (staff, a check-in, a reconciled report, a register
/// import): one mark per person and session, the represented local government's country kept with it.
/// </summary>
public sealed class AttendanceMarks(PortalDbContext db, int cohortId, int sessionId, IDictionary<int, Domain.Attendance> existing, DateTime now)
{
    private readonly HashSet<int> markedPresent = [];

    /// <summary>
    /// Coming to a session answers the invitation: the invitations of those marked present here that were not accepted
    /// (never answered, expired, or declined and then came after all) become accepted, marked as accepted at the
    /// session, so that the funnel never counts more people at an event than accepted. Changes the tracked
    /// invitations for the caller's save; returns the people whose invitation it accepted.
    /// </summary>
    public async Task<IReadOnlyList<int>> AcceptInvitationsOfThePresentAsync(CancellationToken cancellationToken)
    {
        var present = markedPresent.ToList();
        var unaccepted = await db.Invitations
            .Where(i => i.CohortId == cohortId && present.Contains(i.AuthorityId) && i.Status != InvitationStatus.Accepted && i.Status != InvitationStatus.Revoked)
            .ToListAsync(cancellationToken);
        foreach (var invitation in unaccepted)
        {
            invitation.Status = InvitationStatus.Accepted;
            invitation.AnsweredAtUtc = now;
            invitation.AcceptedAtSession = true;
        }

        return [.. unaccepted.Select(i => i.AuthorityId)];
    }

    public Domain.Attendance Mark(int authorityId, AttendanceStatus status, LocalGovernment? represented, string personCountry, AttendanceSource source, int? minutes = null)
    {
        if (!existing.TryGetValue(authorityId, out var mark))
        {
            mark = new Domain.Attendance { CohortId = cohortId, SessionId = sessionId, AuthorityId = authorityId, CountryCode = personCountry };
            db.Attendances.Add(mark);
            existing[authorityId] = mark;
        }

        mark.Status = status;
        mark.Source = source;
        if (status == AttendanceStatus.Present)
        {
            markedPresent.Add(authorityId);
        }
        else
        {
            markedPresent.Remove(authorityId);
        }

        mark.LocalGovernment = represented;
        mark.LocalGovernmentId = represented?.Id is > 0 ? represented.Id : null;
        mark.CountryCode = represented?.CountryCode ?? personCountry;
        mark.MinutesAttended = minutes ?? (source == AttendanceSource.Report ? 0 : mark.MinutesAttended);
        mark.RecordedAtUtc = now;
        return mark;
    }
}
