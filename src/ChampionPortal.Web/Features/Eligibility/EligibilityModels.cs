using System.ComponentModel.DataAnnotations;
using ChampionPortal.Web.Domain;

namespace ChampionPortal.Web.Features.Eligibility;

/// <summary>Marker for this feature's resource files (EligibilityResources.resx, .es.resx, .pt.resx).</summary>
public sealed class EligibilityResources;

/// <summary>One part of the explanation of a decision: a resource key and its arguments, said in the reader's language.</summary>
public sealed record Reason(string Key, params object[] Arguments);

/// <summary>
/// A certificate of the cohort that staff revoked and have not reissued: its recipient is issued nothing new until they do.
/// </summary>
public sealed record Revocation(int CertificateId, DateTime RevokedAtUtc, string Reason);

public sealed record PersonEligibility(
    int AuthorityId, string FullName, string CountryCode, IReadOnlyList<string> Governments, bool Eligible, IReadOnlyList<Reason> Reasons,
    bool? ExceptionGranted, string? ExceptionReason, Revocation? Revocation = null);

public sealed record GovernmentEligibility(int LocalGovernmentId, string Name, string CountryCode, IReadOnlyList<string> Through, Revocation? Revocation = null);

public sealed record EligibilityPage(
    int CohortId, string CohortName, RulesForm Rules, IReadOnlyList<PersonEligibility> People, IReadOnlyList<GovernmentEligibility> Governments)
{
    public int EligiblePeople => People.Count(p => p.Eligible);
}

public sealed class RulesForm
{
    public bool RequireLaunchForum { get; set; } = true;
    public bool RequireWorkshop { get; set; } = true;

    [Range(1, 20, ErrorMessage = "Validation_Range")]
    public int MinimumSessionsPerEvent { get; set; } = 1;

    public bool RequireAcceptedInvitation { get; set; } = true;

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    public string? SignatoryName { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_SignatoryTitle")]
    public string? SignatoryTitle { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_SignatoryTitleSpanish")]
    public string? SignatoryTitleEs { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_SignatoryTitlePortuguese")]
    public string? SignatoryTitlePt { get; set; }

    public int Version { get; set; }

    public static RulesForm From(RecognitionRules rules) => new()
    {
        RequireLaunchForum = rules.RequireLaunchForum,
        RequireWorkshop = rules.RequireWorkshop,
        MinimumSessionsPerEvent = rules.MinimumSessionsPerEvent,
        RequireAcceptedInvitation = rules.RequireAcceptedInvitation,
        SignatoryName = rules.SignatoryName,
        SignatoryTitle = rules.SignatoryTitle,
        SignatoryTitleEs = rules.SignatoryTitleEs,
        SignatoryTitlePt = rules.SignatoryTitlePt,
        Version = rules.Version,
    };
}

public sealed class ExceptionForm
{
    /// <summary>"grant", "withhold", or "clear" to go back to the rules.</summary>
    public string? Decision { get; set; }

    [StringLength(1000, ErrorMessage = "Validation_MaxLength"), Display(Name = "Field_Reason")]
    public string? Reason { get; set; }
}
