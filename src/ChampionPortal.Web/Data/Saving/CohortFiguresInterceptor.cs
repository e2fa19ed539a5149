using System.Data.Common;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;

namespace ChampionPortal.Web.Data.Saving;

/// <summary>
/// Moves on the figures version of every cohort whose figures a save's changes touch, so that figures kept for the
/// old version are computed again. It happens as the save's transaction commits, not at the save: the cohort's row is
/// then locked only for the commit, and a transaction that reserves certificate serials in a connection of its own
/// after a save does not wait for itself. A save outside any transaction moves the version on right after it.
/// </summary>
public sealed class CohortFiguresInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Records of a save under way, until it is done (their keys known then).
    private readonly LeasedState<TouchedCohorts> saving = new();

    // Cohorts whose figures a context's saved changes touched, until its transaction commits or rolls back.
    private readonly LeasedState<TouchedCohorts> stale = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Saved(eventData.Context) is { } query)
        {
            query.ExecuteUpdate(MoveOn);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Saved(eventData.Context) is { } query)
        {
            await query.ExecuteUpdateAsync(MoveOn, cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context, saving);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, saving);
        return Task.CompletedTask;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is { } context && stale.TryTake(context, out var cohorts))
        {
            cohorts.Of(context)?.ExecuteUpdate(MoveOn);
        }

        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && stale.TryTake(context, out var cohorts) && cohorts.Of(context) is { } query)
        {
            await query.ExecuteUpdateAsync(MoveOn, cancellationToken);
        }

        return result;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        Forget(eventData.Context, saving);
        Forget(eventData.Context, stale);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private static void MoveOn(UpdateSettersBuilder<Cohort> set) => set.SetProperty(c => c.FiguresVersion, c => c.FiguresVersion + 1);

    private static void Forget(DbContext? context, LeasedState<TouchedCohorts> state)
    {
        if (context is not null)
        {
            state.Remove(context);
        }
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var touched = saving.Start(context);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is ICountedInCohortFigures counted)
            {
                touched.Records.Add(counted);
            }

            // A person's gender and a local government's kind are counted in every cohort's breakdowns.
            touched.Every |= entry.State == EntityState.Modified
                && (entry.Entity is Authority && entry.Property(nameof(Authority.Gender)).IsModified
                    || entry.Entity is LocalGovernment && entry.Property(nameof(LocalGovernment.Kind)).IsModified);
        }
    }

    /// <summary>After a save: the cohorts to move on now when no transaction is open, else kept for the commit.</summary>
    private IQueryable<Cohort>? Saved(DbContext? context)
    {
        if (context is null || !saving.TryTake(context, out var touched) || touched.Records.Count == 0 && !touched.Every)
        {
            return null;
        }

        var kept = stale.GetOrCreateValue(context);
        kept.Add(touched);
        if (context.Database.CurrentTransaction is not null)
        {
            return null;
        }

        stale.Remove(context);
        return kept.Of(context);
    }

    private sealed class TouchedCohorts
    {
        private readonly HashSet<int> ids = [];

        public List<ICountedInCohortFigures> Records { get; } = [];

        public bool Every { get; set; }

        public void Add(TouchedCohorts saved)
        {
            Every |= saved.Every;

            // Read now that the save is done: a record added with its cohort knows the cohort's key only then.
            ids.UnionWith(saved.Records.Select(r => r.CohortId).Where(id => id > 0));
        }

        public IQueryable<Cohort>? Of(DbContext context)
        {
            if (Every)
            {
                return context.Set<Cohort>();
            }

            var cohorts = ids.ToList();
            return cohorts.Count == 0 ? null : context.Set<Cohort>().Where(c => cohorts.Contains(c.Id));
        }
    }
}
