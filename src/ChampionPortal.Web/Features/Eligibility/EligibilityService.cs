using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Eligibility;

/// <summary>
/// Who is eligible for recognition in a cohort, and why: the cohort's rules applied to invitations and attendance,
/// then staff's recorded exceptions. A local government is eligible when an eligible person represented it at a
/// session of the cohort. A constant number of set-based queries whatever the cohort's size.
/// </summary>
public sealed class EligibilityService(PortalDbContext db, TimeProvider timeProvider)
{
    public async Task<RecognitionRules> RulesAsync(int cohortId, CancellationToken cancellationToken = default) =>
        await db.RecognitionRules.AsNoTracking().SingleOrDefaultAsync(r => r.CohortId == cohortId, cancellationToken) ?? new RecognitionRules { CohortId = cohortId };

    /// <summary>
    /// The people the cohort's recognition rules make eligible, as a query: invited (and accepted, if required), present
    /// at enough sessions of each required event that was held, unless an exception decided otherwise. The same rules
    /// as <see cref="EvaluateAsync"/>, which also says why for each person; this one is for counting in the database.
    /// </summary>
    public async Task<IQueryable<int>> EligiblePeopleAsync(int cohortId, IReadOnlyList<(int Id, EventKind Kind)> sessions, CancellationToken cancellationToken = default)
    {
        var rules = await RulesAsync(cohortId, cancellationToken);
        var exceptions = await db.EligibilityExceptions.AsNoTracking().Where(e => e.CohortId == cohortId)
            .Select(e => new { e.AuthorityId, e.Granted }).ToListAsync(cancellationToken);
        var granted = exceptions.Where(e => e.Granted).Select(e => e.AuthorityId).ToList();
        var withheld = exceptions.Where(e => !e.Granted).Select(e => e.AuthorityId).ToList();
        List<int> SessionsOf(EventKind kind) => [.. sessions.Where(s => s.Kind == kind).Select(s => s.Id)];
        int Needed(bool required, List<int> held) => required && held.Count > 0 ? Math.Min(rules.MinimumSessionsPerEvent, held.Count) : 0;
        var forum = SessionsOf(EventKind.LaunchForum);
        var workshop = SessionsOf(EventKind.Workshop);
        var (forumNeeded, workshopNeeded) = (Needed(rules.RequireLaunchForum, forum), Needed(rules.RequireWorkshop, workshop));
        var requireAccepted = rules.RequireAcceptedInvitation;
        // Sessions attended per person (one record per person and session), grouped once and joined, not counted again
        // for every invitee.
        var attended = db.Attendances.Where(a => a.CohortId == cohortId && a.Status == AttendanceStatus.Present)
            .GroupBy(a => a.AuthorityId)
            .Select(g => new
            {
                AuthorityId = g.Key,
                Forum = g.Count(a => forum.Contains(a.SessionId)),
                Workshop = g.Count(a => workshop.Contains(a.SessionId)),
            });
        return from i in db.Invitations
               where i.CohortId == cohortId && i.Status != InvitationStatus.Revoked
               join p in attended on i.AuthorityId equals p.AuthorityId into people
               from p in people.DefaultIfEmpty()
               let forumAttended = (int?)p.Forum ?? 0
               let workshopAttended = (int?)p.Workshop ?? 0
               where granted.Contains(i.AuthorityId)
                   || (!withheld.Contains(i.AuthorityId)
                       && (!requireAccepted || i.Status == InvitationStatus.Accepted)
                       && forumAttended >= forumNeeded
                       && workshopAttended >= workshopNeeded)
               select i.AuthorityId;
    }

    public async Task<EligibilityPage?> EvaluateAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId).Select(c => PortalCultures.Pick(c.Name, c.NameEs, c.NamePt)).SingleOrDefaultAsync(cancellationToken);
        if (cohort is null)
        {
            return null;
        }

        var rules = await RulesAsync(cohortId, cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CohortId == cohortId).Select(s => new { s.Id, s.Event!.Kind }).ToListAsync(cancellationToken);
        var invitees = await db.Invitations.AsNoTracking().Where(i => i.CohortId == cohortId && i.Status != InvitationStatus.Revoked)
            .Select(i => new { i.AuthorityId, i.Authority!.FullName, i.Authority.CountryCode, i.Status }).ToListAsync(cancellationToken);
        var present = await db.Attendances.AsNoTracking().Where(a => a.CohortId == cohortId && a.Status == AttendanceStatus.Present)
            .Select(a => new { a.AuthorityId, a.SessionId, a.LocalGovernmentId, Government = a.LocalGovernment == null ? null : a.LocalGovernment.Name, a.CountryCode })
            .ToListAsync(cancellationToken);
        var exceptions = await db.EligibilityExceptions.AsNoTracking().Where(e => e.CohortId == cohortId).ToDictionaryAsync(e => e.AuthorityId, cancellationToken);
        var revoked = await StandingRevocationsAsync(cohortId, cancellationToken);

        var kindOf = sessions.ToDictionary(s => s.Id, s => s.Kind);
        var required = new[] { (EventKind.LaunchForum, rules.RequireLaunchForum), (EventKind.Workshop, rules.RequireWorkshop) }.Where(r => r.Item2).Select(r => r.Item1).ToList();
        var byPerson = present.ToLookup(p => p.AuthorityId);
        var people = invitees.Select(invitee =>
        {
            var reasons = new List<Reason>();
            var eligible = true;
            if (rules.RequireAcceptedInvitation)
            {
                var accepted = invitee.Status == InvitationStatus.Accepted;
                eligible &= accepted;
                reasons.Add(new Reason(accepted ? "Reason_Accepted" : "Reason_NotAccepted"));
            }

            foreach (var kind in required)
            {
                var held = sessions.Count(s => s.Kind == kind);
                if (held == 0)
                {
                    continue;
                }

                var attended = byPerson[invitee.AuthorityId].Where(p => kindOf.GetValueOrDefault(p.SessionId) == kind).Select(p => p.SessionId).Distinct().Count();
                var needed = Math.Min(rules.MinimumSessionsPerEvent, held);
                eligible &= attended >= needed;
                reasons.Add(new Reason($"Reason_Attended_{kind}", attended, held, needed));
            }

            var exception = exceptions.GetValueOrDefault(invitee.AuthorityId);
            if (exception is not null)
            {
                eligible = exception.Granted;
                reasons.Add(new Reason(exception.Granted ? "Reason_ExceptionGranted" : "Reason_ExceptionWithheld", exception.Reason));
            }

            var revocation = revoked.GetValueOrDefault($"P:{invitee.AuthorityId}");
            if (revocation is not null)
            {
                reasons.Add(new Reason("Reason_CertificateRevoked", revocation.RevokedAtUtc, revocation.Reason));
            }

            var governments = byPerson[invitee.AuthorityId].Where(p => p.Government != null).Select(p => $"{p.Government} ({p.CountryCode})").Distinct().ToList();
            return new PersonEligibility(
                invitee.AuthorityId, invitee.FullName, invitee.CountryCode, governments, eligible, reasons, exception?.Granted, exception?.Reason, revocation);
        })
        .OrderByDescending(p => p.Eligible).ThenBy(p => p.CountryCode).ThenBy(p => p.FullName, StringComparer.CurrentCulture)
        .ToList();

        var eligibleNames = people.Where(p => p.Eligible).ToDictionary(p => p.AuthorityId, p => p.FullName);
        var governmentsEligible = present.Where(p => p.LocalGovernmentId != null && eligibleNames.ContainsKey(p.AuthorityId))
            .GroupBy(p => p.LocalGovernmentId!.Value)
            .Select(g => new GovernmentEligibility(
                g.Key, g.First().Government!, g.First().CountryCode.Trim(), [.. g.Select(p => eligibleNames[p.AuthorityId]).Distinct()], revoked.GetValueOrDefault($"G:{g.Key}")))
            .OrderBy(g => g.CountryCode).ThenBy(g => g.Name, StringComparer.CurrentCulture)
            .ToList();
        return new EligibilityPage(cohortId, cohort, RulesForm.From(rules), people, governmentsEligible);
    }

    /// <summary>
    /// The cohort's recipients ("P:{authority}", "G:{local government}") whose certificate was revoked and neither
    /// reissued nor replaced by a valid one: a revocation is a decision that issuing again does not undo.
    /// </summary>
    public async Task<Dictionary<string, Revocation>> StandingRevocationsAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var standing = db.Certificates.Standing();
        return (await db.Certificates.AsNoTracking()
            .Where(c => c.CohortId == cohortId && c.Status == CertificateStatus.Revoked && c.SupersededById == null
                && !standing.Any(v => v.CohortId == cohortId && v.RecipientKey == c.RecipientKey))
            .OrderBy(c => c.RevokedAtUtc)
            .Select(c => new { c.RecipientKey, Revocation = new Revocation(c.Id, c.RevokedAtUtc ?? DateTime.MinValue, c.RevocationReason ?? "") })
            .ToListAsync(cancellationToken))
            .GroupBy(c => c.RecipientKey).ToDictionary(g => g.Key, g => g.Last().Revocation);
    }

    public async Task SaveRulesAsync(int cohortId, RulesForm form, CancellationToken cancellationToken = default)
    {
        var rules = await db.RecognitionRules.SingleOrDefaultAsync(r => r.CohortId == cohortId, cancellationToken);
        if (rules is null)
        {
            rules = new RecognitionRules { CohortId = cohortId };
            db.RecognitionRules.Add(rules);
        }

        rules.RequireLaunchForum = form.RequireLaunchForum;
        rules.RequireWorkshop = form.RequireWorkshop;
        rules.MinimumSessionsPerEvent = form.MinimumSessionsPerEvent;
        rules.RequireAcceptedInvitation = form.RequireAcceptedInvitation;
        rules.SignatoryName = string.IsNullOrWhiteSpace(form.SignatoryName) ? null : form.SignatoryName.Trim();
        rules.SignatoryTitle = string.IsNullOrWhiteSpace(form.SignatoryTitle) ? null : form.SignatoryTitle.Trim();
        rules.SignatoryTitleEs = Infrastructure.Localization.PortalCultures.Translation(form.SignatoryTitleEs);
        rules.SignatoryTitlePt = Infrastructure.Localization.PortalCultures.Translation(form.SignatoryTitlePt);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records (or clears) an exception for one invitee; null when done, else the key of the reason it was refused.</summary>
    public async Task<string?> DecideAsync(int cohortId, int authorityId, ExceptionForm form, CancellationToken cancellationToken = default)
    {
        if (!await db.Invitations.AnyAsync(i => i.CohortId == cohortId && i.AuthorityId == authorityId && i.Status != InvitationStatus.Revoked, cancellationToken))
        {
            return "Error_NotInvitee";
        }

        var exception = await db.EligibilityExceptions.SingleOrDefaultAsync(e => e.CohortId == cohortId && e.AuthorityId == authorityId, cancellationToken);
        if (form.Decision == "clear")
        {
            if (exception is not null)
            {
                db.EligibilityExceptions.Remove(exception);
                await db.SaveChangesAsync(cancellationToken);
            }

            return null;
        }

        if (form.Decision is not ("grant" or "withhold"))
        {
            return "Error_Decision";
        }

        if (string.IsNullOrWhiteSpace(form.Reason))
        {
            return "Error_ReasonRequired";
        }

        if (exception is null)
        {
            exception = new EligibilityException { CohortId = cohortId, AuthorityId = authorityId, Reason = "" };
            db.EligibilityExceptions.Add(exception);
        }

        exception.Granted = form.Decision == "grant";
        exception.Reason = form.Reason.Trim();
        exception.DecidedAtUtc = timeProvider.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
