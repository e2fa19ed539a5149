using System.Linq.Expressions;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Infrastructure.Localization;

namespace ChampionPortal.Web.Features.Calendar;

/// <summary>A session as calendars and calendar e-mails show it, with its names in every language, picked per recipient.</summary>
public sealed record CalendarSession(
    int Id, int CohortId, string Uid, int Sequence, DateTime StartsAtUtc, DateTime EndsAtUtc, string TimeZone, SessionModality Modality, string? Venue, string? JoinUrl)
{
    public required NameInThreeLanguages Title { get; init; }
    public required NameInThreeLanguages EventName { get; init; }
    public required NameInThreeLanguages CohortName { get; init; }

    public static readonly Expression<Func<Session, CalendarSession>> FromSession = s => new CalendarSession(
        s.Id, s.CohortId, s.CalendarUid, s.CalendarSequence, s.StartsAtUtc, s.EndsAtUtc, s.TimeZone, s.Modality, s.Venue, s.JoinUrl)
    {
        Title = new NameInThreeLanguages(s.Title, s.TitleEs, s.TitlePt),
        EventName = new NameInThreeLanguages(s.Event!.Name, s.Event.NameEs, s.Event.NamePt),
        CohortName = new NameInThreeLanguages(s.Event.Cohort!.Name, s.Event.Cohort.NameEs, s.Event.Cohort.NamePt),
    };

    /// <summary>"Launch forum: Opening session" in the current language; the title alone when it repeats the event's name.</summary>
    public string Summary
    {
        get
        {
            var title = PortalCultures.Pick(Title.En, Title.Es, Title.Pt);
            var eventName = PortalCultures.Pick(EventName.En, EventName.Es, EventName.Pt);
            return string.Equals(title, eventName, StringComparison.CurrentCultureIgnoreCase) ? title : $"{eventName}: {title}";
        }
    }

    public string ReaderCohortName => PortalCultures.Pick(CohortName.En, CohortName.Es, CohortName.Pt);

    public bool HasJoinLink => Modality != SessionModality.InPerson && JoinUrl is not null;
}

/// <summary>A name as staff entered it in English, with its Spanish and Portuguese when given.</summary>
public sealed record NameInThreeLanguages(string En, string? Es, string? Pt);
