using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Data;

/// <summary>The concurrency check every edit form goes through.</summary>
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
}
