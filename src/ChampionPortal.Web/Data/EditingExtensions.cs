using System.Linq.Expressions;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Data;

/// <summary>The concurrency-checked edit and delete that every feature's forms go through.</summary>
public static class EditingExtensions
{
    /// <summary>The version the user saw is the one the save must find, or someone else saved in between.</summary>
    public static void ExpectVersion(this DbContext db, IVersioned record, int versionSeenByUser) =>
        db.Entry(record).Property(nameof(IVersioned.Version)).OriginalValue = versionSeenByUser;

    public static async Task<SaveOutcome> SaveEditAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveOutcome.Conflict;
        }
    }

    /// <summary>Changes the one record that matches, provided nobody saved it since the user saw <paramref name="versionSeenByUser"/>.</summary>
    public static async Task<SaveOutcome> EditVersionedAsync<T>(
        this DbContext db, Expression<Func<T, bool>> which, int versionSeenByUser, Action<T> change, CancellationToken cancellationToken,
        Func<IQueryable<T>, IQueryable<T>>? including = null)
        where T : class, IVersioned
    {
        var record = await (including?.Invoke(db.Set<T>()) ?? db.Set<T>()).SingleOrDefaultAsync(which, cancellationToken);
        if (record is null)
        {
            return SaveOutcome.NotFound;
        }

        db.ExpectVersion(record, versionSeenByUser);
        change(record);
        return await db.SaveEditAsync(cancellationToken);
    }

    /// <summary>Deletes the one record that matches, unless others depend on it or someone saved it since the user saw it.</summary>
    public static async Task<SaveOutcome> DeleteVersionedAsync<T>(
        this DbContext db, Expression<Func<T, bool>> which, int versionSeenByUser, Func<Task<bool>>? hasDependents, CancellationToken cancellationToken)
        where T : class, IVersioned
    {
        var record = await db.Set<T>().SingleOrDefaultAsync(which, cancellationToken);
        if (record is null)
        {
            return SaveOutcome.NotFound;
        }

        if (hasDependents is not null && await hasDependents())
        {
            return SaveOutcome.HasDependents;
        }

        db.ExpectVersion(record, versionSeenByUser);
        db.Remove(record);
        try
        {
            return await db.SaveEditAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (DatabaseErrors.IsForeignKeyViolation(error))
        {
            // Something came to refer to the record after the check above, or a reference the check does not know of:
            // the database keeps the record, and the person is told it cannot be deleted rather than shown an error.
            db.ChangeTracker.Clear();
            return SaveOutcome.HasDependents;
        }
    }
}
