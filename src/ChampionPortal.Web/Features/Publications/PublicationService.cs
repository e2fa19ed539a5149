using System.Globalization;
using System.Text.Json;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Agenda;
using ChampionPortal.Web.Features.Mapping;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Pdf;
using ChampionPortal.Web.Infrastructure.Tabular;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;

namespace ChampionPortal.Web.Features.Publications;

/// <summary>
/// Publishing freezes the agenda or the mapping as it is now into a numbered version (later edits are the next
/// draft); a version is then a web page, a PDF in any of the three languages and a CSV/XLSX table. Seven parts: the
/// texts of the three features it publishes (publications, agenda, mapping) are three of them, and the fonts are read
/// from the web root.
/// </summary>
public sealed class PublicationService(
    PortalDbContext db, GcmCatalog catalog, IStringLocalizer<PublicationsResources> text, IStringLocalizer<AgendaResources> agendaText,
    IStringLocalizer<MappingResources> mappingText, TimeProvider timeProvider, IWebHostEnvironment environment)
{
    public async Task<PublicationsPage?> ListAsync(int? cohortId, bool canPublish, CancellationToken cancellationToken = default)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => cohortId == null || c.Id == cohortId).OrderByDescending(c => c.StartDate)
            .Select(c => new { c.Id, Name = PortalCultures.Pick(c.Name, c.NameEs, c.NamePt) }).FirstOrDefaultAsync(cancellationToken);
        if (cohort is null)
        {
            return null;
        }

        var publications = await db.Publications.AsNoTracking().Where(p => p.CohortId == cohort.Id).OrderBy(p => p.Kind).ThenByDescending(p => p.Number)
            .Select(p => new PublicationRow(p.Id, p.Kind, p.Number, p.PublishedAtUtc)).ToListAsync(cancellationToken);
        return new PublicationsPage(cohort.Id, cohort.Name, publications, canPublish);
    }

    /// <summary>Freezes the cohort's agenda or mapping as its next version; null when the cohort does not exist.</summary>
    public async Task<int?> PublishAsync(int cohortId, PublicationKind kind, CancellationToken cancellationToken = default)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId).Select(c => PortalCultures.Pick(c.Name, c.NameEs, c.NamePt)).SingleOrDefaultAsync(cancellationToken);
        if (cohort is null)
        {
            return null;
        }

        var snapshot = kind == PublicationKind.Agenda
            ? JsonSerializer.Serialize(await AgendaSnapshotAsync(cohortId, cohort, cancellationToken))
            : JsonSerializer.Serialize(await MappingSnapshotAsync(cohortId, cohort, cancellationToken));
        var number = (await db.Publications.Where(p => p.CohortId == cohortId && p.Kind == kind).Select(p => (int?)p.Number).MaxAsync(cancellationToken) ?? 0) + 1;
        var publication = new Publication { CohortId = cohortId, Kind = kind, Number = number, PublishedAtUtc = timeProvider.GetUtcNow().UtcDateTime, SnapshotJson = snapshot };
        db.Publications.Add(publication);
        await db.SaveChangesAsync(cancellationToken);
        return publication.Id;
    }

    public async Task<PublishedDocument?> FindAsync(int id, string? language = null, CancellationToken cancellationToken = default)
    {
        var publication = await db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (publication is null)
        {
            return null;
        }

        return new PublishedDocument(
            publication.Id, publication.CohortId, publication.Kind, publication.Number, publication.PublishedAtUtc,
            publication.Kind == PublicationKind.Agenda ? JsonSerializer.Deserialize<AgendaSnapshot>(publication.SnapshotJson) : null,
            publication.Kind == PublicationKind.Mapping ? JsonSerializer.Deserialize<MappingSnapshot>(publication.SnapshotJson) : null,
            await catalog.LoadAsync(language, cancellationToken));
    }

    public string Title(PublishedDocument document) =>
        text[document.Kind == PublicationKind.Agenda ? "Agenda_Title" : "Mapping_Title"];

    /// <summary>The published version as a table: one row per agenda entry, or per mapped action.</summary>
    public Table ToTable(PublishedDocument document) => document.Agenda is { } agenda
        ? new Table(
            [text["Column_Theme"], text["Column_Kind"], text["Column_Text"], text["Column_Status"], text["Column_Objectives"], text["Column_Sources"]],
            [.. agenda.Themes.SelectMany(t => t.Entries.Select(e => (IReadOnlyList<string?>)
                [t.Name ?? text["Theme_Other"], agendaText["Kind_" + e.Kind], e.Text, agendaText["EntryStatus_" + e.Status], Numbers(e.Objectives), string.Join("; ", e.Sources)]))])
        : new Table(
            [text["Column_LocalGovernment"], text["Column_Country"], text["Column_Action"], text["Column_Status"], text["Column_Objectives"], text["Column_Principles"], text["Column_Description"], text["Column_Strengthening"]],
            [.. document.Mapping!.Governments.SelectMany(g => g.Actions.Select(a => (IReadOnlyList<string?>)
                [g.Name, g.CountryCode, a.Title, mappingText["Status_" + a.Status], Numbers(a.Objectives), Numbers(a.Principles), a.Description, a.Strengthening]))]);

    /// <summary>The published version as a PDF in the given language (the caller sets the UI culture to it).</summary>
    public byte[] ToPdf(PublishedDocument document)
    {
        PortalFonts.Install(environment.WebRootPath);
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var title = Title(document);
        using var layout = new PdfLayout($"{title} — {document.CohortName}", language);
        var body = new XFont(PortalFonts.Text, 10, XFontStyleEx.Regular);
        var small = new XFont(PortalFonts.Text, 8.5, XFontStyleEx.Regular);

        // Cover.
        layout.Space(150);
        layout.Paragraph(text["Initiative"], new XFont(PortalFonts.Text, 12, XFontStyleEx.Bold), PdfLayout.Accent, 10);
        layout.Heading(title, 30, PdfLayout.Primary, display: true);
        layout.Paragraph(document.CohortName, new XFont(PortalFonts.Display, 16, XFontStyleEx.Regular), PdfLayout.Primary, 24);
        layout.Paragraph(text["Version", document.Number, document.PublishedAtUtc.ToString("D", CultureInfo.CurrentCulture)], body, PdfLayout.Muted, 4);
        layout.Paragraph(text["Cover_Note"], small, PdfLayout.Muted);
        layout.NewPage();

        if (document.Agenda is { } agenda)
        {
            foreach (var theme in agenda.Themes)
            {
                layout.Heading(theme.Name ?? text["Theme_Other"], 16, PdfLayout.Primary, display: true);
                foreach (var entry in theme.Entries)
                {
                    layout.Paragraph($"{agendaText["Kind_" + entry.Kind]} · {agendaText["EntryStatus_" + entry.Status]}", new XFont(PortalFonts.Text, 8.5, XFontStyleEx.Bold), PdfLayout.Accent, 1, keepWithNext: 30);
                    layout.Paragraph(entry.Text, body, XColors.Black, 2);
                    if (entry.Objectives.Count > 0)
                    {
                        layout.Paragraph($"{text["Column_Objectives"]}: {string.Join("; ", entry.Objectives.Select(document.Catalog.ObjectiveLabel))}", small, PdfLayout.Muted, 1, indent: 10);
                    }

                    layout.Paragraph($"{text["Column_Sources"]}: {string.Join("; ", entry.Sources)}", small, PdfLayout.Muted, 10, indent: 10);
                }

                layout.Space(6);
            }

            layout.Heading(text["Contributors"], 16, PdfLayout.Primary, display: true);
            layout.Table([3, 1], [text["Column_LocalGovernment"], text["Column_Country"]], agenda.Contributors.Select(c => (IReadOnlyList<string>)[c.Name, c.CountryCode]));
        }
        else
        {
            foreach (var government in document.Mapping!.Governments)
            {
                layout.Heading($"{government.Name} ({government.CountryCode})", 15, PdfLayout.Primary, display: true);
                layout.Table(
                    [3, 1.2, 2.2, 2.4],
                    [text["Column_Action"], text["Column_Status"], text["Column_Objectives"], text["Column_Strengthening"]],
                    government.Actions.Select(a => (IReadOnlyList<string>)
                        [a.Description is null ? a.Title : $"{a.Title}\n{a.Description}", mappingText["Status_" + a.Status], string.Join("\n", a.Objectives.Select(document.Catalog.ObjectiveLabel)), a.Strengthening ?? "—"]));
            }
        }

        return layout.Finish((page, pages) => text["Page", page, pages], $"{title} — {document.CohortName}");
    }

    private async Task<AgendaSnapshot> AgendaSnapshotAsync(int cohortId, string cohortName, CancellationToken cancellationToken)
    {
        var themes = await db.AgendaThemes.AsNoTracking().Where(t => t.CohortId == cohortId).OrderBy(t => t.Position).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        // Flat queries assembled here: SQLite cannot run nested collections of collections in one statement.
        var rows = await db.AgendaEntries.AsNoTracking().Where(e => e.CohortId == cohortId).OrderBy(e => e.Position).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.ThemeId, e.Kind, e.Text, e.Status }).ToListAsync(cancellationToken);
        var sources = await db.AgendaItems.AsNoTracking().Where(i => i.CohortId == cohortId && i.AgendaEntryId != null && i.LocalGovernmentId != null)
            .Select(i => new { EntryId = i.AgendaEntryId!.Value, i.LocalGovernment!.Name, i.LocalGovernment.CountryCode }).ToListAsync(cancellationToken);
        var objectives = await db.AgendaItemObjectives.AsNoTracking()
            .Join(db.AgendaItems.Where(i => i.CohortId == cohortId && i.AgendaEntryId != null), o => o.AgendaItemId, i => i.Id, (o, i) => new { EntryId = i.AgendaEntryId!.Value, o.ObjectiveNumber })
            .ToListAsync(cancellationToken);
        var entries = rows.Select(e => new
        {
            e.ThemeId,
            e.Kind,
            e.Text,
            e.Status,
            Objectives = objectives.Where(o => o.EntryId == e.Id).Select(o => o.ObjectiveNumber).Distinct().Order().ToList(),
            Sources = sources.Where(s => s.EntryId == e.Id).Select(s => new { s.Name, s.CountryCode }).Distinct().ToList(),
        }).ToList();
        EntrySnapshot Entry(int index) => new(
            entries[index].Kind, entries[index].Text, entries[index].Status, entries[index].Objectives,
            [.. entries[index].Sources.Select(s => $"{s.Name} ({s.CountryCode.Trim()})").Order(StringComparer.CurrentCulture)]);
        var groups = themes.Select(t => (Name: (string?)t.Name, Id: (int?)t.Id)).Append((null, null))
            .Select(t => new ThemeSnapshot(t.Name, [.. entries.Select((e, i) => (e, i)).Where(x => x.e.ThemeId == t.Id).Select(x => Entry(x.i))]))
            .Where(t => t.Entries.Count > 0)
            .ToList();
        var contributors = entries.SelectMany(e => e.Sources).Select(s => new ContributorSnapshot(s.Name, s.CountryCode.Trim())).Distinct()
            .OrderBy(c => c.CountryCode, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.CurrentCulture);
        return new AgendaSnapshot(cohortName, groups, [.. contributors]);
    }

    private async Task<MappingSnapshot> MappingSnapshotAsync(int cohortId, string cohortName, CancellationToken cancellationToken)
    {
        var actions = await db.LocalActions.AsNoTracking().Where(a => a.CohortId == cohortId)
            .OrderBy(a => a.CountryCode).ThenBy(a => a.LocalGovernment!.Name).ThenBy(a => a.Status).ThenBy(a => a.Title)
            .Select(a => new
            {
                Government = a.LocalGovernment!.Name,
                a.CountryCode,
                a.LocalGovernmentId,
                Action = new ActionSnapshot(
                    a.Title, a.Description, a.Status, a.Objectives.OrderBy(o => o.ObjectiveNumber).Select(o => o.ObjectiveNumber).ToList(),
                    a.Principles.OrderBy(p => p.PrincipleNumber).Select(p => p.PrincipleNumber).ToList(), a.Strengthening),
            })
            .ToListAsync(cancellationToken);
        return new MappingSnapshot(
            cohortName,
            [.. actions.GroupBy(a => a.LocalGovernmentId).Select(g => new GovernmentSnapshot(g.First().Government, g.First().CountryCode.Trim(), [.. g.Select(a => a.Action)]))]);
    }

    private static string Numbers(IReadOnlyList<int> numbers) => string.Join(", ", numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));
}
