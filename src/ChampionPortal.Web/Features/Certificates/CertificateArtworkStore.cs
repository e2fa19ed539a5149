using System.Globalization;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Resources;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ChampionPortal.Web.Features.Certificates;

/// <summary>The images a certificate shows: up to two logos at the top and the cohort's signature above the signatory.</summary>
public sealed record CertificateImages(byte[]? Logo1, byte[]? Logo2, byte[]? Signature)
{
    public static readonly CertificateImages None = new(null, null, null);
}

/// <summary>
/// Keeps the uploaded logos and signatures. An image is accepted only when it is a PNG or JPEG by its bytes, within
/// the size limit, and PDFsharp can draw it: a certificate must never fail to render because of its artwork.
/// </summary>
public sealed class CertificateArtworkStore(PortalDbContext db, TimeProvider timeProvider)
{
    public const string Logo1 = "logo-1";
    public const string Logo2 = "logo-2";
    public const int MaxBytes = 2 * 1024 * 1024;

    public static string Signature(int cohortId) => $"signature-{cohortId}";

    public static bool IsKnownKey(string key) =>
        key is Logo1 or Logo2 || (key.StartsWith("signature-", StringComparison.Ordinal) && int.TryParse(key.AsSpan(10), out _));

    public async Task<CertificateImages> ForCertificateAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var keys = new[] { Logo1, Logo2, Signature(cohortId) };
        var found = await db.CertificateArtworks.AsNoTracking().Where(a => keys.Contains(a.Key)).ToDictionaryAsync(a => a.Key, a => a.Content, cancellationToken);
        return found.Count == 0 ? CertificateImages.None : new(found.GetValueOrDefault(Logo1), found.GetValueOrDefault(Logo2), found.GetValueOrDefault(Signature(cohortId)));
    }

    /// <summary>The settings page: the logos, and each cohort's signatory with or without a signature image.</summary>
    public async Task<ArtworkPage> PageAsync(bool canChangeLogos, CancellationToken cancellationToken = default)
    {
        var keys = (await db.CertificateArtworks.AsNoTracking().Select(a => a.Key).ToListAsync(cancellationToken)).ToHashSet();
        var cohorts = await db.Cohorts.AsNoTracking().OrderByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id,
                Name = PortalCultures.Pick(c.Name, c.NameEs, c.NamePt),
                Rules = db.RecognitionRules.Where(r => r.CohortId == c.Id).Select(r => new { r.SignatoryName, r.SignatoryTitle, r.SignatoryTitleEs, r.SignatoryTitlePt }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new ArtworkPage(
            canChangeLogos, keys.Contains(Logo1), keys.Contains(Logo2),
            [.. cohorts.Select(c => new SignatureRow(c.Id, c.Name, c.Rules?.SignatoryName, c.Rules?.SignatoryTitle is { } title ? PortalCultures.Pick(title, c.Rules.SignatoryTitleEs, c.Rules.SignatoryTitlePt) : null, keys.Contains(Signature(c.Id))))]);
    }

    public async Task<(byte[] Content, string ContentType)?> ImageAsync(string key, CancellationToken cancellationToken = default) =>
        await db.CertificateArtworks.AsNoTracking().Where(a => a.Key == key).Select(a => new { a.Content, a.ContentType }).SingleOrDefaultAsync(cancellationToken)
            is { } found ? (found.Content, found.ContentType) : null;

    /// <summary>Stores the image under the key; the resource key of the reason when it is refused, otherwise null.</summary>
    public async Task<string?> SaveAsync(string key, IFormFile? file, CancellationToken cancellationToken = default)
    {
        if (!IsKnownKey(key) || file is null || file.Length == 0)
        {
            return "Error_ImageMissing";
        }

        if (key.StartsWith("signature-", StringComparison.Ordinal) && !await db.Cohorts.AnyAsync(c => c.Id == int.Parse(key.Substring(10), CultureInfo.InvariantCulture), cancellationToken))
        {
            return "Error_ImageMissing";
        }

        if (file.Length > MaxBytes)
        {
            return "Error_ImageTooLarge";
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var kind = UploadedContent.Identify(bytes, () => new MemoryStream(bytes));
        if (kind?.ContentType is not ("image/png" or "image/jpeg") || !Drawable(bytes))
        {
            return "Error_ImageType";
        }

        var existing = await db.CertificateArtworks.SingleOrDefaultAsync(a => a.Key == key, cancellationToken);
        if (existing is null)
        {
            db.CertificateArtworks.Add(new CertificateArtwork { Key = key, ContentType = kind.ContentType, Content = bytes, UploadedAtUtc = timeProvider.GetUtcNow().UtcDateTime });
        }
        else
        {
            existing.Content = bytes;
            existing.ContentType = kind.ContentType;
            existing.UploadedAtUtc = timeProvider.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<bool> RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        if (await db.CertificateArtworks.SingleOrDefaultAsync(a => a.Key == key, cancellationToken) is not { } existing)
        {
            return false;
        }

        db.CertificateArtworks.Remove(existing);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    // Some valid PNGs (1-bit, interlaced) are beyond PDFsharp's decoder: try to draw it once, as a certificate would.
    private static bool Drawable(byte[] bytes)
    {
        try
        {
            using var document = new PdfDocument();
            var page = document.AddPage();
            using var g = XGraphics.FromPdfPage(page);
            using var image = XImage.FromStream(new MemoryStream(bytes));
            g.DrawImage(image, 0, 0, 10, 10);
            return image.PixelWidth > 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotImplementedException or ArgumentException or IndexOutOfRangeException or InvalidDataException or NotSupportedException)
        {
            return false;
        }
    }
}

public sealed record SignatureRow(int CohortId, string CohortName, string? SignatoryName, string? SignatoryTitle, bool HasSignature);

public sealed record ArtworkPage(bool CanChangeLogos, bool HasLogo1, bool HasLogo2, IReadOnlyList<SignatureRow> Signatures);
