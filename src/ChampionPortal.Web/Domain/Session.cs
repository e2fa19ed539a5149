namespace ChampionPortal.Web.Domain;

public enum SessionModality
{
    InPerson,
    Virtual,
    Hybrid,
}

public class Session : IVersioned, ICountedInCohortFigures
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }

    // Carried (and kept consistent with the event by a composite foreign key) so that the session code can be
    // unique within the cohort as a database index.
    public int CohortId { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }

    /// <summary>The title in Spanish and in Portuguese, when staff gave one; readers of those languages see it instead of <see cref="Title"/>.</summary>
    public string? TitleEs { get; set; }
    public string? TitlePt { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public DateTime EndsAtUtc { get; set; }
    public required string TimeZone { get; set; }
    public SessionModality Modality { get; set; }

    /// <summary>Where an in-person or hybrid session takes place.</summary>
    public string? Venue { get; set; }

    /// <summary>
    /// The video meeting's address for a virtual or hybrid session. Shown only to staff and to people who accepted the
    /// cohort's invitation (their pages, e-mails and calendars); never on a public page.
    /// </summary>
    public string? JoinUrl { get; set; }

    /// <summary>The calendar entry's UID: random and fixed at creation, so that every update replaces the same entry in people's calendars.</summary>
    public string CalendarUid { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>iCalendar SEQUENCE: raised whenever the time, place or join link changes, so that calendars apply the update.</summary>
    public int CalendarSequence { get; set; }

    /// <summary>A short random code shown at the session (and in its QR code) for self check-in; not the guessable session code.</summary>
    public string? CheckInCode { get; set; }
    public int Version { get; set; }
}
