using System.ComponentModel.DataAnnotations;

namespace ChampionPortal.Web.Features.Account;

public sealed class ForgotPasswordForm
{
    [Required(ErrorMessage = "Validation_Required")]
    [EmailAddress(ErrorMessage = "Validation_Email")]
    [Display(Name = "Field_Email")]
    public string? Email { get; set; }
}

/// <summary>A new password typed twice, as every form that sets one asks for it.</summary>
public abstract class NewPasswordFields
{
    [Required(ErrorMessage = "Validation_Required")]
    [DataType(DataType.Password)]
    [Display(Name = "Field_NewPassword")]
    public string? NewPassword { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "Validation_PasswordsDiffer")]
    [Display(Name = "Field_ConfirmPassword")]
    public string? ConfirmPassword { get; set; }
}

public sealed class ResetPasswordForm : NewPasswordFields
{
    public int UserId { get; set; }

    public string Token { get; set; } = "";
}

public sealed class ChangePasswordForm : NewPasswordFields
{
    [Required(ErrorMessage = "Validation_Required")]
    [DataType(DataType.Password)]
    [Display(Name = "Field_CurrentPassword")]
    public string? CurrentPassword { get; set; }
}

public sealed class ProfileForm
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_FullName")]
    public string? FullName { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_PreferredLanguage")]
    public string? PreferredLanguage { get; set; }

    /// <summary>For an authority: listed by name in the public champions directory of the cohorts where recognized.</summary>
    [Display(Name = "Field_DirectoryConsent")]
    public bool DirectoryConsent { get; set; }
}

public sealed record ProfilePage(ProfileForm Form, string Email, IReadOnlyList<string> Roles)
{
    /// <summary>The signed-in user is an authority, whose consent to the public directory the profile holds.</summary>
    public bool IsAuthority { get; init; }
}

/// <summary>The second step of signing in: a code from the authenticator app, or one of the recovery codes.</summary>
public sealed class TwoFactorSignInForm
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(40, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_TwoFactorCode")]
    public string? Code { get; set; }

    public bool UseRecoveryCode { get; set; }

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>The code that proves the authenticator app was set up with the key shown.</summary>
public sealed class TwoFactorCodeForm
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(12, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_TwoFactorCode")]
    public string? Code { get; set; }

    /// <summary>The e-mailed set-up link's token, needed after the grace period.</summary>
    [StringLength(1000, ErrorMessage = "Validation_MaxLength")]
    public string? Enrolment { get; set; }
}
