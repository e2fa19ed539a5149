using System.ComponentModel.DataAnnotations;

namespace ChampionPortal.Web.Features.Account;

public sealed class SignInForm
{
    [Required(ErrorMessage = "Validation_Required")]
    [EmailAddress(ErrorMessage = "Validation_Email")]
    [Display(Name = "Field_Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation_Required")]
    [DataType(DataType.Password)]
    [Display(Name = "Field_Password")]
    public string Password { get; set; } = "";

    [Display(Name = "Field_RememberMe")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}
