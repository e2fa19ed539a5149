using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Mapping;

namespace ChampionPortal.Web.Features.Publications;

/// <summary>Marker for this feature's resource files (PublicationsResources.resx, .es.resx, .pt.resx).</summary>
public sealed class PublicationsResources;

public sealed record AgendaSnapshot(string CohortName, IReadOnlyList<ThemeSnapshot> Themes, IReadOnlyList<ContributorSnapshot> Contributors);

public sealed record ContributorSnapshot(string Name, string CountryCode);

/// <summary>A theme and its entries; entries not yet filed under a theme come last, under a null name.</summary>
public sealed record ThemeSnapshot(string? Name, IReadOnlyList<EntrySnapshot> Entries);

public sealed record EntrySnapshot(AgendaItemKind Kind, string Text, AgendaEntryStatus Status, IReadOnlyList<int> Objectives, IReadOnlyList<string> Sources);

public sealed record MappingSnapshot(string CohortName, IReadOnlyList<GovernmentSnapshot> Governments);

public sealed record GovernmentSnapshot(string Name, string CountryCode, IReadOnlyList<ActionSnapshot> Actions);

public sealed record ActionSnapshot(
    string Title, string? Description, LocalActionStatus Status, IReadOnlyList<int> Objectives, IReadOnlyList<int> Principles, string? Strengthening);

public sealed record PublicationRow(int Id, PublicationKind Kind, int Number, DateTime PublishedAtUtc);

public sealed record PublicationsPage(int CohortId, string CohortName, IReadOnlyList<PublicationRow> Publications, bool CanPublish);

/// <summary>A published version with its frozen content: one of the two snapshots is set.</summary>
public sealed record PublishedDocument(
    int Id, int CohortId, PublicationKind Kind, int Number, DateTime PublishedAtUtc, AgendaSnapshot? Agenda, MappingSnapshot? Mapping, GcmCatalogPage Catalog)
{
    public string CohortName => Agenda?.CohortName ?? Mapping!.CohortName;
}
