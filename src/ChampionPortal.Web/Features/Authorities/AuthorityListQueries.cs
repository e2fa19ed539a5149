using System.Linq.Expressions;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace ChampionPortal.Web.Features.Authorities;

/// <summary>
/// The authorities list's rows, written once for the two ways the list is read. The list as a country office opens
/// it, and as staff open one country's (its first page in name order, no other filter), is read by queries compiled
/// once per process: otherwise EF Core builds the query's expression tree and looks it up in its cache on every
/// request, a large part of the list's time (docs/performance.md). Any other filter, order or page is a query built per
/// request from the same rows.
/// </summary>
internal static class AuthorityListQueries
{
    // Joins, not navigations: EF Core joins a navigation after the page's LIMIT (a subquery that PostgreSQL joins by
    // hashing every local government), and explicit joins before it (a flat statement that reads the page's rows).
    private static readonly Expression<Func<PortalDbContext, IQueryable<Authority>, IQueryable<AuthorityRow>>> RowsOf = (db, sorted) =>
        from a in sorted
        join l in db.LocalGovernments on a.LocalGovernmentId equals l.Id into governments
        from l in governments.DefaultIfEmpty()
        join c in db.Countries on a.CountryCode equals c.Code
        select new AuthorityRow(
            a.Id, a.FullName, a.Position, l == null ? null : l.Name, c.NameEn, c.NameEs, c.NamePt, a.PreferredLanguage,
            db.Users.Any(u => u.AuthorityId == a.Id));

    // One per page size, each with its size written into the SQL as every list's first page has it (see PagedQueryExtensions),
    // and one per database provider: a compiled query keeps the SQL of the first context it ran on, and a process that
    // hosts both providers (the test run) sent PostgreSQL's SQL to SQLite.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type Provider, int Size), Func<PortalDbContext, string, IAsyncEnumerable<CountedRow>>> FirstPageOfCountry = new();

    public static IQueryable<AuthorityRow> Rows(PortalDbContext db, IQueryable<Authority> sorted) =>
        sorted.Provider.CreateQuery<AuthorityRow>(Inline(RowsOf, Expression.Constant(db), sorted.Expression));

    /// <summary>The first page of one country's authorities in name order, or null when the list asks for anything else.</summary>
    public static async Task<PagedList<AuthorityRow>?> FirstPageOfOneCountryAsync(
        PortalDbContext db, AuthorityListQuery query, CountryScope scope, CancellationToken cancellationToken)
    {
        query.Normalize();
        var country = string.IsNullOrEmpty(query.Country) ? scope.OnlyCountry : query.Country;
        if (country is null || !scope.Allows(country) || query.Page != 1 || !string.IsNullOrWhiteSpace(query.Q)
            || query.LocalGovernment is not null || !string.IsNullOrEmpty(query.Language) || query.Sort is not (null or "" or "name"))
        {
            return null;
        }

        var total = 0;
        var rows = new List<AuthorityRow>(query.Size);
        await foreach (var counted in FirstPageOfCountry.GetOrAdd((db.GetType(), query.Size), key => CompileFirstPageOfCountry(key.Size))(db, country).WithCancellation(cancellationToken))
        {
            rows.Add(counted.Row);
            total = counted.Total;
        }

        return PagedQueryExtensions.Page(rows, total, query);
    }

    // The count rides in the page's statement as a subquery that PostgreSQL runs once (an InitPlan): one round trip
    // and one statement instead of two (measured in docs/performance.md). A country
    // without people has no rows to carry the count, and its count is then zero, as shown.
    private static Func<PortalDbContext, string, IAsyncEnumerable<CountedRow>> CompileFirstPageOfCountry(int size)
    {
        Expression<Func<PortalDbContext, string, IQueryable<Authority>>> ofCountry = (db, country) =>
            db.Authorities.AsNoTracking().Where(a => a.CountryCode == country).OrderBy(a => a.SearchKey).ThenBy(a => a.Id);
        Expression<Func<PortalDbContext, string, AuthorityRow, CountedRow>> withCount = (db, country, row) =>
            new CountedRow(row, db.Authorities.Where(a => a.CountryCode == country).Take(FirstPageCountLimit).Count());
        var row = withCount.Parameters[2];
        var counted = Expression.Lambda<Func<AuthorityRow, CountedRow>>(
            Inline(withCount, ofCountry.Parameters[0], ofCountry.Parameters[1], row), row);
        var page = Expression.Call(
            typeof(Queryable), nameof(Queryable.Take), [typeof(CountedRow)],
            Expression.Call(
                typeof(Queryable), nameof(Queryable.Select), [typeof(AuthorityRow), typeof(CountedRow)],
                Inline(RowsOf, ofCountry.Parameters[0], ofCountry.Body), Expression.Quote(counted)),
            Expression.Constant(size));
        return EF.CompileAsyncQuery(Expression.Lambda<Func<PortalDbContext, string, IQueryable<CountedRow>>>(page, ofCountry.Parameters));
    }

    private static Expression Inline(LambdaExpression template, params Expression[] arguments) =>
        new ReplacingExpressionVisitor([.. template.Parameters], arguments).Visit(template.Body);

    // PagedQueryExtensions.CountLimit of a first page, as a constant: a compiled query's tree is fixed.
    private const int FirstPageCountLimit = Paging.CountAhead + 1;

    private sealed record CountedRow(AuthorityRow Row, int Total);
}
