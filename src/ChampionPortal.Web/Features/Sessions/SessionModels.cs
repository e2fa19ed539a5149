using System.ComponentModel.DataAnnotations;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Text;

namespace ChampionPortal.Web.Features.Sessions;

public sealed class SessionListQuery : ListQuery
{
    public int? Cohort { get; set; }
    public int? Event { get; set; }
    public SessionModality? Modality { get; set; }
}

public sealed record SessionRow(
    int Id, string Code, string Title, string CohortCode, int EventId, string EventName, DateTime StartsAtUtc, DateTime EndsAtUtc, string TimeZone, SessionModality Modality);

public sealed record SessionListPage(SessionListQuery Query, PagedList<SessionRow> Results, IReadOnlyList<CohortOption> Cohorts);

public sealed record SessionDetails(
    int Id, int EventId, string EventName, int CohortId, string CohortCode, string Code, string Title, DateTime StartsAtUtc, DateTime EndsAtUtc,
    string TimeZone, SessionModality Modality, string? Venue, string? JoinUrl, int Version)
{
    public string? TitleEs { get; init; }
    public string? TitlePt { get; init; }

    /// <summary>The title in the reader's language.</summary>
    public string DisplayTitle => PortalCultures.Pick(Title, TitleEs, TitlePt);

    /// <summary>Attendance or workshop outputs refer to the session: it stays as the record of what happened.</summary>
    public bool HasRecords { get; init; }
}

/// <summary>A session's form: date and times as wall-clock time in the chosen zone, converted to UTC when saved.</summary>
public sealed class SessionForm : IValidatableObject, IVersionedForm
{
    [Required(ErrorMessage = "Validation_Required")]
    public int? EventId { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(20, ErrorMessage = "Validation_MaxLength")]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9-]*$", ErrorMessage = "Validation_Code")]
    [Display(Name = "Field_Code")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_TitleEnglish")]
    public string? Title { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_TitleSpanish")]
    public string? TitleEs { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_TitlePortuguese")]
    public string? TitlePt { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_Date")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_StartTime")]
    public TimeOnly? StartTime { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_EndTime")]
    public TimeOnly? EndTime { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_TimeZone")]
    public string? TimeZone { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_Modality")]
    public SessionModality? Modality { get; set; }

    [StringLength(500, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Venue")]
    public string? Venue { get; set; }

    [StringLength(500, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_JoinUrl")]
    public string? JoinUrl { get; set; }

    public int Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TimeZone is not null && !CountryTimeZones.All.Contains(TimeZone))
        {
            yield return Localized.Error(validationContext, "Validation_UnknownTimeZone", nameof(TimeZone));
            yield break;
        }

        if (!string.IsNullOrWhiteSpace(JoinUrl))
        {
            if (!Uri.TryCreate(JoinUrl.Trim(), UriKind.Absolute, out var join) || join.Scheme is not ("https" or "http"))
            {
                yield return Localized.Error(validationContext, "Validation_JoinUrl", nameof(JoinUrl));
            }
            else if (Modality == SessionModality.InPerson)
            {
                yield return Localized.Error(validationContext, "Validation_JoinUrlInPerson", nameof(JoinUrl));
            }
        }

        if (Date is not { } date || StartTime is not { } start || EndTime is not { } end || TimeZone is null)
        {
            yield break;
        }

        if (end <= start)
        {
            yield return Localized.Error(validationContext, "Validation_EndBeforeStart", nameof(EndTime));
        }

        if (!ZonedTime.TryToUtc(date, start, TimeZone, out _))
        {
            yield return Localized.Error(validationContext, "Validation_TimeSkippedByClockChange", nameof(StartTime));
        }

        if (!ZonedTime.TryToUtc(date, end, TimeZone, out _))
        {
            yield return Localized.Error(validationContext, "Validation_TimeSkippedByClockChange", nameof(EndTime));
        }
    }
}

public sealed record SessionEditor(int? Id, SessionForm Form, string EventName, int CohortId);
