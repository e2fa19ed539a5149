using System.ComponentModel.DataAnnotations;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.Shared;

namespace ChampionPortal.Web.Features.Mapping;

/// <summary>Marker for this feature's resource files (MappingResources.resx, .es.resx, .pt.resx).</summary>
public sealed class MappingResources;

public sealed record MappingGovernmentRow(int Id, string Name, string CountryCode, int Actions);

public sealed record MappingIndexPage(int CohortId, string CohortName, IReadOnlyList<CohortOption> Cohorts, IReadOnlyList<MappingGovernmentRow> Governments, bool CanPublish);

public sealed record LocalActionRow(
    int Id, string Title, string? Description, LocalActionStatus Status, string? Strengthening, IReadOnlyList<int> Objectives, IReadOnlyList<int> Principles, int Version);

public sealed record LocalGovernmentMapping(
    int CohortId, string CohortName, int LocalGovernmentId, string LocalGovernmentName, string CountryCode, bool CanEdit, IReadOnlyList<LocalActionRow> Actions,
    GcmCatalogPage Catalog);

public sealed class LocalActionForm : IVersionedForm
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Title")]
    public string? Title { get; set; }

    [StringLength(4000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Description")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_Status")]
    public LocalActionStatus? Status { get; set; }

    [StringLength(2000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Strengthening")]
    public string? Strengthening { get; set; }

    public List<int> Objectives { get; set; } = [];

    public List<int> Principles { get; set; } = [];

    public int Version { get; set; }
}

public sealed record LocalActionEditor(int? Id, int CohortId, int LocalGovernmentId, string LocalGovernmentName, LocalActionForm Form, GcmCatalogPage Catalog);

public enum CoverageBy
{
    Country,
    LocalGovernment,
}

/// <summary>How many actions touch each GCM objective, per country or per local government.</summary>
public sealed record CoveragePage(
    int CohortId, string CohortName, IReadOnlyList<CohortOption> Cohorts, CoverageBy By, IReadOnlyList<(string Key, string Label)> Columns,
    IReadOnlyDictionary<(int Objective, string Column), int> Counts, GcmCatalogPage Catalog)
{
    public int Count(int objective, string column) => Counts.GetValueOrDefault((objective, column));

    public int Total(int objective) => Columns.Sum(c => Count(objective, c.Key));

    public int Max => Counts.Count == 0 ? 0 : Counts.Values.Max();
}
