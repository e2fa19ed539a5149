using System.Text;
using ChampionPortal.Web.Infrastructure.Email;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Text;
using ChampionPortal.Web.Infrastructure.Web;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChampionPortal.Web.Features.Calendar;

/// <summary>Marker for this feature's resource files (CalendarResources.resx, .es.resx, .pt.resx).</summary>
public sealed class CalendarResources;

/// <summary>Who a calendar is for: named as the attendee of an invitation, its texts in their language.</summary>
public sealed record CalendarRecipient(string Name, string Email, string Language);

/// <summary>
/// Writes sessions as iCalendar (RFC 5545) with Ical.Net: each in its own time zone, with a VTIMEZONE for it, the
/// session's fixed UID and SEQUENCE, the title and description in the recipient's language, and the join link.
/// </summary>
public sealed class SessionCalendar(
    IOptions<CalendarOptions> options, IOptions<EmailOptions> email, IStringLocalizer<CalendarResources> text, PublicUrls urls, TimeProvider clock)
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    /// <summary>
    /// An iTIP invitation (<see cref="Request"/>) or cancellation (<see cref="Cancel"/>) for a recipient, or, with no
    /// method, a plain calendar to import or subscribe to.
    /// </summary>
    public string Write(IEnumerable<CalendarSession> sessions, string language, string? method, CalendarRecipient? recipient = null)
    {
        using var culture = PortalCultures.In(language);
        var calendar = new Ical.Net.Calendar { ProductId = "-//IOM Regional Office for South America//Champion Portal//EN" };
        if (method is not null)
        {
            calendar.Method = method;
        }
        else
        {
            calendar.AddProperty("X-WR-CALNAME", text["Calendar_Name"].Value);
        }

        var list = sessions.ToList();
        foreach (var zone in list.GroupBy(s => s.TimeZone))
        {
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Key, zone.Min(s => s.StartsAtUtc), includeHistoricalData: false));
        }

        var settings = email.Value;
        var organizer = new Organizer($"mailto:{options.Value.OrganizerEmail ?? settings.FromAddress}") { CommonName = options.Value.OrganizerName ?? settings.FromName };
        var stamp = new CalDateTime(clock.GetUtcNow().UtcDateTime, CalDateTime.UtcTzId);
        foreach (var session in list)
        {
            var entry = new CalendarEvent
            {
                Uid = $"{session.Uid}@champion-portal",
                Sequence = session.Sequence,
                DtStamp = stamp,
                DtStart = new CalDateTime(ZonedTime.ToLocal(session.StartsAtUtc, session.TimeZone), session.TimeZone),
                DtEnd = new CalDateTime(ZonedTime.ToLocal(session.EndsAtUtc, session.TimeZone), session.TimeZone),
                Summary = session.Summary,
                Description = Description(session),
                Location = session.Venue ?? (session.HasJoinLink ? session.JoinUrl : null),
                Url = session.HasJoinLink ? new Uri(session.JoinUrl!) : null,
                Organizer = organizer,
                Status = method == Cancel ? "CANCELLED" : "CONFIRMED",
                Transparency = "OPAQUE",
            };
            if (recipient is not null)
            {
                entry.Attendees.Add(new Attendee($"mailto:{recipient.Email}")
                {
                    CommonName = recipient.Name,
                    Role = "REQ-PARTICIPANT",
                    ParticipationStatus = "ACCEPTED",
                    Rsvp = false,
                });
            }

            calendar.Events.Add(entry);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private string Description(CalendarSession session)
    {
        var description = new StringBuilder(session.ReaderCohortName).AppendLine();
        if (session.HasJoinLink)
        {
            description.AppendLine().AppendLine(text["Calendar_JoinOnline", session.JoinUrl!]);
        }

        if (session.Venue is not null)
        {
            description.AppendLine().AppendLine(text["Calendar_Venue", session.Venue]);
        }

        return description.AppendLine().AppendLine(text["Calendar_CheckIn", urls.Absolute("/check-in")])
            .AppendLine().Append(text["Calendar_Portal", urls.Absolute("/")]).ToString();
    }
}
