using System.ComponentModel.DataAnnotations;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Localization;

namespace ChampionPortal.Web.Features.Nominations;

/// <summary>Marker for this feature's resource files (NominationsResources.resx, .es.resx, .pt.resx).</summary>
public sealed class NominationsResources;

public sealed class NominationListQuery : ListQuery
{
    public int? Cohort { get; set; }
    public string? Country { get; set; }
    public NominationStatus? Status { get; set; }
    public int? MinCriteria { get; set; }
}

public sealed record NominationRow(
    int Id, string AuthorityName, string? LocalGovernmentName, string CountryCode, string CohortCode, NominationStatus Status, int CriteriaMet, DateTime? SubmittedAtUtc);

/// <summary>Per country of a cohort: approved nominees against the optional quota.</summary>
public sealed record QuotaLine(string CountryCode, string CountryName, int Submitted, int Approved, int? Quota)
{
    public bool Reached => Quota is { } quota && Approved >= quota;
}

public sealed record NominationListPage(
    NominationListQuery Query, PagedList<NominationRow> Results, IReadOnlyList<CohortOption> Cohorts, IReadOnlyList<CountryOption> Countries,
    bool CountryFixed, IReadOnlyList<QuotaLine> Quotas);

public sealed record CriterionEvidence(SelectionCriterion Criterion, bool Met, string? EvidenceUrl, string? EvidenceText, string? Note);

public sealed record NominationHistoryLine(int Id, string CohortCode, NominationStatus Status);

public sealed record TimelineEntry(DateTime AtUtc, string Actor, NominationStatus? From, NominationStatus To, string? Comment);

public sealed record NominationDetails(
    int Id, int CohortId, string CohortCode, string CohortName, int AuthorityId, string AuthorityName, string Position, string Email,
    string? LocalGovernmentName, string CountryCode, string CountryNameEn, string CountryNameEs, string CountryNamePt,
    NominationStatus Status, string Justification, string? ReviewComment, int CriteriaMet, int Version,
    IReadOnlyList<CriterionEvidence> Criteria) : ICountryScoped
{
    public string CountryName => PortalCultures.Pick(CountryNameEn, CountryNameEs, CountryNamePt);

    public bool OpenToOffice => Status is NominationStatus.Draft or NominationStatus.Submitted;
}

public sealed record NominationPage(NominationDetails Details, IReadOnlyList<NominationHistoryLine> History, IReadOnlyList<TimelineEntry> Timeline);

public sealed class CriterionForm
{
    public SelectionCriterion Criterion { get; set; }
    public bool Met { get; set; }

    [Url(ErrorMessage = "Validation_Url")]
    [StringLength(500, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_EvidenceUrl")]
    public string? EvidenceUrl { get; set; }

    [StringLength(2000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_EvidenceText")]
    public string? EvidenceText { get; set; }

    [StringLength(1000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Note")]
    public string? Note { get; set; }
}

/// <summary>A nomination: an existing authority of the office's country, or a new one (and possibly a new local government).</summary>
public sealed class NominationForm : IValidatableObject, IVersionedForm
{
    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_Cohort")]
    public int? CohortId { get; set; }

    [Display(Name = "Field_Authority")]
    public int? AuthorityId { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_FullName")]
    public string? NewAuthorityName { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Position")]
    public string? NewAuthorityPosition { get; set; }

    [EmailAddress(ErrorMessage = "Validation_Email")]
    [StringLength(256, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Email")]
    public string? NewAuthorityEmail { get; set; }

    [Display(Name = "Field_LocalGovernment")]
    public int? LocalGovernmentId { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_NewLocalGovernment")]
    public string? NewLocalGovernmentName { get; set; }

    public List<CriterionForm> Criteria { get; set; } = [];

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(4000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Justification")]
    public string? Justification { get; set; }

    /// <summary>Ticked by the office after it looked at the possible duplicates the portal flagged.</summary>
    public bool ConfirmNotDuplicate { get; set; }

    /// <summary>Which button was pressed: save the draft, or submit for review.</summary>
    public bool Submit { get; set; }

    public int Version { get; set; }

    public bool CreatesAuthority => AuthorityId is null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CreatesAuthority)
        {
            if (string.IsNullOrWhiteSpace(NewAuthorityName) || string.IsNullOrWhiteSpace(NewAuthorityPosition) || string.IsNullOrWhiteSpace(NewAuthorityEmail))
            {
                yield return Localized.Error(validationContext, "Validation_NomineeRequired", nameof(AuthorityId));
            }

            if (LocalGovernmentId is null && string.IsNullOrWhiteSpace(NewLocalGovernmentName))
            {
                yield return Localized.Error(validationContext, "Validation_LocalGovernmentRequired", nameof(LocalGovernmentId));
            }
        }

        if (Criteria.Count != Enum.GetValues<SelectionCriterion>().Length || Criteria.Select(c => c.Criterion).Distinct().Count() != Criteria.Count)
        {
            yield return Localized.Error(validationContext, "Validation_AllCriteria", nameof(Criteria));
        }

        if (Criteria.Any(c => c.Met && string.IsNullOrWhiteSpace(c.EvidenceUrl) && string.IsNullOrWhiteSpace(c.EvidenceText)))
        {
            yield return Localized.Error(validationContext, "Validation_EvidenceForMetCriterion", nameof(Criteria));
        }
    }

    public static NominationForm Blank(int? cohortId) => new()
    {
        CohortId = cohortId,
        Criteria = [.. Enum.GetValues<SelectionCriterion>().Select(c => new CriterionForm { Criterion = c })],
    };
}

public sealed record AuthorityChoice(int Id, string FullName, string? LocalGovernmentName);

public sealed record LocalGovernmentChoice(int Id, string Name);

/// <summary>A possible duplicate of the authority being created: the same e-mail, or a very similar name in the same local government.</summary>
public sealed record DuplicateFlag(bool SameEmail, string? ExistingName);

public sealed record NominationEditor(
    int? Id, NominationForm Form, IReadOnlyList<CohortOption> OpenCohorts, IReadOnlyList<AuthorityChoice> Authorities,
    IReadOnlyList<LocalGovernmentChoice> LocalGovernments, IReadOnlyList<DuplicateFlag> Duplicates);

public sealed class ReviewForm
{
    public List<int> Ids { get; set; } = [];
    public bool Approve { get; set; }

    [StringLength(2000, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_ReviewComment")]
    public string? Comment { get; set; }

    /// <summary>Set when the reviewer has seen that the approval takes a country past its quota and goes ahead.</summary>
    public bool AcceptOverQuota { get; set; }

    /// <summary>Set on the confirmation page of a rejection, which names who is rejected and asks for the reason.</summary>
    public bool ConfirmReject { get; set; }
}

/// <summary>A rejection waiting for its confirmation and reason: the people it would reject, by name.</summary>
public sealed record RejectConfirmation(IReadOnlyList<string> Names, ReviewForm Form);

public sealed record QuotaWarning(IReadOnlyList<QuotaLine> Exceeded, ReviewForm Form);

public sealed record MappingOverview(
    int CohortId, string CohortCode, string CohortName, IReadOnlyList<CountryOption> Countries,
    IReadOnlyDictionary<(string Country, NominationStatus Status), int> ByStatus,
    IReadOnlyDictionary<(string Country, SelectionCriterion Criterion), int> CriteriaMet,
    IReadOnlyList<QuotaLine> Quotas);
