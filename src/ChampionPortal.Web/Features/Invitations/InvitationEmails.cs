using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Email;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Invitations;

/// <summary>The invitation e-mail with its personal RSVP and check-in links, in the person's language.</summary>
public sealed class InvitationEmails(PortalDbContext db, EmailRenderer renderer, IEmailSender sender, PublicUrls urls, TimeProvider timeProvider)
{
    private readonly Dictionary<int, IReadOnlyList<InvitationSession>> sessionsByCohort = [];

    /// <summary>Sends the person a new personal link (the invitation, or a reminder); the link is added to the invitation, to be saved with it.</summary>
    public async Task SendLinkAsync(Invitation invitation, Authority authority, Cohort cohort, bool reminder, CancellationToken cancellationToken)
    {
        var cohortName = PortalCultures.Pick(cohort.Name, cohort.NameEs, cohort.NamePt, authority.PreferredLanguage);
        var token = InvitationService.NewToken();
        invitation.Links.Add(new InvitationLink { TokenHash = InvitationService.Hash(token), SentAtUtc = timeProvider.GetUtcNow().UtcDateTime });
        var model = new InvitationEmail(authority.FullName, cohortName, urls.Absolute($"/rsvp/{token}?lang={authority.PreferredLanguage}"), invitation.ExpiresAtUtc, reminder)
        {
            Sessions = await SessionsOfAsync(invitation.CohortId, cancellationToken),
            CheckInLink = urls.Absolute($"/check-in/invitation/{token}?lang={authority.PreferredLanguage}"),
        };
        var (subject, html, text) = await renderer.RenderAsync("Invitation", model, authority.PreferredLanguage);
        await sender.SendAsync(new EmailMessage(authority.Email, authority.FullName, subject, html, text), cancellationToken);
    }

    /// <summary>The cohort's sessions as the e-mails list them; read once per cohort for a whole batch of invitations.</summary>
    private async Task<IReadOnlyList<InvitationSession>> SessionsOfAsync(int cohortId, CancellationToken cancellationToken)
    {
        if (!sessionsByCohort.TryGetValue(cohortId, out var sessions))
        {
            sessions = await db.Sessions.AsNoTracking().Where(s => s.CohortId == cohortId).OrderBy(s => s.StartsAtUtc)
                .Select(s => new InvitationSession(s.Event!.Name, s.Title, s.StartsAtUtc, s.EndsAtUtc, s.TimeZone, s.Venue)
                {
                    EventNameEs = s.Event.NameEs,
                    EventNamePt = s.Event.NamePt,
                    TitleEs = s.TitleEs,
                    TitlePt = s.TitlePt,
                }).ToListAsync(cancellationToken);
            sessionsByCohort[cohortId] = sessions;
        }

        return sessions;
    }
}
