using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Outbox;

/// <summary>Marker for this feature's resource files (OutboxResources.resx, .es.resx, .pt.resx).</summary>
public sealed class OutboxResources;

public sealed class OutboxListQuery : ListQuery
{
    public OutboxStatus? Status { get; set; }
}

public sealed record OutboxRow(long Id, DateTime CreatedAtUtc, string ToAddress, string Subject, OutboxStatus Status, int Attempts, DateTime? SentAtUtc, DateTime NextAttemptAtUtc, string? LastError, string? CalendarMethod = null);

public sealed record OutboxListPage(OutboxListQuery Query, PagedList<OutboxRow> Results, IReadOnlyDictionary<OutboxStatus, int> Counts);

/// <summary>What regional staff see of the e-mail outbox: every message, its status and retries, and a resend.</summary>
public sealed class OutboxService(PortalDbContext db, TimeProvider timeProvider, OutboxSignal signal)
{
    public async Task<OutboxListPage> ListAsync(OutboxListQuery query, CancellationToken cancellationToken = default)
    {
        var messages = db.OutboxMessages.AsNoTracking();
        if (query.Status is { } status)
        {
            messages = messages.Where(m => m.Status == status);
        }

        if (query.Q?.Trim().ToUpperInvariant() is { Length: > 0 } term)
        {
            messages = messages.Where(m => m.ToAddress.ToUpper().Contains(term) || m.Subject.ToUpper().Contains(term));
        }

        var results = await messages.OrderByDescending(m => m.Id).ToPagedListAsync(query, page => page.Select(m => new OutboxRow(
            m.Id, m.CreatedAtUtc, m.ToAddress, m.Subject, m.Status, m.Attempts, m.SentAtUtc, m.NextAttemptAtUtc, m.LastError, m.CalendarMethod)), cancellationToken);
        var counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new OutboxListPage(query, results, counts);
    }

    /// <summary>Queues the message again for immediate delivery, whatever became of it before.</summary>
    public async Task<bool> ResendAsync(long id, CancellationToken cancellationToken = default)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return false;
        }

        message.Status = OutboxStatus.Pending;
        message.NextAttemptAtUtc = timeProvider.GetUtcNow().UtcDateTime;
        message.LastError = null;
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return true;
    }
}
