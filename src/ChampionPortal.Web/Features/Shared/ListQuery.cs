using System.Linq.Expressions;
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

        // A captured variable, not a computed argument: EF Core reads a variable directly but has to evaluate a
        // computed argument as an expression on every call.
        var countLimit = CountLimit(list);
        var total = await query.Take(countLimit).CountAsync(cancellationToken);

        // Projected before paging, so that a projection written with joins stays one flat statement, which PostgreSQL
        // stops reading after the page (see AuthorityListQueries). The page size (one of four) is written into
        // the SQL and the first page has no offset: PostgreSQL cannot plan a LIMIT or OFFSET it does not know once for
        // all, and planned the statement again on every request (a third of its time on the authorities list).
        var projected = project(query);
        var rows = await WithLimitInSql(skipped == 0 ? projected : projected.Skip(skipped), list.Size).ToListAsync(cancellationToken);
        return Page(rows, total, list);
    }

    /// <summary>How many rows a list's count reads at most: those before the page, <see cref="Paging.CountAhead"/> more, and one to tell "more than".</summary>
    private static int CountLimit(ListQuery list) => ((list.Page - 1) * list.Size) + Paging.CountAhead + 1;

    /// <summary>The page of <paramref name="rows"/>, given what a count limited to <see cref="CountLimit"/> found.</summary>
    public static PagedList<TRow> Page<TRow>(IReadOnlyList<TRow> rows, int countedUpToLimit, ListQuery list)
    {
        var counted = CountLimit(list) - 1;
        return new PagedList<TRow>(rows, Math.Min(countedUpToLimit, counted), list.Page, list.Size, countedUpToLimit > counted);
    }

    // Take(EF.Constant(size)) written in C# would call EF.Constant there and then: it has to stand in the query's tree.
    private static IQueryable<TRow> WithLimitInSql<TRow>(IQueryable<TRow> rows, int size) =>
        rows.Provider.CreateQuery<TRow>(Expression.Call(
            typeof(Queryable), nameof(Queryable.Take), [typeof(TRow)], rows.Expression,
            Expression.Call(typeof(EF), nameof(EF.Constant), [typeof(int)], Expression.Constant(size))));
}
