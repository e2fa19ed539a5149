using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>Which certificates a signed-in person reaches, for the list and the files alike.</summary>
public static class CertificateReach
{
    /// <summary>
    /// The certificates in a person's reach: every one for the regional team; a country office's country's; an
    /// authority's own and those of the local governments it represented in sessions (or holds office in).
    /// </summary>
    public static async Task<IQueryable<Certificate>> OfAsync(PortalDbContext db, Reach reach, IQueryable<Certificate> query, CancellationToken cancellationToken)
    {
        if (reach.Regional)
        {
            return query;
        }

        if (reach.Country is { } country)
        {
            return query.Where(c => c.CountryCode == country);
        }

        if (reach.AuthorityId is not { } authorityId)
        {
            return query.Where(c => false);
        }

        var current = await db.Authorities.Where(a => a.Id == authorityId).Select(a => a.LocalGovernmentId).SingleOrDefaultAsync(cancellationToken);
        var represented = await db.Attendances.Where(a => a.AuthorityId == authorityId && a.Status == AttendanceStatus.Present && a.LocalGovernmentId != null)
            .Select(a => a.LocalGovernmentId!.Value).Distinct().ToListAsync(cancellationToken);
        if (current is { } lg)
        {
            represented.Add(lg);
        }

        return query.Where(c => c.AuthorityId == authorityId || (c.Kind == CertificateKind.LocalGovernment && represented.Contains(c.LocalGovernmentId)));
    }
}
