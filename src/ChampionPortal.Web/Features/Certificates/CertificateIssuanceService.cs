using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>How far an issuance has got, counted from its items.</summary>
public sealed record IssuanceProgress(int Id, int CohortId, DateTime RequestedAtUtc, int Total, int Issued, int Skipped, int Failed)
{
    public int Done => Issued + Skipped + Failed;
    public int Pending => Total - Done;
    public bool Finished => Pending == 0;
    public int Percent => Total == 0 ? 100 : Done * 100 / Total;

    /// <summary>Issuances' progress, counted from their items.</summary>
    public static IQueryable<IssuanceProgress> Of(IQueryable<CertificateIssuance> issuances) =>
        issuances.Select(r => new IssuanceProgress(
            r.Id, r.CohortId, r.RequestedAtUtc, r.Items.Count(),
            r.Items.Count(i => i.Status == IssuanceItemStatus.Issued),
            r.Items.Count(i => i.Status == IssuanceItemStatus.Skipped),
            r.Items.Count(i => i.Status == IssuanceItemStatus.Failed)));
}

/// <summary>Wakes this instance's issuance worker as soon as an issuance is requested.</summary>
public sealed class IssuanceSignal : WorkSignal;

/// <summary>Tells who listens (the tests, an operator's log) that an item of an issuance was handled.</summary>
public sealed class IssuanceEvents
{
    public event Action<int, IssuanceItemStatus>? Handled;

    public void Report(int issuanceId, IssuanceItemStatus status) => Handled?.Invoke(issuanceId, status);
}

/// <summary>
/// Bulk issuance. A request becomes an issuance with one item per recipient, saved at once; the items are then
/// claimed one at a time, each in its own transaction with a row lock that other portal instances skip (FOR UPDATE
/// SKIP LOCKED on PostgreSQL), issued and marked in that same transaction. A crash or restart leaves the item being
/// worked on pending (its transaction rolls back), so the work resumes where it stopped; the unique index of valid
/// certificates keeps one per recipient whatever runs at once. Its many parts are those of background work that
/// several instances share: the claim's SQL per database, the signals that wake this instance's worker and the
/// outbox, progress events, the batch size from configuration, and the log.
/// </summary>
public sealed class CertificateIssuanceService(
    PortalDbContext db, CertificateOverview overview, CertificateIssuer issuer, IDatabaseDialect dialect, TimeProvider timeProvider, IssuanceSignal signal, IssuanceEvents events,
    OutboxSignal outbox, Infrastructure.Web.PublicUrls urls, IConfiguration configuration, ILogger<CertificateIssuanceService> logger)
{
    /// <summary>
    /// Requests certificates for the cohort's pending recipients (only those named when a selection is given) that no
    /// unfinished issuance already holds; the new issuance's id, or null when there is nobody to issue to.
    /// </summary>
    public async Task<int?> StartAsync(int cohortId, IReadOnlyCollection<string>? only, bool notify, string? requestedBy, CancellationToken cancellationToken = default)
    {
        var queued = await overview.QueuedAsync(cohortId, cancellationToken);
        var recipients = (await overview.PendingAsync(cohortId, cancellationToken))
            .Where(p => (only is null || only.Contains(p.Key)) && !queued.Contains(p.Key)).ToList();
        if (recipients.Count == 0)
        {
            return null;
        }

        var issuance = new CertificateIssuance
        {
            CohortId = cohortId,
            Notify = notify,
            RequestedBy = requestedBy,
            RequestedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
            PublicBaseUrl = urls.Absolute(""),
            Items = [.. recipients.Select(p => new CertificateIssuanceItem { RecipientKey = p.Key, Status = IssuanceItemStatus.Pending })],
        };
        db.CertificateIssuances.Add(issuance);
        await db.SaveChangesInBulkAsync(cancellationToken);
        signal.Notify();
        return issuance.Id;
    }

    public async Task<IssuanceProgress?> ProgressAsync(int issuanceId, CancellationToken cancellationToken = default) =>
        (await IssuanceProgress.Of(db.CertificateIssuances.Where(r => r.Id == issuanceId)).ToListAsync(cancellationToken)).SingleOrDefault();

    /// <summary>Issues every item of the issuance that no other worker holds, here and now (seeding, operator commands).</summary>
    public async Task DrainAsync(int issuanceId, CancellationToken cancellationToken = default)
    {
        while (await IssueNextAsync(issuanceId, cancellationToken))
        {
        }
    }

    /// <summary>
    /// Claims a batch of pending items (of the given issuance, or of any) and issues them together; when that fails
    /// (another instance issued one of them or took a serial meanwhile, or a record is wrong), each item of the batch is
    /// claimed again and issued on its own. False when no item was free.
    /// </summary>
    public async Task<bool> IssueNextAsync(int? issuanceId, CancellationToken cancellationToken = default)
    {
        var batch = Math.Max(1, configuration.GetValue("Certificates:Issuance:BatchSize", 20));
        var claim = "SELECT * FROM \"CertificateIssuanceItems\" WHERE \"Status\" = 'Pending'"
            + (issuanceId is null ? "" : " AND \"IssuanceId\" = {0}") + $" ORDER BY \"Id\" LIMIT {batch} " + dialect.ClaimRowsSuffix;
        var (claimed, failedBatch) = await IssueClaimedAsync(claim, issuanceId is { } id ? [id] : [], cancellationToken);
        foreach (var itemId in failedBatch)
        {
            await IssueClaimedAsync("SELECT * FROM \"CertificateIssuanceItems\" WHERE \"Status\" = 'Pending' AND \"Id\" = {0} " + dialect.ClaimRowsSuffix, [itemId], cancellationToken);
        }

        return claimed > 0;
    }

    /// <summary>
    /// Claims the items the query selects and issues them in one transaction; how many were claimed, and the items
    /// of a batch of several that could not be issued together (nothing of it was saved).
    /// </summary>
    private async Task<(int Claimed, List<long> FailedBatch)> IssueClaimedAsync(string claim, object[] parameters, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        List<CertificateIssuanceItem> items;
        var notified = false;
        Exception? failure = null;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            items = await db.CertificateIssuanceItems.FromSqlRaw(claim, parameters).ToListAsync(cancellationToken);
            if (items.Count == 0)
            {
                return (0, []);
            }

            var runIds = items.Select(i => i.IssuanceId).Distinct().ToList();
            var runs = await db.CertificateIssuances.AsNoTracking().Where(r => runIds.Contains(r.Id))
                .Select(r => new { r.Id, r.CohortId, r.Notify, r.PublicBaseUrl }).ToDictionaryAsync(r => r.Id, cancellationToken);
            try
            {
                foreach (var group in items.GroupBy(i => i.IssuanceId))
                {
                    var run = runs[group.Key];
                    var issued = await issuer.IssueAsync(run.CohortId, [.. group.Select(i => i.RecipientKey)], run.Notify, run.PublicBaseUrl, cancellationToken);
                    foreach (var item in group)
                    {
                        item.CertificateId = issued[item.RecipientKey];
                        item.Status = item.CertificateId is null ? IssuanceItemStatus.Skipped : IssuanceItemStatus.Issued;
                        item.ProcessedAtUtc = timeProvider.GetUtcNow().UtcDateTime;
                        notified |= run.Notify && item.CertificateId is not null;
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await transaction.RollbackAsync(cancellationToken);
                failure = ex;
            }
        }

        if (failure is not null && items.Count > 1)
        {
            return (items.Count, [.. items.Select(i => i.Id)]);
        }

        if (failure is not null)
        {
            // The recipient's record may have gone, or the database refused something: the item is marked failed
            // (outside the spoilt transaction) so that the rest of the issuance goes on; the recipient stays pending on
            // the certificates page and a new issuance can take them again.
            var item = items[0];
            logger.LogWarning(failure, "Certificate issuance {Issuance} could not issue to {Recipient}", item.IssuanceId, item.RecipientKey);
            db.ChangeTracker.Clear();
            var (itemId, error, now) = (item.Id, failure.Message.Length > 1000 ? failure.Message[..1000] : failure.Message, timeProvider.GetUtcNow().UtcDateTime);
            await db.CertificateIssuanceItems.Where(i => i.Id == itemId && i.Status == IssuanceItemStatus.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.Status, IssuanceItemStatus.Failed).SetProperty(i => i.Error, error).SetProperty(i => i.ProcessedAtUtc, now), cancellationToken);
            item.Status = IssuanceItemStatus.Failed;
        }

        if (notified)
        {
            outbox.Notify();
        }

        foreach (var item in items)
        {
            events.Report(item.IssuanceId, item.Status);
        }

        return (items.Count, []);
    }
}

/// <summary>
/// Works through the pending issuance items in the background, on every portal instance; woken at once when an
/// issuance is requested here, and every few seconds for work requested on another instance or left by a restart.
/// </summary>
public sealed class CertificateIssuanceWorker(
    IServiceScopeFactory scopes, IssuanceSignal signal, IConfiguration configuration, IDatabaseDialect dialect, ILogger<CertificateIssuanceWorker> logger)
    : BackgroundService
{
    /// <summary>
    /// Several loops on PostgreSQL (Certificates:Issuance:Workers, by default one per core and one more), so that every
    /// core renders while another loop waits for the database (measured on two cores: two loops took 1.58 × the
    /// rendering alone, three 1.43 ×); one on SQLite, which has no row locks to share the work with.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = dialect.Provider == DatabaseProvider.Sqlite ? 1 : Math.Max(1, configuration.GetValue("Certificates:Issuance:Workers", Environment.ProcessorCount + 1));
        return Task.WhenAll(Enumerable.Range(0, loops).Select(_ => Task.Run(() => LoopAsync(stoppingToken), stoppingToken)));
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(configuration.GetValue("Certificates:Issuance:PollSeconds", 5));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var first = true;
                bool more;
                do
                {
                    using var scope = scopes.CreateScope();
                    more = await scope.ServiceProvider.GetRequiredService<CertificateIssuanceService>().IssueNextAsync(null, stoppingToken);
                    if (more && first)
                    {
                        // There is work: wake a sibling loop to share it (a signal wakes one loop only).
                        signal.Notify();
                        first = false;
                    }
                }
                while (more);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be away for a moment; the next poll tries again.
                logger.LogWarning(ex, "Pending certificate issuances could not be read");
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
}
