using System.ComponentModel.DataAnnotations;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Shared;

namespace ChampionPortal.Web.Features.Cohorts;

public sealed class CohortListQuery : ListQuery
{
    public CohortStatus? Status { get; set; }
}

public sealed record CohortRow(int Id, string Code, string Name, DateOnly StartDate, DateOnly EndDate, CohortStatus Status, int EventCount, int SessionCount);

public sealed record CohortListPage(CohortListQuery Query, PagedList<CohortRow> Results);

public sealed record CohortSessionSummary(int Id, string Code, string Title, DateTime StartsAtUtc, DateTime EndsAtUtc, string TimeZone, SessionModality Modality);

public sealed record CohortEventSummary(int Id, EventKind Kind, string Name, IReadOnlyList<CohortSessionSummary> Sessions);

public sealed record CohortDetails(
    int Id, string Code, string Name, DateOnly StartDate, DateOnly EndDate, CohortStatus Status, int Version, IReadOnlyList<CohortEventSummary> Events)
{
    public string? NameEs { get; init; }
    public string? NamePt { get; init; }

    public string DisplayName => Infrastructure.Localization.PortalCultures.Pick(Name, NameEs, NamePt);
}

public sealed class CohortForm : NamedInThreeLanguagesForm, IValidatableObject, IVersionedForm
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(20, ErrorMessage = "Validation_MaxLength")]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9-]*$", ErrorMessage = "Validation_Code")]
    [Display(Name = "Field_Code")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_StartDate")]
    public DateOnly? StartDate { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_EndDate")]
    public DateOnly? EndDate { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_Status")]
    public CohortStatus? Status { get; set; }

    public int Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StartDate > EndDate)
        {
            yield return Localized.Error(validationContext, "Validation_EndBeforeStart", nameof(EndDate));
        }
    }
}

public sealed record CohortEditor(int? Id, CohortForm Form);
