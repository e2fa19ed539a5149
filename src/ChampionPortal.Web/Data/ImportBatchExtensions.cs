using System.Security.Cryptography;
using System.Text.Json;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Data;

/// <summary>
/// The pending uploads every import shares (directory, cohort register, participant report): kept in the database
/// under a random token for one user and one hour, so that the next step may reach any portal instance.
/// </summary>
public static class ImportBatchExtensions
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>Stores the content as a new batch (expired batches, and the user's own earlier ones if asked, go first).</summary>
    public static async Task<ImportBatch> StartImportBatchAsync<T>(
        this PortalDbContext db, int userId, T content, DateTime now, bool replaceUsersEarlier, CancellationToken cancellationToken)
    {
        await db.ImportBatches.Where(b => (replaceUsersEarlier && b.UserId == userId) || b.CreatedAtUtc < now - Lifetime).ExecuteDeleteAsync(cancellationToken);
        var batch = new ImportBatch { Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)), UserId = userId, RowsJson = JsonSerializer.Serialize(content), CreatedAtUtc = now };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        return batch;
    }

    /// <summary>The user's batch under this token while it has not expired; null otherwise.</summary>
    public static Task<ImportBatch?> FindImportBatchAsync(this PortalDbContext db, string token, int userId, DateTime now, CancellationToken cancellationToken) =>
        db.ImportBatches.SingleOrDefaultAsync(b => b.Token == token && b.UserId == userId && b.CreatedAtUtc >= now - Lifetime, cancellationToken);
}
