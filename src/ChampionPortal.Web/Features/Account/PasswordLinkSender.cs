using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Emails;
using ChampionPortal.Web.Infrastructure.Email;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;

namespace ChampionPortal.Web.Features.Account;

/// <summary>E-mails a single-use link to choose a password, in the recipient's language.</summary>
public sealed class PasswordLinkSender(
    UserManager<PortalUser> users, EmailRenderer renderer, IEmailSender sender, PublicUrls urls)
{
    public const int ValidForHours = 72;

    public async Task SendAsync(PortalUser user, bool newAccount, CancellationToken cancellationToken = default)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = urls.Absolute($"/account/reset-password?user={user.Id}&token={Uri.EscapeDataString(token)}");
        var model = new PasswordLinkEmail(string.IsNullOrWhiteSpace(user.FullName) ? user.Email! : user.FullName, link, ValidForHours, newAccount);
        var (subject, html, text) = await renderer.RenderAsync("PasswordLink", model, user.PreferredLanguage);
        await sender.SendAsync(new EmailMessage(user.Email!, model.RecipientName, subject, html, text), cancellationToken);
    }
}
