namespace ChampionPortal.Web.Data;

/// <summary>The little SQL that differs between the providers; everything else goes through LINQ.</summary>
public interface IDatabaseDialect
{
    DatabaseProvider Provider { get; }

    /// <summary>
    /// What to append to a SELECT that claims rows for background work, so that several portal instances on one
    /// database never claim the same row. SQLite serializes writers and has no row locks, so it needs none.
    /// </summary>
    string ClaimRowsSuffix { get; }
}

public sealed class PostgresDialect : IDatabaseDialect
{
    public DatabaseProvider Provider => DatabaseProvider.Postgres;
    public string ClaimRowsSuffix => "FOR UPDATE SKIP LOCKED";
}

public sealed class SqliteDialect : IDatabaseDialect
{
    public DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public string ClaimRowsSuffix => "";
}
