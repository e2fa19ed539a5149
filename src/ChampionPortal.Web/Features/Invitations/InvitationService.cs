using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Cohorts;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Email;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Invitations;

/// <summary>
/// Invitations of approved nominees, as staff handle them: sending, reminders, resend, revoke and extension. A link's
/// token is never stored, only its SHA-256 (the invitee's answer through it: <see cref="Rsvp.RsvpService"/>).
/// </summary>
public sealed class InvitationService(PortalDbContext db, CohortInFocus focus, CountryOptions countryOptions, InvitationEmails emails, OutboxSignal outbox, TimeProvider timeProvider)
{
    public const int DefaultValidityDays = 21;

    public async Task<InvitationBoard?> BoardAsync(ClaimsPrincipal user, int? requestedCohort, string? country, InvitationStatus? status, CancellationToken cancellationToken = default)
    {
        if (await focus.ChooseAsync(user, requestedCohort, CohortContent.Nominations, cancellationToken) is not { Cohort: var cohort })
        {
            return null;
        }

        var cohortId = cohort.Id;
        var scope = user.CountryScope();

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var all = await scope.Apply(db.Invitations.AsNoTracking()).Where(i => i.CohortId == cohortId)
            .OrderBy(i => i.CountryCode).ThenBy(i => i.Authority!.SearchKey)
            .Select(i => new InvitationRow(
                i.Id, i.Authority!.FullName, i.CountryCode, i.Status == InvitationStatus.Sent && i.ExpiresAtUtc < now ? InvitationStatus.Expired : i.Status,
                i.ExpiresAtUtc, i.SentAtUtc, i.AnsweredAtUtc, i.ReminderCount, i.DirectoryConsent, i.AcceptedAtSession, i.Version))
            .ToListAsync(cancellationToken);
        var invitable = scope.OnlyCountry is null
            ? await db.Nominations.AsNoTracking()
                .Where(n => n.CohortId == cohortId && n.Status == NominationStatus.Approved && !db.Invitations.Any(i => i.CohortId == cohortId && i.AuthorityId == n.AuthorityId))
                .Where(n => country == null || n.CountryCode == country)
                .OrderBy(n => n.CountryCode).ThenBy(n => n.Authority!.SearchKey)
                .Select(n => new InvitableNominee(n.Id, n.Authority!.FullName, n.CountryCode))
                .ToListAsync(cancellationToken)
            : [];
        return new InvitationBoard(
            cohort.Id, cohort.Code, cohort.Name, country, status,
            all.GroupBy(i => i.Status).ToDictionary(g => g.Key, g => g.Count()),
            all.GroupBy(i => (i.CountryCode, i.Status)).ToDictionary(g => g.Key, g => g.Count()),
            await countryOptions.ListAsync(scope, cancellationToken),
            [.. all.Where(i => (country is null || i.CountryCode == country) && (status is null || i.Status == status))],
            invitable,
            DateOnly.FromDateTime(now.AddDays(DefaultValidityDays)));
    }

    /// <summary>The selected nominees as the confirmation page lists them before anything is sent.</summary>
    public Task<List<InvitableNominee>> SelectedAsync(int cohortId, IReadOnlyCollection<int> nominationIds, CancellationToken cancellationToken = default) =>
        db.Nominations.AsNoTracking()
            .Where(n => n.CohortId == cohortId && nominationIds.Contains(n.Id) && n.Status == NominationStatus.Approved
                && !db.Invitations.Any(i => i.CohortId == cohortId && i.AuthorityId == n.AuthorityId))
            .OrderBy(n => n.CountryCode).ThenBy(n => n.Authority!.SearchKey)
            .Select(n => new InvitableNominee(n.Id, n.Authority!.FullName, n.CountryCode))
            .ToListAsync(cancellationToken);

    public Task<InvitationRow?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Invitations.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new InvitationRow(i.Id, i.Authority!.FullName, i.CountryCode, i.Status, i.ExpiresAtUtc, i.SentAtUtc, i.AnsweredAtUtc, i.ReminderCount, i.DirectoryConsent, i.AcceptedAtSession, i.Version))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Invites the selected approved nominees of the cohort that have no invitation yet, each with a personal link.</summary>
    public async Task<int> InviteAsync(int cohortId, IReadOnlyCollection<int> nominationIds, DateOnly expiresOn, CancellationToken cancellationToken = default)
    {
        var nominations = await db.Nominations
            .Where(n => n.CohortId == cohortId && nominationIds.Contains(n.Id) && n.Status == NominationStatus.Approved
                && !db.Invitations.Any(i => i.CohortId == cohortId && i.AuthorityId == n.AuthorityId))
            .Include(n => n.Authority).Include(n => n.Cohort)
            .ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var nomination in nominations)
        {
            var invitation = new Invitation
            {
                CohortId = cohortId,
                NominationId = nomination.Id,
                AuthorityId = nomination.AuthorityId,
                CountryCode = nomination.CountryCode,
                Status = InvitationStatus.Sent,
                ExpiresAtUtc = expiresOn.ToDateTime(new TimeOnly(23, 59), DateTimeKind.Utc),
                SentAtUtc = now,
            };
            db.Invitations.Add(invitation);
            await emails.SendLinkAsync(invitation, nomination.Authority!, nomination.Cohort!, reminder: false, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // The messages were queued inside the transaction: wake the dispatcher now that they are visible.
        outbox.Notify();
        return nominations.Count;
    }

    /// <summary>A new link sent again, for invitations not yet answered; the links sent before stop working.</summary>
    public Task<bool> ResendAsync(int id, CancellationToken cancellationToken = default) => ChangeAsync(id, async (invitation, authority, cohort) =>
    {
        if (invitation.Status is InvitationStatus.Accepted or InvitationStatus.Declined)
        {
            return false;
        }

        await db.InvitationLinks.Where(l => l.InvitationId == invitation.Id).ExecuteDeleteAsync(cancellationToken);
        invitation.Status = InvitationStatus.Sent;
        invitation.SentAtUtc = timeProvider.GetUtcNow().UtcDateTime;
        await emails.SendLinkAsync(invitation, authority, cohort, reminder: false, cancellationToken);
        return true;
    }, cancellationToken);

    public Task<bool> RevokeAsync(int id, CancellationToken cancellationToken = default) => ChangeAsync(id, (invitation, _, _) =>
    {
        if (invitation.Status is InvitationStatus.Accepted or InvitationStatus.Declined)
        {
            return Task.FromResult(false);
        }

        invitation.Status = InvitationStatus.Revoked;
        return Task.FromResult(true);
    }, cancellationToken);

    public Task<bool> ExtendAsync(int id, DateOnly expiresOn, CancellationToken cancellationToken = default) => ChangeAsync(id, (invitation, _, _) =>
    {
        if (invitation.Status is not (InvitationStatus.Sent or InvitationStatus.Pending) || expiresOn < DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime))
        {
            return Task.FromResult(false);
        }

        invitation.ExpiresAtUtc = expiresOn.ToDateTime(new TimeOnly(23, 59), DateTimeKind.Utc);
        return Task.FromResult(true);
    }, cancellationToken);

    /// <summary>Reminds everyone of the cohort who has not answered and whose link still works; at most once a day per person.</summary>
    public Task<int> RemindAsync(int cohortId, CancellationToken cancellationToken = default) =>
        RemindWhereAsync(i => i.CohortId == cohortId, cancellationToken);

    /// <summary>The automatic reminder: unanswered invitations of any cohort whose link expires within the given days.</summary>
    public Task<int> RemindBeforeExpiryAsync(int days, CancellationToken cancellationToken = default)
    {
        var horizon = timeProvider.GetUtcNow().UtcDateTime.AddDays(days);
        return RemindWhereAsync(i => i.ExpiresAtUtc <= horizon && i.ReminderCount == 0, cancellationToken);
    }

    private async Task<int> RemindWhereAsync(System.Linq.Expressions.Expression<Func<Invitation, bool>> which, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var candidates = await db.Invitations.Where(which)
            .Where(i => i.Status == InvitationStatus.Sent && i.ExpiresAtUtc >= now && (i.LastReminderOn == null || i.LastReminderOn < today))
            .Select(i => i.Id).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in candidates)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Claimed by a conditional update: of two instances (or two clicks) reminding at once, only one sends.
            var claimed = await db.Invitations.Where(i => i.Id == id && (i.LastReminderOn == null || i.LastReminderOn < today))
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.LastReminderOn, today).SetProperty(i => i.ReminderCount, i => i.ReminderCount + 1), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var invitation = await db.Invitations.Include(i => i.Authority).Include(i => i.Cohort).SingleAsync(i => i.Id == id, cancellationToken);

            // Only the hashes of the links sent are kept, so a reminder carries a link of its own; the earlier ones still work.
            await emails.SendLinkAsync(invitation, invitation.Authority!, invitation.Cohort!, reminder: true, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            sent++;
        }

        outbox.Notify();
        return sent;
    }

    private async Task<bool> ChangeAsync(int id, Func<Invitation, Authority, Cohort, Task<bool>> change, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.Include(i => i.Authority).Include(i => i.Cohort).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invitation is null)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await change(invitation, invitation.Authority!, invitation.Cohort!))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return true;
    }

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
