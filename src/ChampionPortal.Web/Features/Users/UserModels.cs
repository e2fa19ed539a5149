using System.ComponentModel.DataAnnotations;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Localization;

namespace ChampionPortal.Web.Features.Users;

public enum UserStatusFilter
{
    Active,
    Inactive,
    LockedOut,
}

public sealed class UserListQuery : ListQuery
{
    public string? Role { get; set; }
    public UserStatusFilter? Status { get; set; }
}

public sealed record UserRow(int Id, string Email, string FullName, string? Role, string? CountryCode, string? AuthorityName, bool IsActive, bool IsLockedOut);

public sealed record UserListPage(UserListQuery Query, PagedList<UserRow> Results);

public sealed record UserDetails(
    int Id, string Email, string FullName, string? Role, string? CountryCode, int? AuthorityId, string? AuthorityName, string PreferredLanguage,
    bool IsActive, DateTimeOffset? LockedOutUntil, int FailedSignIns, DateTime CreatedAtUtc);

public sealed record AuthorityOption(int Id, string FullName, string CountryCode);

public sealed class NewUserForm : IValidatableObject
{
    [Required(ErrorMessage = "Validation_Required")]
    [EmailAddress(ErrorMessage = "Validation_Email")]
    [StringLength(256, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Email")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_FullName")]
    public string? FullName { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_Role")]
    public string? Role { get; set; }

    [Display(Name = "Field_Country")]
    public string? CountryCode { get; set; }

    [Display(Name = "Field_Authority")]
    public int? AuthorityId { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_PreferredLanguage")]
    public string? PreferredLanguage { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Role is not null && !Roles.All.Contains(Role))
        {
            yield return Localized.Error(validationContext, "Validation_UnknownRole", nameof(Role));
        }

        if (Role == Roles.CountryOffice && string.IsNullOrEmpty(CountryCode))
        {
            yield return Localized.Error(validationContext, "Validation_CountryOfficeNeedsCountry", nameof(CountryCode));
        }

        if (Role == Roles.Authority && AuthorityId is null)
        {
            yield return Localized.Error(validationContext, "Validation_AuthorityNeedsRecord", nameof(AuthorityId));
        }

        if (PreferredLanguage is not null && !PortalCultures.IsSupported(PreferredLanguage))
        {
            yield return Localized.Error(validationContext, "Validation_UnknownLanguage", nameof(PreferredLanguage));
        }
    }
}

public sealed record NewUserEditor(NewUserForm Form, IReadOnlyList<CountryOption> Countries, IReadOnlyList<AuthorityOption> Authorities);
