namespace ChampionPortal.Web.Features.Funnel;

/// <summary>
/// The funnel's figures per cohort and country scope, kept while the cohort's figures version stays the same. The
/// version is moved on as the transaction of every change the figures count commits (PortalSaveChangesInterceptor),
/// and read before the figures are computed, so figures are never older than the version they are kept under; every instance keeps its own.
/// Figures are computed once per version in a scope of their own, whoever asked first: requests that find them
/// being computed wait for the same result, and a request that gives up (a closed browser tab) does not cancel the
/// computation the others wait for.
/// </summary>
public sealed class FunnelFiguresCache(IServiceScopeFactory scopes)
{
    private readonly Dictionary<(int CohortId, string? Country), (long Version, Task<FunnelFigures> Figures)> entries = [];

    public Task<FunnelFigures> GetAsync(
        int cohortId, string? country, long version, Func<IServiceProvider, Task<FunnelFigures>> compute, CancellationToken cancellationToken)
    {
        Task<FunnelFigures> figures;
        lock (entries)
        {
            if (!entries.TryGetValue((cohortId, country), out var entry) || entry.Version < version || entry.Figures.IsFaulted || entry.Figures.IsCanceled)
            {
                entry = (version, Task.Run(async () =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    return await compute(scope.ServiceProvider);
                }, CancellationToken.None));
                entries[(cohortId, country)] = entry;
            }

            figures = entry.Figures;
        }

        return figures.WaitAsync(cancellationToken);
    }
}
