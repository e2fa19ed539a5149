using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Account;
using ChampionPortal.Web.Features.Calendar;
using ChampionPortal.Web.Features.Cohorts;
using ChampionPortal.Web.Features.Invitations;
using ChampionPortal.Web.Infrastructure.Email;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Rsvp;

/// <summary>
/// The invitee's side of an invitation, through the personal link: the page it opens and the answer. An answered,
/// expired or revoked link changes nothing and says why.
/// </summary>
public sealed class RsvpService(
    PortalDbContext db, AuthorityAccounts accounts, CalendarService calendar, CalendarEmails calendarEmails, OutboxSignal outbox, TimeProvider timeProvider)
{
    public async Task<RsvpPage> RsvpAsync(string token, CancellationToken cancellationToken = default)
    {
        var invitation = await FindByTokenAsync(token, cancellationToken);
        if (invitation is null)
        {
            return new RsvpPage(RsvpState.Unknown, token, "", "", "UTC", "", default, [], InvitationStatus.Pending);
        }

        var events = await db.Events.AsNoTracking().Where(e => e.CohortId == invitation.CohortId).OrderBy(e => e.Kind)
            .Select(e => new CohortEventSummary(e.Id, e.Kind, PortalCultures.Pick(e.Name, e.NameEs, e.NamePt), e.Sessions.OrderBy(s => s.StartsAtUtc)
                .Select(s => new CohortSessionSummary(s.Id, s.Code, PortalCultures.Pick(s.Title, s.TitleEs, s.TitlePt), s.StartsAtUtc, s.EndsAtUtc, s.TimeZone, s.Modality)).ToList()))
            .ToListAsync(cancellationToken);
        var zone = invitation.Authority!.LocalGovernment?.TimeZone ?? CountryTimeZones.DefaultFor(invitation.CountryCode);
        var links = invitation.Status == InvitationStatus.Accepted ? await calendar.LinksAsync(invitation.AuthorityId, viaFeed: true, cancellationToken) : null;
        return new RsvpPage(
            StateOf(invitation), token, invitation.Authority.FullName, invitation.Authority.PreferredLanguage, zone, PortalCultures.Pick(invitation.Cohort!.Name, invitation.Cohort.NameEs, invitation.Cohort.NamePt),
            invitation.ExpiresAtUtc, events, invitation.Status, invitation.AnsweredAtUtc)
        { Calendar = links };
    }

    /// <summary>
    /// Records the answer of an open invitation. On acceptance the person gets (or keeps) an Authority account; the
    /// returned address lets them choose a password at once. A link that is not open any more records nothing and
    /// says why (for an answered one: the answer that stands).
    /// </summary>
    public async Task<RsvpAnswer> AnswerAsync(string token, bool accept, string? comment, bool consent, CancellationToken cancellationToken = default)
    {
        var invitation = await FindByTokenAsync(token, cancellationToken, tracked: true);
        if (invitation is null)
        {
            return new RsvpAnswer(RsvpState.Unknown, Recorded: false, InvitationStatus.Pending, null);
        }

        if (StateOf(invitation) != RsvpState.Open)
        {
            return new RsvpAnswer(StateOf(invitation), Recorded: false, invitation.Status, invitation.AnsweredAtUtc)
            {
                Calendar = invitation.Status == InvitationStatus.Accepted ? await calendar.LinksAsync(invitation.AuthorityId, viaFeed: true, cancellationToken) : null,
            };
        }

        // The answer, the calendar address and the confirmation with the sessions are kept together or not at all.
        var now = timeProvider.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            invitation.Status = accept ? InvitationStatus.Accepted : InvitationStatus.Declined;
            invitation.AnsweredAtUtc = now;
            invitation.ResponseComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()[..Math.Min(comment.Trim().Length, 2000)];
            invitation.DirectoryConsent = accept && consent;
            var feedToken = accept ? await calendar.EnsureFeedAsync(invitation.AuthorityId, cancellationToken) : null;
            await db.SaveChangesAsync(cancellationToken);
            if (accept)
            {
                await calendarEmails.SendConfirmationAsync(invitation.Id, feedToken, now, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        outbox.Notify();
        var recorded = new RsvpAnswer(RsvpState.Answered, Recorded: true, invitation.Status, invitation.AnsweredAtUtc);
        if (!accept)
        {
            return recorded;
        }

        return recorded with
        {
            SetPasswordUrl = await accounts.SetPasswordUrlAsync(invitation.Authority!, cancellationToken),
            Calendar = await calendar.LinksAsync(invitation.AuthorityId, viaFeed: true, cancellationToken),
        };
    }

    private RsvpState StateOf(Invitation invitation) => invitation.Status switch
    {
        InvitationStatus.Revoked => RsvpState.Revoked,
        InvitationStatus.Accepted or InvitationStatus.Declined => RsvpState.Answered,
        _ when invitation.ExpiresAtUtc < timeProvider.GetUtcNow().UtcDateTime => RsvpState.Expired,
        _ => RsvpState.Open,
    };

    private async Task<Invitation?> FindByTokenAsync(string token, CancellationToken cancellationToken, bool tracked = false)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = InvitationService.Hash(token);
        var query = db.Invitations.Include(i => i.Authority).ThenInclude(a => a!.LocalGovernment).Include(i => i.Cohort)
            .Where(i => i.Links.Any(l => l.TokenHash == hash));
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(cancellationToken);
    }
}
