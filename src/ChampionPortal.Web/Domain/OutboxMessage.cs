namespace ChampionPortal.Web.Domain;

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// An e-mail waiting to be sent, written in the same transaction as the change that causes it, so that no message
/// is lost when the mail server is away and none is sent for a change that was rolled back.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public required string ToAddress { get; set; }
    public required string ToName { get; set; }
    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }
    public required string TextBody { get; set; }

    /// <summary>The iCalendar method (REQUEST, CANCEL) of the calendar the message carries, if any.</summary>
    public string? CalendarMethod { get; set; }

    /// <summary>The iCalendar text attached to the message, as built when it was queued.</summary>
    public string? Calendar { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public string? LastError { get; set; }
}
