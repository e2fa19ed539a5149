using System.Globalization;
using ChampionPortal.Web.Infrastructure.Text;

namespace ChampionPortal.Web.Features.Shared;

/// <summary>A session's time as its participants read it: local to the session's zone, in the reader's language.</summary>
public static class SessionTimes
{
    public static string Format(DateTime startsAtUtc, DateTime endsAtUtc, string zone)
    {
        var start = ZonedTime.ToLocal(startsAtUtc, zone);
        var end = ZonedTime.ToLocal(endsAtUtc, zone);
        var culture = CultureInfo.CurrentCulture;
        return $"{start.ToString("D", culture)}, {start.ToString("t", culture)}–{end.ToString("t", culture)} ({zone.Replace('_', ' ')}, {ZonedTime.OffsetLabel(startsAtUtc, zone)})";
    }
}
