using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ChampionPortal.Web.Data.Auditing;

/// <summary>
/// Writes audit entries in the transaction of the change they describe. On PostgreSQL they go in one binary COPY,
/// not through the change tracker: an import writes one per record, and as tracked entities they were a large part
/// of the import's time (docs/performance.md). SQLite (the embedded default, small data) writes them through the context.
/// </summary>
internal static class AuditEntryWriter
{
    private const string Copy = """
        COPY "AuditEntries" ("OccurredAtUtc", "ActorUserId", "Actor", "EntityType", "EntityKey", "Action", "ChangesJson", "ContainsPersonalData")
        FROM STDIN (FORMAT BINARY)
        """;

    public static void Write(DbContext context, IReadOnlyCollection<AuditEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        if (context.Database.GetDbConnection() is not NpgsqlConnection connection)
        {
            context.AddRange(entries);
            context.SaveChanges();
            return;
        }

        using var importer = connection.BeginBinaryImport(Copy);
        foreach (var entry in entries)
        {
            importer.StartRow();
            WriteRow(importer, entry);
        }

        importer.Complete();
    }

    public static async Task WriteAsync(DbContext context, IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        if (context.Database.GetDbConnection() is not NpgsqlConnection connection)
        {
            context.AddRange(entries);
            await context.SaveChangesAsync(cancellationToken);
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync(Copy, cancellationToken);
        foreach (var entry in entries)
        {
            await importer.StartRowAsync(cancellationToken);
            WriteRow(importer, entry);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    // Small values, buffered by the importer: the synchronous writes do not block on the network.
    private static void WriteRow(NpgsqlBinaryImporter importer, AuditEntry entry)
    {
        importer.Write(entry.OccurredAtUtc, NpgsqlDbType.TimestampTz);
        if (entry.ActorUserId is { } user)
        {
            importer.Write(user, NpgsqlDbType.Integer);
        }
        else
        {
            importer.WriteNull();
        }

        importer.Write(entry.Actor, NpgsqlDbType.Varchar);
        importer.Write(entry.EntityType, NpgsqlDbType.Varchar);
        importer.Write(entry.EntityKey, NpgsqlDbType.Varchar);
        importer.Write(entry.Action.ToString(), NpgsqlDbType.Varchar);
        importer.Write(entry.ChangesJson, NpgsqlDbType.Text);
        importer.Write(entry.ContainsPersonalData, NpgsqlDbType.Boolean);
    }
}
