namespace ChampionPortal.Web.Features.Shared;

/// <summary>
/// One page of a list, with what the pager and the results count need. When <see cref="TotalIsAtLeast"/>, the list
/// holds more than <see cref="TotalCount"/> rows and counting them all was not worth it (see <see cref="Paging.CountAhead"/>).
/// </summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize, bool TotalIsAtLeast = false)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}

public static class Paging
{
    public static readonly int[] PageSizes = [10, 25, 50, 100];

    /// <summary>
    /// How many rows past the current page a list counts at most: beyond it the page says "more than", because an
    /// exact count reads every matching row (100,000 authorities make it the slowest part of a page).
    /// </summary>
    public const int CountAhead = 1000;

    public static int ClampSize(int size) => PageSizes.Contains(size) ? size : 25;

    /// <summary>Pages from 1 to a million: beyond, the offset of a page would overflow (a hand-edited address is not an error).</summary>
    public static int ClampPage(int page) => Math.Clamp(page, 1, 1_000_000);
}
