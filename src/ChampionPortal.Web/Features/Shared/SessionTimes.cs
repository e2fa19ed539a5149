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
        return $"{start.ToString("D", culture)}, {start.ToString("t", culture)}–{end.ToString("t", culture)} ({ZoneName(zone)}, {ZonedTime.OffsetLabel(startsAtUtc, zone)})";
    }

    /// <summary>A zone as a reader says it, "hora de São Paulo", in the current language; no IANA id on a page.</summary>
    public static string ZoneName(string zone)
    {
        var language = Infrastructure.Localization.PortalCultures.Current;
        var place = Domain.CountryTimeZones.PlaceOf(zone, language);

        // CLDR's pattern for a zone named by its city, in each of the portal's languages.
        return language switch
        {
            "es" => $"hora de {place}",
            "pt" => $"horário de {place}",
            _ => $"{place} time",
        };
    }
}
