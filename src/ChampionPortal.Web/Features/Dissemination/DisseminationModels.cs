using System.ComponentModel.DataAnnotations;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.Publications;
using ChampionPortal.Web.Features.Shared;

namespace ChampionPortal.Web.Features.Dissemination;

/// <summary>Marker for this feature's resource files (DisseminationResources.resx, .es.resx, .pt.resx).</summary>
public sealed class DisseminationResources;

public sealed record StakeholderRow(int Id, string Organization, string ContactName, string Email, string? CountryCode, string Language);

public sealed class StakeholderForm
{
    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Organization")]
    public string? Organization { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Contact")]
    public string? ContactName { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [EmailAddress(ErrorMessage = "Validation_Email")]
    [StringLength(256, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Email")]
    public string? Email { get; set; }

    public string? CountryCode { get; set; }

    public string Language { get; set; } = "es";
}

public sealed record SentRow(int Id, DateTime SentAtUtc, int Recipients, int Downloaded, IReadOnlyList<RecipientRow> People);

public sealed record RecipientRow(string Name, string Email, string Language, DateTime? FirstDownloadAtUtc, int Downloads);

public sealed record DisseminationPage(
    int CohortId, string CohortName, IReadOnlyList<CohortOption> Cohorts, IReadOnlyList<PublicationRow> Publications, IReadOnlyList<(int Id, string Title)> Resources,
    int Champions, IReadOnlyList<StakeholderRow> Stakeholders, IReadOnlyList<SentRow> Sent, StakeholderForm StakeholderForm, DisseminationForm Form);

public sealed class DisseminationForm : IValidatableObject
{
    public int? AgendaPublicationId { get; set; }
    public int? MappingPublicationId { get; set; }
    public List<int> ResourceIds { get; set; } = [];
    public bool Champions { get; set; } = true;
    public List<int> StakeholderIds { get; set; } = [];

    [StringLength(DisseminationIntroduction.MaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_IntroductionEnglish")]
    public string? Introduction { get; set; }

    [StringLength(DisseminationIntroduction.MaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_IntroductionSpanish")]
    public string? IntroductionEs { get; set; }

    [StringLength(DisseminationIntroduction.MaxLength, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_IntroductionPortuguese")]
    public string? IntroductionPt { get; set; }

    /// <summary>A translation needs the English, which readers of a language left empty get.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Introduction) && !(string.IsNullOrWhiteSpace(IntroductionEs) && string.IsNullOrWhiteSpace(IntroductionPt)))
        {
            yield return Localized.Error(validationContext, "Validation_IntroductionEnglish", nameof(Introduction));
        }
    }
}

public sealed record MaterialItem(string Title, string Url);

/// <summary>What a recipient's personal link shows: the material sent to them, in their language.</summary>
public sealed record MaterialPage(string RecipientName, string CohortName, string? Introduction, IReadOnlyList<MaterialItem> Items);

/// <summary>One thing sent: a published version (named in the recipient's language by the e-mail) or a resource by its title.</summary>
public sealed record MailItem(PublicationKind? Kind, int Number, string? Title);

public sealed record DisseminationEmail(string RecipientName, string CohortName, string? Introduction, string Link, IReadOnlyList<MailItem> Items);
