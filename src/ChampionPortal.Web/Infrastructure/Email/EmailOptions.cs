using MailKit.Security;

namespace ChampionPortal.Web.Infrastructure.Email;

/// <summary>Configuration section "Email". Without Smtp:Host, messages are written as .eml files to the pickup folder.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string FromAddress { get; set; } = "no-reply@champion-portal.local";
    public string FromName { get; set; } = "Champion Portal";
    public string? PickupFolder { get; set; }
    public SmtpOptions Smtp { get; set; } = new();
    public OutboxOptions Outbox { get; set; } = new();
}

/// <summary>How the outbox dispatcher polls and retries.</summary>
public sealed class OutboxOptions
{
    /// <summary>How often an instance looks for messages that other instances queued or whose retry time came.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>The first retry waits this long; each further one twice as long, up to MaxBackoffSeconds.</summary>
    public double RetryBaseSeconds { get; set; } = 30;
    public double MaxBackoffSeconds { get; set; } = 3600;
    public int MaxAttempts { get; set; } = 10;
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
}
