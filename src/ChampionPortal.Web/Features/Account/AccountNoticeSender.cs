using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Emails;
using ChampionPortal.Web.Infrastructure.Email;

namespace ChampionPortal.Web.Features.Account;

/// <summary>E-mails the owner of an account about its security (two-factor set-up, recovery codes), in their language.</summary>
public sealed class AccountNoticeSender(EmailRenderer renderer, IEmailSender sender)
{
    public async Task SendAsync(PortalUser user, AccountNoticeKind kind, string? link = null, CancellationToken cancellationToken = default)
    {
        var model = new AccountNoticeEmail(string.IsNullOrWhiteSpace(user.FullName) ? user.Email! : user.FullName, kind, link, PasswordLinkSender.ValidForHours);
        var (subject, html, text) = await renderer.RenderAsync("AccountNotice", model, user.PreferredLanguage);
        await sender.SendAsync(new EmailMessage(user.Email!, model.RecipientName, subject, html, text), cancellationToken);
    }
}
