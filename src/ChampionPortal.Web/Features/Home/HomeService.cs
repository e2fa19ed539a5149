using System.Security.Claims;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Authorities;
using ChampionPortal.Web.Features.Certificates;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Home;

/// <summary>
/// The landing page as a list of what waits for the person signed in, each item linking to the page that resolves it:
/// for regional staff the whole initiative's queues, for a country office its own nominations and country, for an
/// authority its invitation, sessions, mapping and certificates.
/// </summary>
public sealed class HomeService(
    Champions.ChampionsService champions, PortalDbContext db, AuthorityService authorities, CertificateOverview certificates, Calendar.CalendarService calendar,
    TimeProvider timeProvider)
{
    /// <summary>An invitation that expires within this many days is flagged as urgent.</summary>
    private const int ExpiringWithinDays = 7;

    public async Task<HomePage> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return new HomePage([], []) { Figures = await champions.LatestFiguresAsync(cancellationToken) };
        }

        var reach = user.Reach();
        if (reach.Regional)
        {
            return new HomePage(await StaffWaitingAsync(cancellationToken), await NextSessionsAsync(null, cancellationToken));
        }

        if (reach.Country is { } country)
        {
            return new HomePage(await CountryWaitingAsync(country, cancellationToken), [], Country: await CountryAsync(country, cancellationToken));
        }

        if (reach.AuthorityId is { } authorityId)
        {
            return new HomePage(
                await AuthorityWaitingAsync(reach, authorityId, cancellationToken), await NextSessionsAsync(authorityId, cancellationToken),
                Authority: await authorities.FindAsync(authorityId, cancellationToken))
            {
                Calendar = await calendar.LinksAsync(authorityId, viaFeed: false, cancellationToken),
            };
        }

        return new HomePage([], []);
    }

    private async Task<List<WaitingItem>> StaffWaitingAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var waiting = new List<WaitingItem>();
        var submitted = await db.Nominations.AsNoTracking().Where(n => n.Status == NominationStatus.Submitted)
            .GroupBy(n => new { n.CohortId, n.Cohort!.Code }).Select(g => new { g.Key.CohortId, g.Key.Code, Count = g.Count() }).ToListAsync(cancellationToken);
        waiting.AddRange(submitted.Select(n => new WaitingItem("Home_Waiting_Nominations", n.Count, $"/nominations?cohort={n.CohortId}&status=Submitted", n.Code)));

        waiting.AddRange(await UnansweredAsync(db.Invitations.AsNoTracking(), now, cancellationToken));

        var soon = now.AddHours(24);
        var today = await db.Sessions.AsNoTracking().Where(s => s.EndsAtUtc >= now && s.StartsAtUtc <= soon).OrderBy(s => s.StartsAtUtc)
            .Select(s => new { s.Id, s.Code, Title = PortalCultures.Pick(s.Title, s.TitleEs, s.TitlePt) }).ToListAsync(cancellationToken);
        waiting.AddRange(today.Select(s => new WaitingItem("Home_Waiting_SessionToday", 1, $"/sessions/{s.Id}/attendance/check-in", $"{s.Code} — {s.Title}")));

        // A register is left open while someone who accepted has no mark for a session that is over, in a cohort still open.
        var unmarked = await db.Sessions.AsNoTracking()
            .Where(s => s.EndsAtUtc < now && s.Event!.Cohort!.Status == CohortStatus.Open)
            .Select(s => new
            {
                s.Id,
                s.Code,
                Title = PortalCultures.Pick(s.Title, s.TitleEs, s.TitlePt),
                Count = db.Invitations.Count(i => i.CohortId == s.CohortId && i.Status == InvitationStatus.Accepted
                    && !db.Attendances.Any(a => a.SessionId == s.Id && a.AuthorityId == i.AuthorityId)),
            })
            .Where(s => s.Count > 0).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        waiting.AddRange(unmarked.Select(s => new WaitingItem("Home_Waiting_RegisterOpen", s.Count, $"/sessions/{s.Id}/attendance", $"{s.Code} — {s.Title}")));

        // Recognition is due in cohorts whose sessions have marks; the rest have nobody eligible yet.
        var attended = await db.Cohorts.AsNoTracking()
            .Where(c => c.Status != CohortStatus.Archived && db.Attendances.Any(a => a.CohortId == c.Id))
            .OrderByDescending(c => c.StartDate).Select(c => new { c.Id, c.Code }).ToListAsync(cancellationToken);
        foreach (var cohort in attended)
        {
            if ((await certificates.PendingAsync(cohort.Id, cancellationToken)).Count is > 0 and var pending)
            {
                waiting.Add(new WaitingItem("Home_Waiting_Certificates", pending, $"/certificates?cohort={cohort.Id}", cohort.Code));
            }
        }

        if (await db.OutboxMessages.AsNoTracking().CountAsync(m => m.Status == OutboxStatus.Failed, cancellationToken) is > 0 and var failed)
        {
            waiting.Add(new WaitingItem("Home_Waiting_EmailsFailed", failed, "/outbox?status=Failed", Urgent: true));
        }

        return waiting;
    }

    private async Task<List<WaitingItem>> CountryWaitingAsync(string country, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var own = await db.Nominations.AsNoTracking()
            .Where(n => n.CountryCode == country && (n.Status == NominationStatus.Draft || n.Status == NominationStatus.Submitted) && n.Cohort!.Status != CohortStatus.Archived)
            .GroupBy(n => new { n.CohortId, n.Cohort!.Code, n.Status }).Select(g => new { g.Key.CohortId, g.Key.Code, g.Key.Status, Count = g.Count() })
            .OrderBy(g => g.Status).ToListAsync(cancellationToken);
        var waiting = own.Select(n => new WaitingItem(
            n.Status == NominationStatus.Draft ? "Home_Waiting_Drafts" : "Home_Waiting_InReview", n.Count, $"/nominations?cohort={n.CohortId}&status={n.Status}", n.Code)).ToList();
        waiting.AddRange(await UnansweredAsync(db.Invitations.AsNoTracking().Where(i => i.CountryCode == country), now, cancellationToken));
        return waiting;
    }

    /// <summary>Invitations sent and not answered, per cohort; urgent when some expire within a week.</summary>
    private async Task<IEnumerable<WaitingItem>> UnansweredAsync(IQueryable<Invitation> invitations, DateTime now, CancellationToken cancellationToken)
    {
        var expiring = now.AddDays(ExpiringWithinDays);
        var unanswered = await invitations.Where(i => i.Status == InvitationStatus.Sent && i.ExpiresAtUtc >= now)
            .GroupBy(i => new { i.CohortId, i.Cohort!.Code })
            .Select(g => new { g.Key.CohortId, g.Key.Code, Count = g.Count(), Expiring = g.Count(i => i.ExpiresAtUtc < expiring) })
            .ToListAsync(cancellationToken);
        return unanswered.SelectMany(i => new[]
        {
            new WaitingItem("Home_Waiting_Unanswered", i.Count, $"/invitations?cohort={i.CohortId}&status=Sent", i.Code),
            new WaitingItem("Home_Waiting_Expiring", i.Expiring, $"/invitations?cohort={i.CohortId}&status=Sent", i.Code, Urgent: true),
        }).Where(i => i.Count > 0);
    }

    private async Task<List<WaitingItem>> AuthorityWaitingAsync(Reach reach, int authorityId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.AuthorityId == authorityId && i.Status != InvitationStatus.Revoked)
            .OrderByDescending(i => i.Cohort!.StartDate)
            .Select(i => new { i.CohortId, i.Cohort!.Code, i.Status, i.ExpiresAtUtc, i.Authority!.LocalGovernmentId })
            .ToListAsync(cancellationToken);
        var government = invitations.FirstOrDefault()?.LocalGovernmentId;
        var mapped = await db.LocalActions.AsNoTracking().Where(a => a.LocalGovernmentId == government)
            .GroupBy(a => a.CohortId).Select(g => new { Cohort = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Cohort, g => g.Count, cancellationToken);
        var waiting = new List<WaitingItem>();
        foreach (var invitation in invitations)
        {
            if (invitation.Status == InvitationStatus.Sent && invitation.ExpiresAtUtc >= now)
            {
                // The answer goes through the personal link of the e-mail; only its hash is kept, so the page cannot link to it.
                waiting.Add(new WaitingItem("Home_Waiting_AnswerInvitation", 1, null, invitation.Code, Urgent: true));
            }
            else if (invitation.Status == InvitationStatus.Accepted && government is not null)
            {
                var actions = mapped.GetValueOrDefault(invitation.CohortId);
                waiting.Add(new WaitingItem(actions == 0 ? "Home_Waiting_MappingEmpty" : "Home_Waiting_Mapping", actions, $"/mapping/{invitation.CohortId}/{government}", invitation.Code));
            }
        }

        var owned = await (await CertificateReach.OfAsync(db, reach, db.Certificates.AsNoTracking(), cancellationToken))
            .CountAsync(c => c.Status == CertificateStatus.Valid, cancellationToken);
        if (owned > 0)
        {
            waiting.Add(new WaitingItem("Home_Waiting_MyCertificates", owned, "/certificates"));
        }

        return waiting;
    }

    /// <summary>The next sessions: all of them for staff, those of the authority's accepted invitations for an authority.</summary>
    private async Task<List<UpcomingSession>> NextSessionsAsync(int? authorityId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var sessions = db.Sessions.AsNoTracking().Where(s => s.EndsAtUtc >= now);
        if (authorityId is { } id)
        {
            sessions = sessions.Where(s => db.Invitations.Any(i => i.CohortId == s.CohortId && i.AuthorityId == id && i.Status == InvitationStatus.Accepted));
        }

        return await sessions.OrderBy(s => s.StartsAtUtc).Take(5)
            .Select(s => new UpcomingSession(s.Id, s.Code, PortalCultures.Pick(s.Title, s.TitleEs, s.TitlePt), PortalCultures.Pick(s.Event!.Name, s.Event.NameEs, s.Event.NamePt), s.Event.Cohort!.Code, s.StartsAtUtc, s.EndsAtUtc, s.TimeZone))
            .ToListAsync(cancellationToken);
    }

    private async Task<CountryOverview> CountryAsync(string country, CancellationToken cancellationToken) =>
        await db.Countries.AsNoTracking().Where(c => c.Code == country)
            .Select(c => new
            {
                c.NameEn,
                c.NameEs,
                c.NamePt,
                Governments = db.LocalGovernments.Count(l => l.CountryCode == country),
                People = db.Authorities.Count(a => a.CountryCode == country),
                Unattached = db.Authorities.Count(a => a.CountryCode == country && a.LocalGovernmentId == null),
            })
            .Select(c => new CountryOverview(PortalCultures.Pick(c.NameEn, c.NameEs, c.NamePt), c.Governments, c.People, c.Unattached))
            .SingleAsync(cancellationToken);
}
