using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Data.Saving;

/// <summary>
/// State an interceptor keeps for one use of a context. Contexts are pooled: one instance serves request after
/// request, and what a use left behind (a save refused for a concurrency conflict, which EF Core does not report as a
/// failed save) belongs to that use, told apart by the lease that EF Core counts per use.
/// </summary>
internal sealed class LeasedState<T>
    where T : class, new()
{
    private readonly ConditionalWeakTable<DbContext, Tuple<int, T>> states = new();

    public bool TryGetValue(DbContext context, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value)
    {
        value = states.TryGetValue(context, out var state) && state.Item1 == context.ContextId.Lease ? state.Item2 : null;
        return value is not null;
    }

    public T GetOrCreateValue(DbContext context)
    {
        if (!TryGetValue(context, out var value))
        {
            value = new T();
            states.AddOrUpdate(context, Tuple.Create(context.ContextId.Lease, value));
        }

        return value;
    }

    /// <summary>A new state for the context's current use, replacing what an earlier save of the same use left.</summary>
    public T Start(DbContext context)
    {
        var value = new T();
        states.AddOrUpdate(context, Tuple.Create(context.ContextId.Lease, value));
        return value;
    }

    public bool TryTake(DbContext context, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value)
    {
        if (TryGetValue(context, out value))
        {
            states.Remove(context);
            return true;
        }

        return false;
    }

    public void Remove(DbContext context) => states.Remove(context);
}
