using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;

namespace ChampionPortal.Web.Features.Attendance;

/// <summary>
/// Sets marks of one session's register, whatever records them (staff, a check-in, a reconciled report, a register
/// import): one mark per person and session, the represented local government's country kept with it.
/// </summary>
public sealed class AttendanceMarks(PortalDbContext db, int cohortId, int sessionId, IDictionary<int, Domain.Attendance> existing, DateTime now)
{
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
        mark.LocalGovernment = represented;
        mark.LocalGovernmentId = represented?.Id is > 0 ? represented.Id : null;
        mark.CountryCode = represented?.CountryCode ?? personCountry;
        mark.MinutesAttended = minutes ?? (source == AttendanceSource.Report ? 0 : mark.MinutesAttended);
        mark.RecordedAtUtc = now;
        return mark;
    }
}
