using System.Collections.Concurrent;

namespace ChampionPortal.Web.Features.Funnel;

/// <summary>
/// The funnel's figures per cohort and country scope, kept while the cohort's figures version stays the same. The
/// version is moved on in the transaction of every change the figures count, and read before the figures are
/// computed, so figures are never older than the version they are kept under; every instance keeps its own. Of
/// several requests that find the figures stale at once, one computes them and the others wait for its result.
/// </summary>
public sealed class FunnelFiguresCache
{
    private readonly ConcurrentDictionary<(int CohortId, string? Country), (long Version, FunnelFigures Figures)> kept = new();
    private readonly ConcurrentDictionary<(int CohortId, string? Country), SemaphoreSlim> computing = new();

    public async Task<FunnelFigures> GetAsync(
        int cohortId, string? country, long version, Func<CancellationToken, Task<FunnelFigures>> compute, CancellationToken cancellationToken)
    {
        var key = (cohortId, country);
        if (kept.TryGetValue(key, out var current) && current.Version >= version)
        {
            return current.Figures;
        }

        var gate = computing.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (kept.TryGetValue(key, out current) && current.Version >= version)
            {
                return current.Figures;
            }

            var figures = await compute(cancellationToken);
            kept.AddOrUpdate(key, (version, figures), (_, old) => old.Version > version ? old : (version, figures));
            return figures;
        }
        finally
        {
            gate.Release();
        }
    }
}
