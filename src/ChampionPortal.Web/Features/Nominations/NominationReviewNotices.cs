using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Emails;
using ChampionPortal.Web.Infrastructure.Email;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;

namespace ChampionPortal.Web.Features.Nominations;

/// <summary>Tells each country office, in its people's languages, which of its nominations were approved or rejected and why.</summary>
public sealed class NominationReviewNotices(UserManager<PortalUser> users, EmailRenderer renderer, IEmailSender sender, PublicUrls urls)
{
    public async Task SendAsync(IReadOnlyList<Nomination> reviewed, bool approved, string? comment, CancellationToken cancellationToken)
    {
        var offices = (await users.GetUsersInRoleAsync(Roles.CountryOffice)).Where(u => u.IsActive && u.CountryCode is not null).ToList();
        foreach (var country in reviewed.GroupBy(n => n.CountryCode.Trim()))
        {
            var names = country.Select(n => n.Authority!.FullName).Order(StringComparer.CurrentCulture).ToList();
            foreach (var office in offices.Where(u => u.CountryCode!.Trim() == country.Key))
            {
                var model = new NominationsReviewedEmail(string.IsNullOrWhiteSpace(office.FullName) ? office.Email! : office.FullName, approved, names, comment, urls.Absolute("/nominations"));
                var (subject, html, text) = await renderer.RenderAsync("NominationsReviewed", model, office.PreferredLanguage);
                await sender.SendAsync(new EmailMessage(office.Email!, model.RecipientName, subject, html, text), cancellationToken);
            }
        }
    }
}
