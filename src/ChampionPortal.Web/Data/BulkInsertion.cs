using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ChampionPortal.Web.Data;

/// <summary>
/// Writes the records that a large save adds (a register or directory import, reconciled reports, an issuance's
/// items) with PostgreSQL's binary COPY instead of one INSERT per record, which was most of a large register
/// import's time (docs/performance.md). A feature asks for it by saving with <see cref="SaveChangesInBulkAsync"/>; every
/// other save goes through EF Core alone. Keys are drawn from each table's identity in one statement, EF Core carries
/// them to the records that refer to them, the rows go in one COPY per table (the tables they refer to first) inside
/// the save's transaction, and the records are then marked saved so that EF Core writes only the rest (updates),
/// after them. The versions, search keys and audit entries are prepared before, by the interceptors registered ahead
/// of this one, from the same tracked records.
/// </summary>
/// <remarks>
/// A save takes this path only when it adds <see cref="Threshold"/> records or more, and only if it deletes none of
/// the same kind: EF Core orders a delete before an insert that reuses its unique value, and a COPY before the save's
/// other statements could not. A save that adds a kind of record this cannot write (a value the database generates
/// other than the identity key, an inheritance hierarchy, owned types) goes through EF Core whole. SQLite, the
/// embedded default for small data, always goes through EF Core. One mechanism in one file (its size is the
/// table's shape and the COPY), used only by the saves that ask for it.
/// </remarks>
public static class BulkInsertion
{
    /// <summary>Added records from which a save takes this path: far above any form's save, well below an import's.</summary>
    public const int Threshold = 200;

    // The contexts whose save under way asked for bulk insertion.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> Asked = new();
    private static readonly object Marker = new();

    /// <summary>
    /// Saves the context's changes, writing the records it adds in bulk where it can, in one transaction: the
    /// caller's, or one of its own when none is open.
    /// </summary>
    public static async Task SaveChangesInBulkAsync(this DbContext context, CancellationToken cancellationToken)
    {
        var owned = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(cancellationToken) : null;
        Asked.AddOrUpdate(context, Marker);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }
        }
        catch when (owned is not null)
        {
            await owned.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            Asked.Remove(context);
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    /// <summary>Writes the added records of a save that asked for it, before EF Core writes the rest.</summary>
    public sealed class Interceptor : SaveChangesInterceptor
    {
        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } context && Asked.TryGetValue(context, out _))
            {
                await TryWriteAsync(context, cancellationToken);
            }

            return result;
        }
    }

    private static readonly ConcurrentDictionary<IEntityType, TableShape?> Shapes = new();

    /// <summary>True when the save's added records were written; false when they are left to EF Core.</summary>
    private static async Task<bool> TryWriteAsync(DbContext context, CancellationToken cancellationToken)
    {
        var saved = context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Deleted).ToList();
        var added = saved.Where(e => e.State == EntityState.Added).ToList();
        if (added.Count < Threshold || context.Database.GetDbConnection() is not NpgsqlConnection connection || context.Database.CurrentTransaction is null)
        {
            return false;
        }

        var byType = added.GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());
        var deletedFrom = saved.Where(e => e.State == EntityState.Deleted).Select(e => e.Metadata).ToHashSet();
        if (deletedFrom.Overlaps(byType.Keys) || InDependencyOrder(byType.Keys) is not { } order)
        {
            return false;
        }

        try
        {
            foreach (var shape in order)
            {
                await shape.AssignKeysAsync(connection, byType[shape.EntityType], cancellationToken);
            }

            foreach (var shape in order)
            {
                await shape.CopyAsync(connection, byType[shape.EntityType], cancellationToken);
            }
        }
        catch (PostgresException e)
        {
            // As EF Core reports a failed insert, so that callers that expect a conflict (two people saving the same
            // register) still recognize it.
            throw new DbUpdateException($"The bulk insertion of {added.Count} records failed: {e.MessageText}", e, added);
        }

        foreach (var entry in added)
        {
            // As saved: what the save prepared (versions, search keys) after EF Core took its snapshot is not a change.
            entry.State = EntityState.Unchanged;
            entry.OriginalValues.SetValues(entry.CurrentValues);
        }

        return true;
    }

    /// <summary>The tables to write, each after the tables it refers to; null when one of them cannot be copied or they refer to each other in a circle.</summary>
    private static List<TableShape>? InDependencyOrder(IReadOnlyCollection<IEntityType> types)
    {
        var shapes = new List<TableShape>();
        foreach (var type in types)
        {
            if (Shapes.GetOrAdd(type, TableShape.Of) is not { } shape)
            {
                return null;
            }

            shapes.Add(shape);
        }

        var ordered = new List<TableShape>();
        var remaining = shapes.ToList();
        while (remaining.Count > 0)
        {
            // A table referring to itself is fine: PostgreSQL checks foreign keys at the end of the COPY statement.
            var ready = remaining.Where(s => !remaining.Any(other => other != s && s.RefersTo(other.EntityType))).ToList();
            if (ready.Count == 0)
            {
                return null;
            }

            ordered.AddRange(ready);
            remaining.RemoveAll(ready.Contains);
        }

        return ordered;
    }

    private sealed class TableShape
    {
        private readonly string table;
        private readonly IReadOnlyList<(IProperty Property, string Column, string DataType)> columns;
        private readonly IProperty? identityKey;
        private readonly string? identityColumn;
        private readonly HashSet<IEntityType> principals;

        private TableShape(IEntityType entityType, string table, IReadOnlyList<(IProperty, string, string)> columns, IProperty? identityKey, string? identityColumn)
        {
            EntityType = entityType;
            this.table = table;
            this.columns = columns;
            this.identityKey = identityKey;
            this.identityColumn = identityColumn;
            principals = [.. entityType.GetForeignKeys().Select(fk => fk.PrincipalEntityType)];
        }

        public IEntityType EntityType { get; }

        public bool RefersTo(IEntityType other) => principals.Contains(other);

        public static TableShape? Of(IEntityType type)
        {
            if (type.GetTableName() is not { } tableName || type.BaseType is not null || type.GetDerivedTypes().Any() || type.IsOwned()
                || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
            {
                return null;
            }

            var storeObject = StoreObjectIdentifier.Table(tableName, type.GetSchema());
            var key = type.FindPrimaryKey();
            IProperty? identityKey = null;
            var columns = new List<(IProperty, string, string)>();
            foreach (var property in type.GetProperties())
            {
                if (property.ValueGenerated != ValueGenerated.Never)
                {
                    var isIdentityKey = key?.Properties.Count == 1 && key.Properties[0] == property
                        && NpgsqlPropertyExtensions.GetValueGenerationStrategy(property) is NpgsqlValueGenerationStrategy.IdentityByDefaultColumn
                        && (property.ClrType == typeof(int) || property.ClrType == typeof(long));
                    if (!isIdentityKey)
                    {
                        return null;
                    }

                    identityKey = property;
                }

                if (property.GetColumnName(storeObject) is not { } column || property.GetRelationalTypeMapping() is not { } mapping)
                {
                    return null;
                }

                columns.Add((property, column, mapping.StoreTypeNameBase));
            }

            var quoted = type.GetSchema() is { } schema ? $"\"{schema}\".\"{tableName}\"" : $"\"{tableName}\"";
            return new TableShape(type, quoted, columns, identityKey, identityKey?.GetColumnName(storeObject));
        }

        public async Task AssignKeysAsync(NpgsqlConnection connection, IReadOnlyList<EntityEntry> entries, CancellationToken cancellationToken)
        {
            if (identityKey is null)
            {
                return;
            }

            var needing = entries.Where(e => e.Property(identityKey.Name).IsTemporary).ToList();
            if (needing.Count == 0)
            {
                return;
            }

            await using var command = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence($1, $2)) FROM generate_series(1, $3)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = table });
            command.Parameters.Add(new NpgsqlParameter { Value = identityColumn });
            command.Parameters.Add(new NpgsqlParameter { Value = needing.Count });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            foreach (var entry in needing)
            {
                await reader.ReadAsync(cancellationToken);
                var key = entry.Property(identityKey.Name);

                // Setting the key makes it permanent, and EF Core carries it to the added records that refer to this one.
                key.CurrentValue = Convert.ChangeType(reader.GetInt64(0), identityKey.ClrType, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        public async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<EntityEntry> entries, CancellationToken cancellationToken)
        {
            var copy = $"COPY {table} ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)";
            await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
            foreach (var entry in entries)
            {
                await importer.StartRowAsync(cancellationToken);
                var values = entry.CurrentValues;
                foreach (var (property, _, dataType) in columns)
                {
                    if ((property.IsKey() || property.IsForeignKey()) && entry.Property(property).IsTemporary)
                    {
                        // A reference to a record this save did not give a key: writing it would store a made-up number.
                        throw new InvalidOperationException($"{EntityType.DisplayName()}.{property.Name} has no key yet; bulk insertion cannot write it.");
                    }

                    var value = values[property];
                    var stored = property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;
                    // Written synchronously into the importer's buffer, which goes out as it fills: an await per value
                    // cost more than the COPY itself.
                    if (stored is null)
                    {
                        importer.WriteNull();
                    }
                    else
                    {
                        importer.Write(stored, dataType);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }
    }
}
