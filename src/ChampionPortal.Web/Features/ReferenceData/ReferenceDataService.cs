using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.ReferenceData;

public sealed class ReferenceDataService(PortalDbContext db)
{
    public async Task<ReferenceDataOverview> OverviewAsync(CancellationToken cancellationToken = default) => new(
        await db.GcmObjectives.AsNoTracking().OrderBy(o => o.Number)
            .Select(o => new GcmObjectiveRow(o.Number, o.ShortEn, o.ShortEs, o.ShortPt, o.TitleEn, o.TitleEs, o.TitlePt))
            .ToListAsync(cancellationToken),
        await db.GuidingPrinciples.AsNoTracking().OrderBy(p => p.Number)
            .Select(p => new GuidingPrincipleRow(p.Number, p.TitleEn, p.TitleEs, p.TitlePt))
            .ToListAsync(cancellationToken));

    public Task<ReferenceTitleForm?> FindAsync(ReferenceKind kind, int number, CancellationToken cancellationToken = default) => kind switch
    {
        ReferenceKind.Objective => db.GcmObjectives.AsNoTracking().Where(o => o.Number == number)
            .Select(o => new ReferenceTitleForm
            {
                ShortEn = o.ShortEn,
                ShortEs = o.ShortEs,
                ShortPt = o.ShortPt,
                TitleEn = o.TitleEn,
                TitleEs = o.TitleEs,
                TitlePt = o.TitlePt,
                Version = o.Version,
            })
            .SingleOrDefaultAsync(cancellationToken),
        _ => db.GuidingPrinciples.AsNoTracking().Where(p => p.Number == number)
            .Select(p => new ReferenceTitleForm { TitleEn = p.TitleEn, TitleEs = p.TitleEs, TitlePt = p.TitlePt, Version = p.Version })
            .SingleOrDefaultAsync(cancellationToken),
    };

    public async Task<SaveOutcome> UpdateAsync(ReferenceKind kind, int number, ReferenceTitleForm form, CancellationToken cancellationToken = default)
    {
        IVersioned? record = kind == ReferenceKind.Objective
            ? await db.GcmObjectives.SingleOrDefaultAsync(o => o.Number == number, cancellationToken)
            : await db.GuidingPrinciples.SingleOrDefaultAsync(p => p.Number == number, cancellationToken);
        switch (record)
        {
            case null:
                return SaveOutcome.NotFound;
            case GcmObjective objective:
                objective.ShortEn = form.ShortEn?.Trim() ?? "";
                objective.ShortEs = form.ShortEs?.Trim() ?? "";
                objective.ShortPt = form.ShortPt?.Trim() ?? "";
                objective.TitleEn = form.TitleEn!.Trim();
                objective.TitleEs = form.TitleEs!.Trim();
                objective.TitlePt = form.TitlePt!.Trim();
                break;
            case GuidingPrinciple principle:
                principle.TitleEn = form.TitleEn!.Trim();
                principle.TitleEs = form.TitleEs!.Trim();
                principle.TitlePt = form.TitlePt!.Trim();
                break;
        }

        db.ExpectVersion(record, form.Version);
        return await db.SaveEditAsync(cancellationToken);
    }
}
