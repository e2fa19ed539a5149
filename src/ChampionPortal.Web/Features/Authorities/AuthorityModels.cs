using System.ComponentModel.DataAnnotations;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Localization;

namespace ChampionPortal.Web.Features.Authorities;

public sealed class AuthorityListQuery : ListQuery
{
    public string? Country { get; set; }
    public int? LocalGovernment { get; set; }
    public string? Language { get; set; }
}

public sealed record AuthorityRow(
    int Id, string FullName, string Position, string? LocalGovernmentName, string CountryNameEn, string CountryNameEs, string CountryNamePt,
    string PreferredLanguage, bool HasAccount)
{
    public string CountryName => PortalCultures.Pick(CountryNameEn, CountryNameEs, CountryNamePt);
}

public sealed record LocalGovernmentOption(int Id, string Name, string CountryCode);

public sealed record AuthorityListPage(
    AuthorityListQuery Query, PagedList<AuthorityRow> Results, IReadOnlyList<CountryOption> Countries, bool CountryFixed);

public sealed record AuthorityDetails(
    int Id, string FullName, string Position, string Email, string? Phone, string PreferredLanguage, GenderCategory Gender, string? GenderDescription,
    int? LocalGovernmentId, string? LocalGovernmentName, string CountryCode, string CountryNameEn, string CountryNameEs, string CountryNamePt,
    bool HasAccount, int Version) : ICountryScoped
{
    /// <summary>Nominations, invitations, attendance or certificates refer to the person: the initiative's record of them.</summary>
    public bool HasRecords { get; init; }

    public string CountryName => PortalCultures.Pick(CountryNameEn, CountryNameEs, CountryNamePt);
}

public sealed class AuthorityForm : IValidatableObject, IVersionedForm
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_FullName")]
    public string? FullName { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Position")]
    public string? Position { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [EmailAddress(ErrorMessage = "Validation_Email")]
    [StringLength(256, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Email")]
    public string? Email { get; set; }

    [Phone(ErrorMessage = "Validation_Phone")]
    [StringLength(40, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Phone")]
    public string? Phone { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_PreferredLanguage")]
    public string? PreferredLanguage { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_Gender")]
    public GenderCategory? Gender { get; set; }

    [StringLength(100, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_GenderDescription")]
    public string? GenderDescription { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_Country")]
    public string? CountryCode { get; set; }

    [Display(Name = "Field_LocalGovernment")]
    public int? LocalGovernmentId { get; set; }

    public int Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PreferredLanguage is not null && !PortalCultures.IsSupported(PreferredLanguage))
        {
            yield return Localized.Error(validationContext, "Validation_UnknownLanguage", nameof(PreferredLanguage));
        }

        if (Gender == GenderCategory.SelfDescribed && string.IsNullOrWhiteSpace(GenderDescription))
        {
            yield return Localized.Error(validationContext, "Validation_GenderDescriptionRequired", nameof(GenderDescription));
        }
    }
}

public sealed record AuthorityEditor(
    int? Id, AuthorityForm Form, IReadOnlyList<CountryOption> Countries, IReadOnlyList<LocalGovernmentOption> LocalGovernments);
