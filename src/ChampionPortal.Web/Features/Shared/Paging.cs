namespace ChampionPortal.Web.Features.Shared;

/// <summary>One page of a list, with what the pager and the results count need.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}

public static class Paging
{
    public static readonly int[] PageSizes = [10, 25, 50, 100];

    public static int ClampSize(int size) => PageSizes.Contains(size) ? size : 25;

    public static int ClampPage(int page) => Math.Max(1, page);
}
