using System.Globalization;

namespace ChampionPortal.Web.Features.Calendar;

/// <summary>Configuration section "Calendar": the organizer calendars show, and the reminders before each session.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>The organizer's name and address in calendar entries; Email:FromName and Email:FromAddress when not set.</summary>
    public string? OrganizerName { get; set; }
    public string? OrganizerEmail { get; set; }

    /// <summary>Hours before a session's start at which the people who accepted are reminded, comma-separated ("24,1"); empty sends none.</summary>
    public string ReminderHoursBefore { get; set; } = "24,1";

    /// <summary>How often an instance looks for reminders that are due.</summary>
    public double ReminderPollSeconds { get; set; } = 60;

    /// <summary>The reminders as minutes before the start, nearest last.</summary>
    public IReadOnlyList<int> ReminderMinutes() =>
        [.. ReminderHoursBefore.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(hours => (int)Math.Round(double.Parse(hours, CultureInfo.InvariantCulture) * 60))
            .Where(minutes => minutes > 0).Distinct().OrderDescending()];
}
