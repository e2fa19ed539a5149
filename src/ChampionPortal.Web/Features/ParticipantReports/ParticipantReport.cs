using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Attendance;
using ChampionPortal.Web.Features.Imports;
using ChampionPortal.Web.Infrastructure.Text;

namespace ChampionPortal.Web.Features.ParticipantReports;

/// <summary>Which column of a report holds each field (by position in the header line).</summary>
public sealed record ReportColumns(int Name, int? Email, int? Join, int? Leave, int? Duration)
{
    public bool IsComplete => Join is not null && Leave is not null || Duration is not null;
}

/// <summary>One line of a participant report: one stay of one person in the meeting.</summary>
public sealed record ReportEntry(int RowNumber, string Name, string? Email, DateTime? JoinUtc, DateTime? LeaveUtc, double Minutes);

/// <summary>Everything one person's lines add up to: re-joins counted once, overlapping stays not counted twice.</summary>
public sealed record ParticipantTotal(string Name, string? Email, int Minutes, IReadOnlyList<int> RowNumbers);

/// <summary>
/// Reads the participant reports of meeting platforms: Zoom's export (a header line first) and Teams' attendance
/// report (summary sections, then participants and in-meeting activities, often UTF-16 and tab-separated), or any
/// table once staff have said which column is which. One reader of three formats, kept in one file because they
/// share the reading of times, durations and overlapping stays.
/// </summary>
public static partial class ParticipantReport
{
    private static readonly string[][] Synonyms =
    [
        ["name original name", "name", "full name", "participant", "participant name", "display name", "nombre", "nome"],
        ["user email", "email", "e mail", "email address", "participant id upn", "correo electronico", "correo", "e mail do usuario"],
        ["join time", "joined at", "first join", "hora de entrada", "hora de union", "horario de entrada"],
        ["leave time", "left at", "last leave", "hora de salida", "horario de saida"],
        ["duration minutes", "duration", "in meeting duration", "duracion minutos", "duracion", "duracao minutos", "duracao"],
    ];

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "M/d/yyyy h:mm:ss tt", "M/d/yyyy h:mm tt",
        "M/d/yy, h:mm:ss tt", "M/d/yy h:mm:ss tt", "M/d/yyyy, h:mm:ss tt", "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "d.M.yyyy H:mm:ss",
    ];

    private static readonly string[] TimeFormats = ["H:mm:ss", "H:mm", "h:mm:ss tt", "h:mm tt"];

    /// <summary>The last line that reads as a known header (Teams' in-meeting activities come after its participants), with its columns.</summary>
    public static (int HeaderIndex, ReportColumns Columns)? Recognize(IReadOnlyList<RawRow> rows)
    {
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            if (ColumnsOf(rows[i].Cells) is { IsComplete: true } columns)
            {
                return (i, columns);
            }
        }

        return null;
    }

    /// <summary>A stable fingerprint of a header line, under which a column mapping is remembered.</summary>
    public static string Signature(IReadOnlyList<string?> header) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", header.Select(h => SearchText.Key(h))))));

    public static (IReadOnlyList<ReportEntry> Entries, IReadOnlyList<ImportProblem> Problems) Read(
        IReadOnlyList<RawRow> rows, int headerIndex, ReportColumns columns, SessionHeader session)
    {
        var entries = new List<ReportEntry>();
        var problems = new List<ImportProblem>();
        var sessionDate = DateOnly.FromDateTime(ZonedTime.ToLocal(session.StartsAtUtc, session.TimeZone));
        foreach (var row in rows.Skip(headerIndex + 1))
        {
            // A section of a Teams report ends where a line stops looking like a participant line.
            if (row.Cells.Count(c => c is not null) < 2 || ColumnsOf(row.Cells) is { IsComplete: true } || SectionTitle().IsMatch(row.Cells[0] ?? ""))
            {
                break;
            }

            string? Cell(int? index) => index is { } i && i < row.Cells.Count ? row.Cells[i] : null;
            var name = Cell(columns.Name);
            if (string.IsNullOrWhiteSpace(name))
            {
                problems.Add(new ImportProblem(row.Number, "Report_NoName"));
                continue;
            }

            var email = Cell(columns.Email) is { } e && e.Contains('@', StringComparison.Ordinal) ? e : null;
            DateTime? joinUtc = null, leaveUtc = null;
            double? minutes = null;
            if (Cell(columns.Join) is { } joinText && Cell(columns.Leave) is { } leaveText)
            {
                var join = ParseMoment(joinText, sessionDate);
                var leave = ParseMoment(leaveText, sessionDate);
                if (join is null || leave is null)
                {
                    problems.Add(new ImportProblem(row.Number, "Report_BadTime", join is null ? joinText : leaveText));
                    continue;
                }

                // A time without a date that is earlier than the join time is past midnight.
                var (joinLocal, leaveLocal) = (join.Value.Moment, leave.Value.Moment);
                if (!leave.Value.HasDate && leaveLocal < joinLocal)
                {
                    leaveLocal = leaveLocal.AddDays(1);
                }

                if (leaveLocal < joinLocal)
                {
                    problems.Add(new ImportProblem(row.Number, "Report_LeaveBeforeJoin", leaveText, joinText));
                    continue;
                }

                joinUtc = ToUtc(joinLocal, session.TimeZone);
                leaveUtc = ToUtc(leaveLocal, session.TimeZone);
                minutes = (leaveUtc.Value - joinUtc.Value).TotalMinutes;
            }
            else if (Cell(columns.Duration) is { } durationText)
            {
                minutes = ParseDuration(durationText);
                if (minutes is null)
                {
                    problems.Add(new ImportProblem(row.Number, "Report_BadDuration", durationText));
                    continue;
                }
            }
            else
            {
                problems.Add(new ImportProblem(row.Number, "Report_NoTimes"));
                continue;
            }

            entries.Add(new ReportEntry(row.Number, name.Trim(), email?.Trim(), joinUtc, leaveUtc, minutes.Value));
        }

        if (entries.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(null, "File_NoRows"));
        }

        return OutsideTheSession(entries, session) is { } refused ? ([], [refused]) : (entries, [.. problems, .. StraysOf(entries, session)]);
    }

    /// <summary>
    /// A report none of whose stays overlaps the session is another meeting's (another day's export, another
    /// session's): it would propose people as present who were not. Reports with durations alone cannot be checked.
    /// </summary>
    private static ImportProblem? OutsideTheSession(IReadOnlyList<ReportEntry> entries, SessionHeader session)
    {
        var timed = entries.Where(e => e.JoinUtc is not null).ToList();
        if (timed.Count == 0 || timed.Any(e => e.LeaveUtc > session.StartsAtUtc && e.JoinUtc < session.EndsAtUtc))
        {
            return null;
        }

        DateTime Local(DateTime utc) => ZonedTime.ToLocal(utc, session.TimeZone);
        return new ImportProblem(
            null, "Report_OtherTime", Local(timed.Min(e => e.JoinUtc!.Value)), Local(timed.Max(e => e.LeaveUtc!.Value)), Local(session.StartsAtUtc), Local(session.EndsAtUtc));
    }

    /// <summary>
    /// Stays of a report of the session that lie wholly outside it, an hour's margin either side (people join early
    /// and stay on): a line pasted from another meeting, named so that staff take it out before anything is recorded.
    /// </summary>
    private static IEnumerable<ImportProblem> StraysOf(IReadOnlyList<ReportEntry> entries, SessionHeader session)
    {
        var (from, until) = (session.StartsAtUtc.AddHours(-1), session.EndsAtUtc.AddHours(1));
        return entries.Where(e => e.JoinUtc is { } join && (e.LeaveUtc < from || join > until))
            .Select(e => new ImportProblem(e.RowNumber, "Report_StayOutsideSession", ZonedTime.ToLocal(e.JoinUtc!.Value, session.TimeZone), ZonedTime.ToLocal(e.LeaveUtc!.Value, session.TimeZone)));
    }

    /// <summary>
    /// Adds up each person's lines: by e-mail where the platform gave one, otherwise by name; a line without e-mail
    /// whose name is that of a person with one (a re-join from a phone) joins that person.
    /// </summary>
    public static IReadOnlyList<ParticipantTotal> Totals(IReadOnlyList<ReportEntry> entries)
    {
        var keyOfName = entries.Where(e => e.Email is not null).GroupBy(e => NameKey(e.Name)).ToDictionary(g => g.Key, g => SearchText.Email(g.First().Email));
        return entries
            .GroupBy(e => e.Email is not null ? SearchText.Email(e.Email) : keyOfName.GetValueOrDefault(NameKey(e.Name)) ?? "name:" + NameKey(e.Name))
            .Select(g => new ParticipantTotal(
                g.First().Name, g.Select(e => e.Email).FirstOrDefault(e => e is not null), (int)Math.Round(Minutes(g.ToList())), [.. g.Select(e => e.RowNumber)]))
            .ToList();
    }

    /// <summary>A display name as people are matched by it: accents, case and a trailing "(…)" left out.</summary>
    public static string NameKey(string name) => SearchText.Key(TrailingParenthesis().Replace(name, ""));

    private static double Minutes(IReadOnlyList<ReportEntry> stays)
    {
        if (stays.Any(s => s.JoinUtc is null))
        {
            return stays.Sum(s => s.Minutes);
        }

        // Overlapping stays (two devices at once) count once.
        var total = 0.0;
        DateTime? coveredUntil = null;
        foreach (var stay in stays.OrderBy(s => s.JoinUtc))
        {
            var start = coveredUntil is { } until && until > stay.JoinUtc!.Value ? until : stay.JoinUtc!.Value;
            if (stay.LeaveUtc!.Value > start)
            {
                total += (stay.LeaveUtc.Value - start).TotalMinutes;
                coveredUntil = stay.LeaveUtc;
            }
        }

        return total;
    }

    private static ReportColumns? ColumnsOf(IReadOnlyList<string?> cells)
    {
        var keys = cells.Select(c => SearchText.Key(c)).ToList();
        int? Find(int field)
        {
            var index = keys.FindIndex(k => Synonyms[field].Contains(k));
            return index >= 0 ? index : null;
        }

        return Find(0) is { } name ? new ReportColumns(name, Find(1), Find(2), Find(3), Find(4)) : null;
    }

    private static (DateTime Moment, bool HasDate)? ParseMoment(string text, DateOnly sessionDate)
    {
        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var moment))
        {
            return (DateTime.SpecifyKind(moment, DateTimeKind.Unspecified), true);
        }

        return TimeOnly.TryParseExact(trimmed, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var time)
            ? (sessionDate.ToDateTime(time), false)
            : null;
    }

    private static DateTime ToUtc(DateTime local, string zoneId)
    {
        // A clock reading in the hour skipped when clocks go forward cannot have happened; read it as the hour after.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        return TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(local) ? local.AddHours(1) : local, zone);
    }

    /// <summary>Minutes from "42", "42.5", "1:05:30", or Teams' "1h 5m 30s".</summary>
    private static double? ParseDuration(string text)
    {
        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            return plain >= 0 ? plain : null;
        }

        if (TimeSpan.TryParseExact(trimmed, ["h\\:mm\\:ss", "hh\\:mm\\:ss", "m\\:ss"], CultureInfo.InvariantCulture, out var span))
        {
            return span.TotalMinutes;
        }

        var parts = DurationPart().Matches(trimmed);
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)).Replace(" ", "", StringComparison.Ordinal).Length != trimmed.Replace(" ", "", StringComparison.Ordinal).Length)
        {
            return null;
        }

        return parts.Sum(p => double.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture) * (p.Groups[2].Value.ToLowerInvariant() switch { "h" => 60, "m" => 1, _ => 1 / 60.0 }));
    }

    [GeneratedRegex(@"\s*\([^)]*\)\s*$")]
    private static partial Regex TrailingParenthesis();

    [GeneratedRegex(@"^\d+\.\s")]
    private static partial Regex SectionTitle();

    [GeneratedRegex(@"(\d+)\s*([hms])", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPart();
}
