using ChampionPortal.Web.Data;
using ChampionPortal.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Mapping;

public sealed record GcmEntry(int Number, string Short, string Title);

public sealed record GcmCatalogPage(IReadOnlyList<GcmEntry> Objectives, IReadOnlyList<GcmEntry> Principles)
{
    public string ObjectiveLabel(int number) => Objectives.FirstOrDefault(o => o.Number == number) is { } o ? $"{o.Number}. {o.Short}" : number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The GCM's 23 objectives and 10 guiding principles in one language, for forms, tables and documents.</summary>
public sealed class GcmCatalog(PortalDbContext db)
{
    /// <summary>In the given language, or the reader's when none is given (documents are rendered in a chosen language).</summary>
    public async Task<GcmCatalogPage> LoadAsync(string? language = null, CancellationToken cancellationToken = default)
    {
        var objectives = await db.GcmObjectives.AsNoTracking().OrderBy(o => o.Number).ToListAsync(cancellationToken);
        var principles = await db.GuidingPrinciples.AsNoTracking().OrderBy(p => p.Number).ToListAsync(cancellationToken);
        string Pick(string en, string es, string pt) => language switch
        {
            "es" => es,
            "pt" => pt,
            "en" => en,
            _ => PortalCultures.Pick(en, es, pt),
        };
        return new GcmCatalogPage(
            [.. objectives.Select(o => new GcmEntry(o.Number, Pick(o.ShortEn, o.ShortEs, o.ShortPt), Pick(o.TitleEn, o.TitleEs, o.TitlePt)))],
            [.. principles.Select(p => new GcmEntry(p.Number, Pick(p.TitleEn, p.TitleEs, p.TitlePt), Pick(p.TitleEn, p.TitleEs, p.TitlePt)))]);
    }
}
