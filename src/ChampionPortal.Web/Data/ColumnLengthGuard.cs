using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChampionPortal.Web.Data;

/// <summary>A value longer than its column: the user's input, refused before the database refuses it.</summary>
public sealed class ValueTooLongException(string entity, string property, int maxLength)
    : Exception($"{entity}.{property} is longer than its {maxLength} characters.")
{
    public string Entity { get; } = entity;
    public string Property { get; } = property;
    public int MaxLength { get; } = maxLength;
}

/// <summary>
/// Checks every string about to be saved against the maximum length the model gives its column, so that no form can
/// forget a limit: what a form's own validation misses is refused here with the field's name and its limit (shown as a
/// 400 page in the reader's language) instead of reaching the database, which answers with an error (PostgreSQL
/// 22001) and on SQLite stores the value whatever its length.
/// </summary>
public sealed class ColumnLengthGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string value && property.Metadata.GetMaxLength() is { } max && value.Length > max
                    && (entry.State == EntityState.Added || property.IsModified))
                {
                    throw new ValueTooLongException(entry.Metadata.ClrType.Name, property.Metadata.Name, max);
                }
            }
        }
    }
}
