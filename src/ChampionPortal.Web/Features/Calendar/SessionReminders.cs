using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChampionPortal.Web.Features.Calendar;

/// <summary>
/// Reminds the people who accepted a cohort's invitation before each of its sessions (Calendar:ReminderHoursBefore).
/// When several reminders are due at once (the portal was stopped, or someone accepted late) only the nearest goes.
/// Each is recorded with the e-mail in one transaction, under a unique index that a second instance runs into.
/// </summary>
public sealed class SessionReminders(PortalDbContext db, CalendarEmails emails, IOptions<CalendarOptions> options, TimeProvider clock, OutboxSignal signal)
{
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var offsets = options.Value.ReminderMinutes();
        if (offsets.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now.AddMinutes(offsets[0]);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.StartsAtUtc > now && s.StartsAtUtc <= horizon)
            .OrderBy(s => s.StartsAtUtc).Select(CalendarSession.FromSession).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var session in sessions)
        {
            var due = offsets.Where(minutes => session.StartsAtUtc.AddMinutes(-minutes) <= now).ToList();
            var nearest = due.Min();
            var reminded = await db.SessionReminders.Where(r => r.SessionId == session.Id && r.MinutesBefore == nearest).Select(r => r.AuthorityId).ToListAsync(cancellationToken);
            foreach (var invitee in await emails.InviteesAsync(session.CohortId, cancellationToken))
            {
                if (!reminded.Contains(invitee.AuthorityId) && await RemindAsync(session, invitee, due, now, cancellationToken))
                {
                    sent++;
                }
            }
        }

        if (sent > 0)
        {
            signal.Notify();
        }

        return sent;
    }

    private async Task<bool> RemindAsync(CalendarSession session, CalendarInvitee invitee, List<int> due, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var recorded = await db.SessionReminders.Where(r => r.SessionId == session.Id && r.AuthorityId == invitee.AuthorityId)
            .Select(r => r.MinutesBefore).ToListAsync(cancellationToken);
        if (recorded.Contains(due.Min()))
        {
            // Another instance reminded this person since this sweep began.
            return false;
        }

        db.SessionReminders.AddRange(due.Except(recorded).Select(minutes => new SessionReminder
        {
            SessionId = session.Id,
            AuthorityId = invitee.AuthorityId,
            MinutesBefore = minutes,
            SentAtUtc = now,
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (DatabaseErrors.IsUniqueViolation(error))
        {
            // Another instance is reminding this person at this very moment, and committed first.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return false;
        }

        // The time left as it is, not as configured: a reminder sent late says so truthfully.
        await emails.SendReminderAsync(invitee, session, (int)Math.Round((session.StartsAtUtc - now).TotalMinutes), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

/// <summary>Looks for due reminders every Calendar:ReminderPollSeconds on each instance.</summary>
public sealed class SessionReminderWorker(IServiceScopeFactory scopes, IOptions<CalendarOptions> options, ILogger<SessionReminderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ReminderMinutes().Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReminderPollSeconds));
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var sent = await scope.ServiceProvider.GetRequiredService<SessionReminders>().SendDueAsync(stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("Sent {Count} session reminders", sent);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Session reminders could not run");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
