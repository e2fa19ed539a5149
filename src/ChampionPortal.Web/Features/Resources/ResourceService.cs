using System.Security.Claims;
using System.Security.Cryptography;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChampionPortal.Web.Features.Resources;

/// <summary>
/// The resource library: guidance material uploaded (kept in the database with its SHA-256, so that every portal
/// instance serves it) or linked, per language, for the champions only or for everyone.
/// </summary>
public sealed class ResourceService(PortalDbContext db, IAuthorizationService authorization, IOptions<ResourceOptions> options, TimeProvider timeProvider)
{
    public int MaxBytes => options.Value.MaxMegabytes * 1024 * 1024;

    /// <summary>Signed-in users see every resource; anyone else the public ones.</summary>
    public static bool MaySee(ClaimsPrincipal user, ResourceVisibility visibility) =>
        visibility == ResourceVisibility.Public || user.Identity?.IsAuthenticated == true;

    public async Task<ResourceLibrary> LibraryAsync(ClaimsPrincipal user, ResourceForm? form, CancellationToken cancellationToken = default)
    {
        var signedIn = user.Identity?.IsAuthenticated == true;
        var resources = await db.Resources.AsNoTracking()
            .Where(r => signedIn || r.Visibility == ResourceVisibility.Public)
            .OrderByDescending(r => r.CreatedAtUtc)
            .Select(r => new ResourceRow(
                r.Id, PortalCultures.Pick(r.Title, r.TitleEs, r.TitlePt), r.Description == null ? null : PortalCultures.Pick(r.Description, r.DescriptionEs, r.DescriptionPt), r.Visibility,
                r.Files.OrderBy(f => f.Language).Select(f => new ResourceFileRow(f.Language, f.Url != null, f.FileName, f.Size)).ToList()))
            .ToListAsync(cancellationToken);
        return new ResourceLibrary(resources, await authorization.AllowsAsync(user, Policies.ManageCohorts), form ?? new ResourceForm(), options.Value.MaxMegabytes);
    }

    /// <summary>Adds a resource (or a language of one) from an upload or a link; null when done, else the reason's key.</summary>
    public async Task<string?> AddAsync(ResourceForm form, IFormFile? file, CancellationToken cancellationToken = default)
    {
        if (!PortalCultures.IsSupported(form.Language))
        {
            return "Error_Language";
        }

        var hasLink = !string.IsNullOrWhiteSpace(form.Url);
        if (hasLink == (file is { Length: > 0 }))
        {
            return "Error_FileOrLink";
        }

        var resourceFile = new ResourceFile { Language = form.Language };
        if (hasLink)
        {
            if (!Uri.TryCreate(form.Url!.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                return "Error_Link";
            }

            resourceFile.Url = url.ToString();
        }
        else
        {
            if (file!.Length > MaxBytes)
            {
                return "Error_TooLarge";
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            var bytes = buffer.ToArray();
            if (UploadedContent.Identify(bytes, () => new MemoryStream(bytes)) is not { } kind)
            {
                return "Error_Type";
            }

            resourceFile.Content = bytes;
            resourceFile.Size = bytes.Length;
            resourceFile.ContentType = kind.ContentType;
            resourceFile.Sha256 = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
            resourceFile.FileName = SafeName(Path.GetFileNameWithoutExtension(file.FileName)) + kind.Extension;
        }

        if (form.ResourceId is { } id)
        {
            var resource = await db.Resources.Include(r => r.Files).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (resource is null)
            {
                return "Error_NotFound";
            }

            resource.Files.RemoveAll(f => f.Language == form.Language);
            resource.Files.Add(resourceFile);
            resource.Version++;
        }
        else
        {
            db.Resources.Add(new Resource
            {
                Title = form.Title!.Trim(),
                TitleEs = PortalCultures.Translation(form.TitleEs),
                TitlePt = PortalCultures.Translation(form.TitlePt),
                Description = PortalCultures.Translation(form.Description),
                DescriptionEs = PortalCultures.Translation(form.DescriptionEs),
                DescriptionPt = PortalCultures.Translation(form.DescriptionPt),
                Visibility = form.Visibility,
                CreatedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
                Files = [resourceFile],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<ResourceDownload?> DownloadAsync(ClaimsPrincipal user, int id, string language, CancellationToken cancellationToken = default)
    {
        var file = await db.ResourceFiles.AsNoTracking()
            .Where(f => f.ResourceId == id && f.Language == language)
            .Select(f => new { f.Url, f.Content, f.ContentType, f.FileName, Visibility = db.Resources.Where(r => r.Id == f.ResourceId).Select(r => r.Visibility).First() })
            .SingleOrDefaultAsync(cancellationToken);
        return file is null || !MaySee(user, file.Visibility) ? null : new ResourceDownload(file.Url, file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The resource's file in any language, for a dissemination's recipient (who holds a personal link, not an account).</summary>
    public async Task<ResourceDownload?> ForRecipientAsync(int id, string language, CancellationToken cancellationToken = default)
    {
        var files = await db.ResourceFiles.AsNoTracking().Where(f => f.ResourceId == id).ToListAsync(cancellationToken);
        var file = files.FirstOrDefault(f => f.Language == language) ?? files.FirstOrDefault();
        return file is null ? null : new ResourceDownload(file.Url, file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The resource's title in the reader's language; null when there is no such resource.</summary>
    public Task<string?> TitleAsync(int id, CancellationToken cancellationToken = default) =>
        db.Resources.AsNoTracking().Where(r => r.Id == id).Select(r => PortalCultures.Pick(r.Title, r.TitleEs, r.TitlePt)).SingleOrDefaultAsync(cancellationToken);

    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var deleted = await db.Resources.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted > 0;
    }

    private static string SafeName(string name)
    {
        var safe = new string([.. name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-')]).Trim('-');
        return safe.Length == 0 ? "resource" : safe[..Math.Min(safe.Length, 100)];
    }
}
