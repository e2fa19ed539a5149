namespace ChampionPortal.Web.Infrastructure.Text;

/// <summary>
/// Session times are entered and shown as wall-clock time in the session's IANA zone and stored in UTC, so that
/// a session on either side of a daylight-saving change keeps the local time it was given.
/// </summary>
public static class ZonedTime
{
    public static bool IsKnownZone(string? zoneId) =>
        zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out _);

    /// <summary>Converts a local date and time to UTC; false when the time does not exist in the zone (clocks moved forward).</summary>
    public static bool TryToUtc(DateOnly date, TimeOnly time, string zoneId, out DateTime utc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            utc = default;
            return false;
        }

        utc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return true;
    }

    public static DateTime ToLocal(DateTime utc, string zoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(zoneId));

    /// <summary>The zone's offset at that moment, as "UTC−03:00".</summary>
    public static string OffsetLabel(DateTime utc, string zoneId)
    {
        var offset = TimeZoneInfo.FindSystemTimeZoneById(zoneId).GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return $"UTC{(offset < TimeSpan.Zero ? "−" : "+")}{offset.Duration():hh\\:mm}";
    }
}
