using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChampionPortal.Web.Features.Outbox;

/// <summary>Queues the message in the outbox table, in the caller's transaction when there is one.</summary>
public sealed class OutboxEmailSender(PortalDbContext db, TimeProvider timeProvider, OutboxSignal signal) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            ToAddress = message.ToAddress,
            ToName = message.ToName,
            Subject = message.Subject,
            HtmlBody = message.HtmlBody,
            TextBody = message.TextBody,
            CalendarMethod = message.Calendar?.Method,
            Calendar = message.Calendar?.Content,
            Status = OutboxStatus.Pending,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        if (db.Database.CurrentTransaction is null)
        {
            signal.Notify();
        }
    }
}

/// <summary>
/// Sends queued messages one at a time, each claimed inside its own transaction with a row lock that other portal
/// instances skip (FOR UPDATE SKIP LOCKED on PostgreSQL), so that two instances never send the same message.
/// A failed delivery is retried later with a growing back-off, and marked failed after the last attempt. Seven parts,
/// as every background worker here has: scopes, the transport, its signal and events, options, clock and log.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IEmailTransport transport, OutboxSignal signal, OutboxEvents events, IOptions<EmailOptions> options,
    TimeProvider timeProvider, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.Outbox.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchOneAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be away for a moment; the next poll tries again.
                logger.LogWarning(ex, "The e-mail outbox could not be read");
            }

            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims and sends one due message. False when none is due (or all are claimed by other instances).</summary>
    public async Task<bool> DispatchOneAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var dialect = scope.ServiceProvider.GetRequiredService<IDatabaseDialect>();
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var claim = "SELECT * FROM \"OutboxMessages\" WHERE \"Status\" = 'Pending' AND \"NextAttemptAtUtc\" <= {0} ORDER BY \"Id\" LIMIT 1 "
            + dialect.ClaimRowsSuffix;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var message = (await db.OutboxMessages.FromSqlRaw(claim, now).ToListAsync(cancellationToken)).SingleOrDefault();
        if (message is null)
        {
            return false;
        }

        string? error = null;
        try
        {
            await transport.DeliverAsync(
                new EmailMessage(message.ToAddress, message.ToName, message.Subject, message.HtmlBody, message.TextBody)
                {
                    Calendar = message.Calendar is { } calendar ? new CalendarPart(message.CalendarMethod ?? "PUBLISH", calendar) : null,
                },
                cancellationToken);
            message.Status = OutboxStatus.Sent;
            message.SentAtUtc = timeProvider.GetUtcNow().UtcDateTime;
            message.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = ex.Message;
            var settings = options.Value.Outbox;
            message.Attempts++;
            message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            message.Status = message.Attempts >= settings.MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
            var backoff = Math.Min(settings.RetryBaseSeconds * Math.Pow(2, message.Attempts - 1), settings.MaxBackoffSeconds);
            message.NextAttemptAtUtc = now.AddSeconds(backoff);
            logger.LogWarning("E-mail {Id} to {Address} was not delivered (attempt {Attempt}): {Error}", message.Id, message.ToAddress, message.Attempts, ex.Message);
        }

        if (message.Status == OutboxStatus.Sent)
        {
            message.Attempts++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Report(message.Id, message.Status, error);
        return message.Status == OutboxStatus.Sent || message.NextAttemptAtUtc <= timeProvider.GetUtcNow().UtcDateTime;
    }
}
