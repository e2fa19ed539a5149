namespace ChampionPortal.Web.Features.Shared;

/// <summary>
/// Figures of a cohort (the funnel's, the directory's counts) per cohort and scope, kept while the cohort's figures
/// version stays the same. The version is moved on as the transaction of every change the figures count commits
/// (Data/Saving/CohortFiguresInterceptor), and read before the figures are computed, so figures are never older than the
/// version they are kept under; every instance keeps its own. Figures are computed once per version in a scope of
/// their own, whoever asked first: requests that find them being computed wait for the same result, and a request
/// that gives up (a closed browser tab) does not cancel the computation the others wait for.
/// </summary>
public sealed class KeptCohortFigures<TFigures>(IServiceScopeFactory scopes)
{
    private readonly Dictionary<(int CohortId, string? Scope), (long Version, Task<TFigures> Figures)> entries = [];

    public Task<TFigures> GetAsync(
        int cohortId, string? scope, long version, Func<IServiceProvider, Task<TFigures>> compute, CancellationToken cancellationToken)
    {
        Task<TFigures> figures;
        lock (entries)
        {
            if (!entries.TryGetValue((cohortId, scope), out var entry) || entry.Version < version || entry.Figures.IsFaulted || entry.Figures.IsCanceled)
            {
                entry = (version, Task.Run(async () =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    return await compute(scope.ServiceProvider);
                }, CancellationToken.None));
                entries[(cohortId, scope)] = entry;
            }

            figures = entry.Figures;
        }

        return figures.WaitAsync(cancellationToken);
    }
}
