using System.ComponentModel.DataAnnotations;

namespace ChampionPortal.Web.Features.ReferenceData;

public sealed record GcmObjectiveRow(int Number, string ShortEn, string ShortEs, string ShortPt, string TitleEn, string TitleEs, string TitlePt);

public sealed record GuidingPrincipleRow(int Number, string TitleEn, string TitleEs, string TitlePt);

public sealed record ReferenceDataOverview(IReadOnlyList<GcmObjectiveRow> Objectives, IReadOnlyList<GuidingPrincipleRow> Principles);

/// <summary>An Administrator's correction of a reference title, in the three languages at once.</summary>
public sealed class ReferenceTitleForm
{
    [StringLength(100, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_ShortEn")]
    public string? ShortEn { get; set; }

    [StringLength(100, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_ShortEs")]
    public string? ShortEs { get; set; }

    [StringLength(100, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_ShortPt")]
    public string? ShortPt { get; set; }

    [Required(ErrorMessage = "Validation_Required"), StringLength(400, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_TitleEn")]
    public string? TitleEn { get; set; }

    [Required(ErrorMessage = "Validation_Required"), StringLength(400, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_TitleEs")]
    public string? TitleEs { get; set; }

    [Required(ErrorMessage = "Validation_Required"), StringLength(400, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_TitlePt")]
    public string? TitlePt { get; set; }

    public int Version { get; set; }
}

public enum ReferenceKind
{
    Objective,
    Principle,
}

public sealed record ReferenceTitleEditor(ReferenceKind Kind, int Number, ReferenceTitleForm Form);
