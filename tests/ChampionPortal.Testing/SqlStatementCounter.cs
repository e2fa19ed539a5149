using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChampionPortal.Testing;

/// <summary>
/// Counts the SQL statements the portal sends, to prove that a page's query count does not grow with its rows, and
/// keeps the text of the queries it reads with, to show what the database is asked to plan.
/// </summary>
public sealed class SqlStatementCounter : DbCommandInterceptor
{
    private int count;
    private ConcurrentQueue<string> queries = new();

    public int Count => Volatile.Read(ref count);

    public IReadOnlyList<string> Queries => [.. Volatile.Read(ref queries)];

    public void Reset()
    {
        Interlocked.Exchange(ref count, 0);
        Interlocked.Exchange(ref queries, new ConcurrentQueue<string>());
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(null);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(null);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(null);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(null);
        return ValueTask.FromResult(result);
    }

    // Queries are kept by their text; other statements are only counted.
    private void Record(string? queryText)
    {
        Interlocked.Increment(ref count);
        if (queryText is not null)
        {
            Volatile.Read(ref queries).Enqueue(queryText);
        }
    }
}
