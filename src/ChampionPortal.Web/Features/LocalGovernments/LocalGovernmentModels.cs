using System.ComponentModel.DataAnnotations;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Localization;

namespace ChampionPortal.Web.Features.LocalGovernments;

public sealed class LocalGovernmentListQuery : ListQuery
{
    public string? Country { get; set; }
    public LocalGovernmentKind? Kind { get; set; }
}

public sealed record LocalGovernmentRow(
    int Id, string Name, LocalGovernmentKind Kind, string CountryCode, string CountryNameEn, string CountryNameEs, string CountryNamePt,
    bool IsMercociudadesMember, int AuthorityCount)
{
    public string CountryName => PortalCultures.Pick(CountryNameEn, CountryNameEs, CountryNamePt);
}

public sealed record LocalGovernmentListPage(
    LocalGovernmentListQuery Query, PagedList<LocalGovernmentRow> Results, IReadOnlyList<CountryOption> Countries, bool CountryFixed);

public sealed record LocalGovernmentDetails(
    int Id, string Name, LocalGovernmentKind Kind, string CountryCode, string CountryNameEn, string CountryNameEs, string CountryNamePt,
    string TimeZone, double? Latitude, double? Longitude, bool IsMercociudadesMember, int AuthorityCount, int Version) : ICountryScoped
{
    public string CountryName => PortalCultures.Pick(CountryNameEn, CountryNameEs, CountryNamePt);
}

/// <summary>The create and edit form. Numbers are shown and parsed in the reader's culture ("-34,6" in es and pt).</summary>
public sealed class LocalGovernmentForm : IValidatableObject, IVersionedForm
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Name")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_Kind")]
    public LocalGovernmentKind? Kind { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_Country")]
    public string? CountryCode { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_TimeZone")]
    public string? TimeZone { get; set; }

    [Range(-90.0, 90.0, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_Latitude")]
    public double? Latitude { get; set; }

    [Range(-180.0, 180.0, ErrorMessage = "Validation_Range")]
    [Display(Name = "Field_Longitude")]
    public double? Longitude { get; set; }

    [Display(Name = "Field_Mercociudades")]
    public bool IsMercociudadesMember { get; set; }

    public int Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CountryCode is not null && TimeZone is not null && !CountryTimeZones.IsValid(CountryCode, TimeZone))
        {
            yield return Localized.Error(validationContext, "Validation_TimeZoneNotInCountry", nameof(TimeZone));
        }

        if (Latitude.HasValue != Longitude.HasValue)
        {
            yield return Localized.Error(validationContext, "Validation_CoordinatesTogether", nameof(Latitude), nameof(Longitude));
        }
    }
}

/// <summary>What the create and edit pages show: the form, the choices, and a conflict when someone else saved first.</summary>
public sealed record LocalGovernmentEditor(
    int? Id, LocalGovernmentForm Form, IReadOnlyList<CountryOption> Countries, LocalGovernmentDetails? ConflictingValues = null);
