using System.ComponentModel.DataAnnotations;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.Mapping;

namespace ChampionPortal.Web.Features.Agenda;

/// <summary>Marker for this feature's resource files (AgendaResources.resx, .es.resx, .pt.resx).</summary>
public sealed class AgendaResources;

public sealed record AgendaItemRow(
    int Id, AgendaItemKind Kind, string Text, string? Theme, int? LocalGovernmentId, string? LocalGovernmentName, string? CountryCode, string? SessionCode,
    IReadOnlyList<int> Objectives, int? EntryId);

public sealed record NamedOption(int Id, string Name);

public sealed record AgendaPage(
    int CohortId, string CohortName, IReadOnlyList<CohortOption> Cohorts, IReadOnlyList<AgendaItemRow> Items, bool IsStaff, int? OwnGovernmentId,
    IReadOnlyList<NamedOption> Governments, IReadOnlyList<NamedOption> Sessions, GcmCatalogPage Catalog, AgendaItemForm Form);

public sealed class AgendaItemForm
{
    public int? LocalGovernmentId { get; set; }
    public int? SessionId { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_Kind")]
    public AgendaItemKind? Kind { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(2000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Text")]
    public string? Text { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Theme")]
    public string? Theme { get; set; }

    public List<int> Objectives { get; set; } = [];
}

public sealed record DuplicateSuggestion(AgendaItemRow First, AgendaItemRow Second, double Similarity);

public sealed record AgendaEntryRow(
    int Id, int? ThemeId, AgendaItemKind Kind, string Text, int Position, AgendaEntryStatus Status, int Version, IReadOnlyList<AgendaItemRow> Sources)
{
    public IReadOnlyList<int> Objectives => [.. Sources.SelectMany(s => s.Objectives).Distinct().Order()];

    public IReadOnlyList<string> Governments => [.. Sources.Where(s => s.LocalGovernmentName is not null).Select(s => $"{s.LocalGovernmentName} ({s.CountryCode})").Distinct()];
}

public sealed record SystematizationPage(
    int CohortId, string CohortName, IReadOnlyList<AgendaTheme> Themes, IReadOnlyList<AgendaEntryRow> Entries, IReadOnlyList<AgendaItemRow> Unconsolidated,
    IReadOnlyList<DuplicateSuggestion> Suggestions, GcmCatalogPage Catalog);

public sealed class MergeForm
{
    public List<int> ItemIds { get; set; } = [];
    public int? ThemeId { get; set; }
    public string? Text { get; set; }
}

public sealed class EntryForm
{
    public int? ThemeId { get; set; }
    public string? Text { get; set; }
    public AgendaEntryStatus Status { get; set; }
    public int Position { get; set; }
    public int Version { get; set; }
}
