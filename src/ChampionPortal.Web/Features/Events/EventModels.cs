using System.ComponentModel.DataAnnotations;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Cohorts;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Localization;

namespace ChampionPortal.Web.Features.Events;

public sealed class EventListQuery : ListQuery
{
    public int? Cohort { get; set; }
    public EventKind? Kind { get; set; }
}

public sealed record CohortOption(int Id, string Code, string Name);

public sealed record EventRow(int Id, string CohortCode, EventKind Kind, string Name, int SessionCount);

public sealed record EventListPage(EventListQuery Query, PagedList<EventRow> Results, IReadOnlyList<CohortOption> Cohorts);

public sealed record EventDetails(
    int Id, int CohortId, string CohortCode, string CohortName, EventKind Kind, string Name, string DefaultTimeZone, int Version,
    IReadOnlyList<CohortSessionSummary> Sessions)
{
    public string? NameEs { get; init; }
    public string? NamePt { get; init; }

    /// <summary>The name in the reader's language.</summary>
    public string DisplayName => PortalCultures.Pick(Name, NameEs, NamePt);
}

public sealed class EventForm : NamedInThreeLanguagesForm, IValidatableObject, IVersionedForm
{
    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_Cohort")]
    public int? CohortId { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_EventKind")]
    public EventKind? Kind { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_TimeZone")]
    public string? DefaultTimeZone { get; set; }

    public int Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultTimeZone is not null && !CountryTimeZones.All.Contains(DefaultTimeZone))
        {
            yield return Localized.Error(validationContext, "Validation_UnknownTimeZone", nameof(DefaultTimeZone));
        }
    }
}

public sealed record EventEditor(int? Id, EventForm Form, IReadOnlyList<CohortOption> Cohorts);
