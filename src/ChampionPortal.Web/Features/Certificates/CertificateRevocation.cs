using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Certificates;

public sealed record RevokeConfirmation(int Id, int Cohort, string Serial, string RecipientName, string Reason);

/// <summary>
/// Staff's decisions on an issued certificate: revoke it, supersede it with one from the corrected records, or
/// reissue a revoked one with a reason.
/// </summary>
public sealed class CertificateRevocation(PortalDbContext db, CertificateIssuer issuer, TimeProvider timeProvider)
{
    /// <summary>What the confirmation before a revocation names: the certificate and its recipient; null when it is not valid.</summary>
    public Task<RevokeConfirmation?> ConfirmationAsync(int id, int cohort, string reason, CancellationToken cancellationToken = default) =>
        db.Certificates.AsNoTracking().Where(c => c.Id == id && c.Status == CertificateStatus.Valid)
            .Select(c => new RevokeConfirmation(c.Id, cohort, c.Serial, c.RecipientName.Length == 0 ? c.LocalGovernmentName : c.RecipientName, reason.Trim()))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<bool> RevokeAsync(int id, string reason, CancellationToken cancellationToken = default)
    {
        var certificate = await db.Certificates.SingleOrDefaultAsync(c => c.Id == id && c.Status == CertificateStatus.Valid, cancellationToken);
        if (certificate is null)
        {
            return false;
        }

        certificate.Status = CertificateStatus.Revoked;
        certificate.RevokedAtUtc = timeProvider.GetUtcNow().UtcDateTime;
        certificate.RevocationReason = reason.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Issues a new certificate from the recipient's current record (e.g. a corrected name) that supersedes this one.</summary>
    public async Task<int?> SupersedeAsync(int id, CancellationToken cancellationToken = default)
    {
        var old = await db.Certificates.SingleOrDefaultAsync(c => c.Id == id && c.Status == CertificateStatus.Valid, cancellationToken);
        if (old is null)
        {
            return null;
        }

        return await issuer.ReplaceAsync(old, c => c.Status = CertificateStatus.Superseded, cancellationToken);
    }

    /// <summary>
    /// Issues a new certificate to the recipient of a revoked one, which staff decided with a reason; the revoked one
    /// stays revoked and its verification page points to the new one. The new certificate's id, or null when the
    /// certificate is not a standing revocation (valid, superseded, or already reissued).
    /// </summary>
    public async Task<int?> ReissueAsync(int id, string reason, CancellationToken cancellationToken = default)
    {
        var revoked = await db.Certificates.SingleOrDefaultAsync(c => c.Id == id && c.Status == CertificateStatus.Revoked && c.SupersededById == null, cancellationToken);
        if (revoked is null)
        {
            return null;
        }

        return await issuer.ReplaceAsync(revoked, c => c.ReissueReason = reason.Trim(), cancellationToken);
    }
}
