using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Shared;

/// <summary>What every list page takes from the query string: a search, a sort column, a page and its size.</summary>
public abstract class ListQuery
{
    public string? Q { get; set; }
    public string? Sort { get; set; }
    public int Page { get; set; } = 1;
    public int Size { get; set; } = 25;

    public void Normalize()
    {
        Page = Paging.ClampPage(Page);
        Size = Paging.ClampSize(Size);
    }
}

public static class PagedQueryExtensions
{
    /// <summary>Two statements whatever the page size: the count (bounded, see <see cref="Paging.CountAhead"/>) and the page itself.</summary>
    public static async Task<PagedList<TRow>> ToPagedListAsync<TSource, TRow>(
        this IQueryable<TSource> query, ListQuery list, Func<IQueryable<TSource>, IQueryable<TRow>> project, CancellationToken cancellationToken)
    {
        list.Normalize();
        var skipped = (list.Page - 1) * list.Size;
        var counted = skipped + Paging.CountAhead;

        // A captured variable, not "counted + 1": EF Core reads a variable directly but has to evaluate a computed
        // argument as an expression on every call.
        var countedAndOneMore = counted + 1;
        var total = await query.Take(countedAndOneMore).CountAsync(cancellationToken);
        var rows = await project(query.Skip(skipped).Take(list.Size)).ToListAsync(cancellationToken);
        return new PagedList<TRow>(rows, Math.Min(total, counted), list.Page, list.Size, total > counted);
    }
}
