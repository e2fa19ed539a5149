namespace ChampionPortal.Web.Data;

/// <summary>What a failed save says about the data, in the terms of both databases the portal runs on.</summary>
public static class DatabaseErrors
{
    /// <summary>A row that another row still refers to (PostgreSQL 23503, SQLite's foreign-key constraint).</summary>
    public static bool IsForeignKeyViolation(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException postgres:
                    return postgres.SqlState == Npgsql.PostgresErrorCodes.ForeignKeyViolation;
                // A save's foreign keys are checked at its commit, where SQLite gives the plain constraint code (19)
                // and names the kind of constraint only in its message.
                case Microsoft.Data.Sqlite.SqliteException sqlite:
                    return sqlite.SqliteExtendedErrorCode == 787
                        || (sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("FOREIGN KEY", StringComparison.Ordinal));
            }
        }

        return false;
    }

    /// <summary>A row whose key another row already holds (PostgreSQL 23505, SQLite's unique constraint 2067).</summary>
    public static bool IsUniqueViolation(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException postgres:
                    return postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation;
                case Microsoft.Data.Sqlite.SqliteException sqlite:
                    return sqlite.SqliteExtendedErrorCode == 2067;
            }
        }

        return false;
    }
}
