using System.ComponentModel.DataAnnotations;
using ChampionPortal.Web.Domain;

namespace ChampionPortal.Web.Features.Resources;

/// <summary>Marker for this feature's resource files (ResourcesResources.resx, .es.resx, .pt.resx).</summary>
public sealed class ResourcesResources;

/// <summary>The resource library's limits: the largest upload in megabytes.</summary>
public sealed class ResourceOptions
{
    public const string Section = "Resources";

    public int MaxMegabytes { get; set; } = 20;
}

public sealed record ResourceFileRow(string Language, bool IsLink, string? FileName, long Size);

public sealed record ResourceRow(int Id, string Title, string? Description, ResourceVisibility Visibility, IReadOnlyList<ResourceFileRow> Files);

public sealed record ResourceLibrary(IReadOnlyList<ResourceRow> Resources, bool CanManage, ResourceForm Form, int MaxMegabytes);

public sealed class ResourceForm
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(300, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_TitleEnglish")]
    public string? Title { get; set; }

    [StringLength(300, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_TitleSpanish")]
    public string? TitleEs { get; set; }

    [StringLength(300, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_TitlePortuguese")]
    public string? TitlePt { get; set; }

    [StringLength(2000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_DescriptionEnglish")]
    public string? Description { get; set; }

    [StringLength(2000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_DescriptionSpanish")]
    public string? DescriptionEs { get; set; }

    [StringLength(2000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_DescriptionPortuguese")]
    public string? DescriptionPt { get; set; }

    public ResourceVisibility Visibility { get; set; } = ResourceVisibility.Champions;

    public string Language { get; set; } = "es";

    [StringLength(1000, ErrorMessage = "Validation_MaxLength")]
    public string? Url { get; set; }

    /// <summary>Set to add a language to an existing resource instead of creating one.</summary>
    public int? ResourceId { get; set; }
}

/// <summary>What to send back for a download: the bytes of a file, or the address of a link.</summary>
public sealed record ResourceDownload(string? Url, byte[]? Content, string? ContentType, string? FileName);
