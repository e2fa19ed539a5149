using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Attendance;

/// <summary>A session's attendance register: who was invited, who came, and the local government each one represented.</summary>
public sealed class AttendanceService(PortalDbContext db, TimeProvider timeProvider)
{
    public Task<SessionHeader?> SessionAsync(int sessionId, CancellationToken cancellationToken = default) =>
        db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new SessionHeader(s.Id, s.CohortId, s.Event!.Cohort!.Code, s.EventId, PortalCultures.Pick(s.Event.Name, s.Event.NameEs, s.Event.NamePt), s.Code, PortalCultures.Pick(s.Title, s.TitleEs, s.TitlePt), s.StartsAtUtc, s.EndsAtUtc, s.TimeZone, s.Modality))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<AttendanceRegister?> RegisterAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        if (await SessionAsync(sessionId, cancellationToken) is not { } session)
        {
            return null;
        }

        var rows = await (
                from i in db.Invitations.AsNoTracking()
                where i.CohortId == session.CohortId && i.Status != InvitationStatus.Revoked
                join a in db.Attendances.Where(a => a.SessionId == sessionId) on i.AuthorityId equals a.AuthorityId into marks
                from a in marks.DefaultIfEmpty()
                select new RegisterRow(
                    i.AuthorityId, i.Authority!.FullName, i.Authority.Email, i.Authority.CountryCode, i.Status, i.AcceptedAtSession, i.Authority.LocalGovernmentId,
                    a == null ? null : a.Status, a == null ? null : a.LocalGovernmentId, a == null ? null : a.Source, a == null ? null : a.MinutesAttended,
                    a == null ? 0 : a.Version))
            .ToListAsync(cancellationToken);
        var countries = rows.Select(r => r.CountryCode).Distinct().ToList();
        var governments = await db.LocalGovernments.AsNoTracking().Where(l => countries.Contains(l.CountryCode))
            .OrderBy(l => l.Name).Select(l => new GovernmentOption(l.Id, l.Name, l.CountryCode)).ToListAsync(cancellationToken);
        var ordered = rows
            .OrderBy(r => r.InvitationStatus == InvitationStatus.Accepted ? 0 : 1)
            .ThenBy(r => r.FullName, StringComparer.CurrentCulture)
            .ToList();
        return new AttendanceRegister(session, session.EndsAtUtc <= Now, ordered, governments);
    }

    /// <summary>
    /// Saves the register as marked, or the bulk mark for the selected rows. A row whose mark someone else changed
    /// since the page was shown is left as they saved it and named in the result.
    /// </summary>
    public async Task<RegisterSaveResult> SaveAsync(int sessionId, RegisterForm form, CancellationToken cancellationToken = default)
    {
        if (await SessionAsync(sessionId, cancellationToken) is not { } session)
        {
            return new RegisterSaveResult(0, [], NotFound: true);
        }

        var changes = form.Rows
            .Select(r => (Row: r, Status: form.Bulk is { } bulk ? (r.Selected ? bulk : (AttendanceStatus?)null) : r.Status))
            .Where(c => c.Status is not null)
            .ToList();
        var ids = changes.Select(c => c.Row.AuthorityId).ToList();
        var invitees = await db.Invitations.AsNoTracking()
            .Where(i => i.CohortId == session.CohortId && i.Status != InvitationStatus.Revoked && ids.Contains(i.AuthorityId))
            .Select(i => new { i.AuthorityId, i.Authority!.FullName, i.Authority.CountryCode, i.Authority.LocalGovernmentId })
            .ToDictionaryAsync(i => i.AuthorityId, cancellationToken);
        var existing = await db.Attendances.Where(a => a.SessionId == sessionId && ids.Contains(a.AuthorityId)).ToDictionaryAsync(a => a.AuthorityId, cancellationToken);
        var governmentIds = changes.Select(c => c.Row.LocalGovernmentId).Concat(invitees.Values.Select(i => i.LocalGovernmentId)).OfType<int>().Distinct().ToList();
        var governments = await db.LocalGovernments.Where(l => governmentIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        var marks = new AttendanceMarks(db, session.CohortId, sessionId, existing, Now);
        var conflicts = new List<string>();
        var saved = 0;
        foreach (var (row, status) in changes)
        {
            if (!invitees.TryGetValue(row.AuthorityId, out var invitee))
            {
                continue;
            }

            var current = existing.GetValueOrDefault(row.AuthorityId);
            if ((current?.Version ?? 0) != row.Version)
            {
                conflicts.Add(invitee.FullName);
                continue;
            }

            var representedId = row.LocalGovernmentId ?? current?.LocalGovernmentId ?? invitee.LocalGovernmentId;
            var represented = representedId is { } id ? governments.GetValueOrDefault(id) : null;
            if (current is not null && current.Status == status && current.LocalGovernmentId == represented?.Id)
            {
                continue;
            }

            marks.Mark(row.AuthorityId, status!.Value, represented, invitee.CountryCode, AttendanceSource.Register, current?.MinutesAttended);
            saved++;
        }

        await marks.AcceptInvitationsOfThePresentAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same rows between our reading and writing them: nothing of this save is kept.
            return new RegisterSaveResult(0, [.. changes.Select(c => invitees.GetValueOrDefault(c.Row.AuthorityId)?.FullName).OfType<string>()]);
        }

        return new RegisterSaveResult(saved, conflicts);
    }

    /// <summary>After the session has ended, records everyone invited and not yet marked as absent. Null before the end.</summary>
    public async Task<int?> CloseUnmarkedAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        if (await SessionAsync(sessionId, cancellationToken) is not { } session || session.EndsAtUtc > Now)
        {
            return null;
        }

        var unmarked = await db.Invitations.AsNoTracking()
            .Where(i => i.CohortId == session.CohortId && i.Status != InvitationStatus.Revoked)
            .Where(i => !db.Attendances.Any(a => a.SessionId == sessionId && a.AuthorityId == i.AuthorityId))
            .Select(i => new { i.AuthorityId, i.Authority!.CountryCode, Government = i.Authority.LocalGovernment })
            .ToListAsync(cancellationToken);
        var marks = new AttendanceMarks(db, session.CohortId, sessionId, new Dictionary<int, Domain.Attendance>(), Now);
        foreach (var person in unmarked)
        {
            if (person.Government is not null)
            {
                db.Attach(person.Government);
            }

            marks.Mark(person.AuthorityId, AttendanceStatus.Absent, person.Government, person.CountryCode, AttendanceSource.Register);
        }

        await db.SaveChangesAsync(cancellationToken);
        return unmarked.Count;
    }

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;
}
