using System.Text;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChampionPortal.Web.Infrastructure.Email;

/// <summary>One message to one person, already rendered in that person's language.</summary>
public sealed record EmailMessage(string ToAddress, string ToName, string Subject, string HtmlBody, string TextBody)
{
    /// <summary>An iCalendar object the message carries (an invitation, an update or a cancellation), if any.</summary>
    public CalendarPart? Calendar { get; init; }
}

/// <summary>iCalendar text with its iTIP method (REQUEST, CANCEL), as mail clients need it in the part's content type.</summary>
public sealed record CalendarPart(string Method, string Content);

/// <summary>The portal's one way of sending e-mail: features queue messages, the outbox dispatcher delivers them.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Hands one message to the mail system; used only by the outbox dispatcher.</summary>
public interface IEmailTransport
{
    Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>MailKit over SMTP when Email:Smtp:Host is set; otherwise .eml files in the pickup folder.</summary>
public sealed class SmtpTransport(IOptions<EmailOptions> options, IWebHostEnvironment environment, TimeProvider clock, ILogger<SmtpTransport> logger) : IEmailTransport
{
    public async Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var mime = Build(message, settings);
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            var folder = Path.GetFullPath(settings.PickupFolder ?? Path.Combine("App_Data", "mail-pickup"), environment.ContentRootPath);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(file, cancellationToken);
            logger.LogInformation("No SMTP server is configured: e-mail \"{Subject}\" was written to {File}", message.Subject, file);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, settings.Smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
        {
            await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static MimeMessage Build(EmailMessage message, EmailOptions settings)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Subject = message.Subject;
        var builder = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody };
        if (message.Calendar is not { } calendar)
        {
            mime.Body = builder.ToMessageBody();
            return mime;
        }

        // The attachment is what every client can import. Outlook and Gmail show accept buttons and apply updates
        // only for a text/calendar alternative of the body, and read just one event from it: the alternative is added
        // when there is one event (an update, a cancellation), the attachment always.
        var contentType = new ContentType("text", "calendar") { Charset = "utf-8" };
        contentType.Parameters.Add("method", calendar.Method);
        builder.Attachments.Add("sessions.ics", Encoding.UTF8.GetBytes(calendar.Content), contentType);
        var body = builder.ToMessageBody();
        if (CountEvents(calendar.Content) == 1 && body is Multipart { ContentType.MediaSubtype: "mixed" } mixed && mixed[0] is MultipartAlternative alternative)
        {
            alternative.Add(new TextPart("calendar") { Text = calendar.Content, ContentType = { Charset = "utf-8", Parameters = { { "method", calendar.Method } } } });
        }

        mime.Body = body;
        return mime;
    }

    private static int CountEvents(string calendar) =>
        calendar.Split('\n').Count(line => line.TrimEnd('\r') == "BEGIN:VEVENT");
}
