using ChampionPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>Serial numbers of a cohort's certificates ("CLA-2023-0001"), never given twice.</summary>
public sealed class CertificateSerials(PortalDbContext db, IDatabaseDialect dialect, IServiceScopeFactory scopes)
{
    /// <summary>
    /// Reserves serial numbers of the cohort; the first of them. On PostgreSQL the reservation commits at once in a
    /// connection of its own, so that concurrent issuances (other workers, other instances) neither wait for each other
    /// nor take the same number; a number reserved for a batch that then fails stays unused. SQLite has one writer at a
    /// time, so there it belongs to the caller's transaction.
    /// </summary>
    public async Task<int> ReserveAsync(int cohortId, int count, CancellationToken cancellationToken)
    {
        const string reserve = "UPDATE \"Cohorts\" SET \"LastCertificateNumber\" = \"LastCertificateNumber\" + {0} WHERE \"Id\" = {1} RETURNING \"LastCertificateNumber\" AS \"Value\"";
        using var scope = dialect.Provider == DatabaseProvider.Sqlite ? null : scopes.CreateScope();
        var target = scope?.ServiceProvider.GetRequiredService<PortalDbContext>() ?? db;
        return (await target.Database.SqlQueryRaw<int>(reserve, count, cohortId).ToListAsync(cancellationToken)).Single() - count + 1;
    }
}
