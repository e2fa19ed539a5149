using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace ChampionPortal.Web.Data;

/// <summary>
/// Retries an operation that fails for a transient reason (a dropped connection, a restarting server, a failover)
/// when it runs outside a transaction — reads, mostly. An operation inside a transaction runs once: retrying part of a
/// transaction would be wrong, so the failure ends the request (503) and the user submits again. Saves run inside
/// the transaction the audit opens, so they are never repeated behind the user's back.
/// </summary>
public sealed class ReadRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null)
{
    private bool inTransaction;

    protected override void OnFirstExecution()
    {
        inTransaction = Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;
        if (!inTransaction)
        {
            base.OnFirstExecution();
        }
    }

    protected override bool ShouldRetryOn(Exception? exception) => !inTransaction && base.ShouldRetryOn(exception);
}
