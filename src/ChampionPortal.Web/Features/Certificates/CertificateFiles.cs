using System.Security.Claims;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>Certificates' PDFs for signed-in people, one by one or a cohort's in a ZIP, each within the reader's reach.</summary>
public sealed class CertificateFiles(PortalDbContext db)
{
    /// <summary>The certificate's PDF for a user allowed to have it; null (404) for anyone else.</summary>
    public Task<(byte[] Pdf, string FileName)?> PdfAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default) =>
        PdfWhereAsync(user, db.Certificates.Where(c => c.Id == id), cancellationToken);

    /// <summary>The same, found by its serial ("CLA-2023-0001", any case).</summary>
    public Task<(byte[] Pdf, string FileName)?> PdfBySerialAsync(ClaimsPrincipal user, string serial, CancellationToken cancellationToken = default)
    {
        var wanted = serial.Trim().ToUpperInvariant();
        return PdfWhereAsync(user, db.Certificates.Where(c => c.Serial == wanted), cancellationToken);
    }

    private async Task<(byte[] Pdf, string FileName)?> PdfWhereAsync(ClaimsPrincipal user, IQueryable<Certificate> query, CancellationToken cancellationToken)
    {
        query = await CertificateReach.OfAsync(db, user.Reach(), query.AsNoTracking(), cancellationToken);

        // An erased person's certificate keeps its record for verification, not its PDF.
        var found = await query.Where(c => c.RecipientName != "").Select(c => new { c.Pdf, c.Serial }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Pdf, $"{found.Serial}.pdf");
    }
    /// <summary>The valid certificates' PDFs in one ZIP: a cohort's, optionally one country's; a country office gets its own country's only.</summary>
    public async Task<byte[]> ZipAsync(ClaimsPrincipal user, int cohortId, string? country, CancellationToken cancellationToken = default)
    {
        var onlyCountry = user.Reach().Regional ? (string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant()) : user.CountryScope().OnlyCountry;
        var files = await db.Certificates.AsNoTracking()
            .Where(c => c.CohortId == cohortId && c.Status == CertificateStatus.Valid && c.RecipientName != "" && (onlyCountry == null || c.CountryCode == onlyCountry))
            .OrderBy(c => c.Serial).Select(c => new { c.Serial, c.Pdf }).ToListAsync(cancellationToken);
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                await using var entry = await zip.CreateEntry($"{file.Serial}.pdf", System.IO.Compression.CompressionLevel.Fastest).OpenAsync(cancellationToken);
                await entry.WriteAsync(file.Pdf, cancellationToken);
            }
        }

        return stream.ToArray();
    }
}
