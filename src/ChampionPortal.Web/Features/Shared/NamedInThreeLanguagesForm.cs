using System.ComponentModel.DataAnnotations;

namespace ChampionPortal.Web.Features.Shared;

/// <summary>
/// A form for something whose name readers see in their own language: English required, Spanish and Portuguese
/// optional, each falling back to English (<see cref="Infrastructure.Localization.PortalCultures.Pick(string, string?, string?)"/>).
/// </summary>
public abstract class NamedInThreeLanguagesForm
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_NameEnglish")]
    public string? Name { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_NameSpanish")]
    public string? NameEs { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_NamePortuguese")]
    public string? NamePt { get; set; }
}
