namespace ChampionPortal.Web.Domain;

/// <summary>
/// A person's calendar subscription address (webcal): the sessions of the cohorts whose invitation they accepted,
/// with join links. The token is the only credential, so it is long and random; replacing it (or stopping the feed)
/// makes the old address answer nothing.
/// </summary>
public class CalendarFeed
{
    public int Id { get; set; }
    public int AuthorityId { get; set; }
    public Authority? Authority { get; set; }

    /// <summary>
    /// Kept as it is (not hashed), unlike invitation tokens: the person's home page shows the address again whenever
    /// they want to subscribe another device, and it only reads their own session times and join links.
    /// </summary>
    public required string Token { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// A reminder sent (or skipped because a nearer one was due) for one session and one person. The unique index on the
/// three columns is what keeps two portal instances from reminding the same person twice.
/// </summary>
public class SessionReminder
{
    public long Id { get; set; }
    public int SessionId { get; set; }
    public int AuthorityId { get; set; }
    public int MinutesBefore { get; set; }
    public DateTime SentAtUtc { get; set; }
}
