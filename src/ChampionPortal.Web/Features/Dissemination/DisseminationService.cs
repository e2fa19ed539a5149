using System.Globalization;
using System.Security.Claims;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.Invitations;
using ChampionPortal.Web.Features.Publications;
using ChampionPortal.Web.Features.Resources;
using ChampionPortal.Web.Infrastructure.Email;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Features.Dissemination;

/// <summary>
/// Sends published material and chosen resources to a cohort's champions and selected stakeholders through the
/// e-mail outbox, each in their own language with a personal link (only its hash is kept); records who was sent
/// what and when, and who downloaded. Its nine parts are what one mailing draws on: the cohort's events, the
/// publications and resources it sends, the e-mail's rendering, sending and links, and the publications' own texts.
/// </summary>
public sealed class DisseminationService(
    PortalDbContext db, CohortInFocus focus, PublicationService publications, ResourceService resources, EmailRenderer renderer, IEmailSender sender,
    PublicUrls urls, IStringLocalizer<PublicationsResources> publicationText, TimeProvider timeProvider)
{
    public async Task<DisseminationPage?> PageAsync(
        ClaimsPrincipal user, int? cohortId, StakeholderForm? form, DisseminationForm? sending = null, CancellationToken cancellationToken = default)
    {
        if (await focus.ChooseAsync(user, cohortId, CohortContent.WorkshopOutputs, cancellationToken) is not { Cohort: var cohort, Options: var cohorts })
        {
            return null;
        }

        var published = await db.Publications.AsNoTracking().Where(p => p.CohortId == cohort.Id).OrderBy(p => p.Kind).ThenByDescending(p => p.Number)
            .Select(p => new PublicationRow(p.Id, p.Kind, p.Number, p.PublishedAtUtc)).ToListAsync(cancellationToken);
        var library = await db.Resources.AsNoTracking().OrderBy(r => r.Title).Select(r => new { r.Id, Title = PortalCultures.Pick(r.Title, r.TitleEs, r.TitlePt) }).ToListAsync(cancellationToken);
        var champions = await Champions(cohort.Id).CountAsync(cancellationToken);
        var stakeholders = await db.Stakeholders.AsNoTracking().OrderBy(s => s.Organization)
            .Select(s => new StakeholderRow(s.Id, s.Organization, s.ContactName, s.Email, s.CountryCode, s.Language)).ToListAsync(cancellationToken);
        var recipients = await db.DisseminationRecipients.AsNoTracking().Where(r => r.Dissemination!.CohortId == cohort.Id)
            .Select(r => new { r.DisseminationId, r.Dissemination!.SentAtUtc, Row = new RecipientRow(r.Name, r.Email, r.Language, r.FirstDownloadAtUtc, r.Downloads) })
            .ToListAsync(cancellationToken);
        var sent = recipients.GroupBy(r => (r.DisseminationId, r.SentAtUtc)).OrderByDescending(g => g.Key.SentAtUtc)
            .Select(g => new SentRow(g.Key.DisseminationId, g.Key.SentAtUtc, g.Count(), g.Count(r => r.Row.FirstDownloadAtUtc != null), [.. g.Select(r => r.Row).OrderBy(r => r.Name)]))
            .ToList();
        return new DisseminationPage(
            cohort.Id, cohort.Name, cohorts, published, [.. library.Select(r => (r.Id, r.Title))], champions, stakeholders, sent, form ?? new StakeholderForm(), sending ?? new DisseminationForm());
    }

    /// <summary>Adds a stakeholder; false when the country given is not one of the portal's.</summary>
    public async Task<bool> AddStakeholderAsync(StakeholderForm form, CancellationToken cancellationToken = default)
    {
        var country = string.IsNullOrWhiteSpace(form.CountryCode) ? null : form.CountryCode.Trim().ToUpperInvariant();
        if (country is not null && !await db.Countries.AnyAsync(c => c.Code == country, cancellationToken))
        {
            return false;
        }

        db.Stakeholders.Add(new Stakeholder
        {
            Organization = form.Organization!.Trim(),
            ContactName = form.ContactName!.Trim(),
            Email = form.Email!.Trim(),
            CountryCode = country,
            Language = PortalCultures.ForRecipient(form.Language),
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task<StakeholderRow?> StakeholderAsync(int id, CancellationToken cancellationToken = default) =>
        db.Stakeholders.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new StakeholderRow(s.Id, s.Organization, s.ContactName, s.Email, s.CountryCode, s.Language)).SingleOrDefaultAsync(cancellationToken);

    public async Task<bool> DeleteStakeholderAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Stakeholders.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>Sends the dissemination; the number of recipients, or the key of the reason nothing was sent.</summary>
    public async Task<(int Recipients, string? Error)> SendAsync(int cohortId, DisseminationForm form, CancellationToken cancellationToken = default)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId).Select(c => new { c.Name, c.NameEs, c.NamePt }).SingleOrDefaultAsync(cancellationToken);
        if (cohort is null)
        {
            return (0, "Error_NoCohort");
        }

        var chosen = new[] { form.AgendaPublicationId, form.MappingPublicationId }.OfType<int>().ToList();
        var sentPublications = await db.Publications.AsNoTracking().Where(p => p.CohortId == cohortId && chosen.Contains(p.Id))
            .Select(p => new { p.Id, p.Kind, p.Number }).ToListAsync(cancellationToken);
        var sentResources = await db.Resources.AsNoTracking().Where(r => form.ResourceIds.Contains(r.Id)).Select(r => new { r.Id, r.Title, r.TitleEs, r.TitlePt }).ToListAsync(cancellationToken);
        if (sentPublications.Count != chosen.Count || sentResources.Count != form.ResourceIds.Distinct().Count())
        {
            return (0, "Error_UnknownMaterial");
        }

        if (sentPublications.Count + sentResources.Count == 0)
        {
            return (0, "Error_NoMaterial");
        }

        var people = new List<(string Name, string Email, string Language, int? AuthorityId, int? StakeholderId)>();
        if (form.Champions)
        {
            people.AddRange((await Champions(cohortId).Select(a => new { a.Id, a.FullName, a.Email, a.PreferredLanguage }).ToListAsync(cancellationToken))
                .Select(a => (a.FullName, a.Email, a.PreferredLanguage, (int?)a.Id, (int?)null)));
        }

        people.AddRange((await db.Stakeholders.AsNoTracking().Where(s => form.StakeholderIds.Contains(s.Id)).ToListAsync(cancellationToken))
            .Select(s => ($"{s.ContactName} ({s.Organization})", s.Email, s.Language, (int?)null, (int?)s.Id)));
        var recipients = people.DistinctBy(p => SearchText.Email(p.Email)).ToList();
        if (recipients.Count == 0)
        {
            return (0, "Error_NoRecipients");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dissemination = new Domain.Dissemination
        {
            CohortId = cohortId,
            AgendaPublicationId = sentPublications.FirstOrDefault(p => p.Kind == PublicationKind.Agenda)?.Id,
            MappingPublicationId = sentPublications.FirstOrDefault(p => p.Kind == PublicationKind.Mapping)?.Id,
            ResourceIds = string.Join(",", sentResources.Select(r => r.Id.ToString(CultureInfo.InvariantCulture))),
            Introduction = PortalCultures.Translation(form.Introduction),
            IntroductionEs = PortalCultures.Translation(form.IntroductionEs),
            IntroductionPt = PortalCultures.Translation(form.IntroductionPt),
            SentAtUtc = timeProvider.GetUtcNow().UtcDateTime,
        };
        db.Disseminations.Add(dissemination);
        foreach (var person in recipients)
        {
            var token = InvitationService.NewToken();
            dissemination.Recipients.Add(new DisseminationRecipient
            {
                Name = person.Name,
                Email = person.Email,
                Language = person.Language,
                AuthorityId = person.AuthorityId,
                StakeholderId = person.StakeholderId,
                TokenHash = InvitationService.Hash(token),
            });
            // The cohort's name and the resources' titles in the recipient's language, as the rest of the e-mail.
            var items = sentPublications.OrderBy(p => p.Kind).Select(p => new MailItem(p.Kind, p.Number, null))
                .Concat(sentResources.Select(r => new MailItem(null, 0, PortalCultures.Pick(r.Title, r.TitleEs, r.TitlePt, person.Language)))).ToList();
            var cohortName = PortalCultures.Pick(cohort.Name, cohort.NameEs, cohort.NamePt, person.Language);
            var email = new DisseminationEmail(
                person.Name, cohortName, IntroductionIn(dissemination, person.Language), urls.Absolute($"/material/{token}?lang={person.Language}"), items);
            var (subject, html, text) = await renderer.RenderAsync("Dissemination", email, person.Language);
            await sender.SendAsync(new EmailMessage(person.Email, person.Name, subject, html, text), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (recipients.Count, null);
    }

    /// <summary>The material behind a personal link, in the recipient's language; null for an unknown link.</summary>
    public async Task<MaterialPage?> MaterialAsync(string token, CancellationToken cancellationToken = default)
    {
        if (await RecipientAsync(token, cancellationToken) is not { } recipient)
        {
            return null;
        }

        var d = recipient.Dissemination!;
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == d.CohortId).Select(c => PortalCultures.Pick(c.Name, c.NameEs, c.NamePt)).SingleAsync(cancellationToken);
        var items = new List<MaterialItem>();
        foreach (var id in new[] { d.AgendaPublicationId, d.MappingPublicationId }.OfType<int>())
        {
            var kind = id == d.AgendaPublicationId ? "Agenda_Title" : "Mapping_Title";
            items.Add(new MaterialItem($"{publicationText[kind]} (PDF)", $"/material/{token}/publications/{id}"));
        }

        var resourceIds = ResourceIds(d);
        items.AddRange((await db.Resources.AsNoTracking().Where(r => resourceIds.Contains(r.Id)).Select(r => new { r.Id, Title = PortalCultures.Pick(r.Title, r.TitleEs, r.TitlePt) }).ToListAsync(cancellationToken))
            .Select(r => new MaterialItem(r.Title, $"/material/{token}/resources/{r.Id}")));
        return new MaterialPage(recipient.Name, cohort, IntroductionIn(d, PortalCultures.Current), items);
    }

    /// <summary>The introduction in a language, falling back to the English; none when staff wrote none.</summary>
    private static string? IntroductionIn(Domain.Dissemination dissemination, string language) =>
        dissemination.Introduction is { } english ? PortalCultures.Pick(english, dissemination.IntroductionEs, dissemination.IntroductionPt, language) : null;

    /// <summary>A sent publication as a PDF in the recipient's language, counted as a download; null when not sent to this link.</summary>
    public async Task<(byte[] Pdf, string FileName)?> PublicationForAsync(string token, int publicationId, CancellationToken cancellationToken = default)
    {
        if (await RecipientAsync(token, cancellationToken) is not { } recipient
            || (recipient.Dissemination!.AgendaPublicationId != publicationId && recipient.Dissemination.MappingPublicationId != publicationId))
        {
            return null;
        }

        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(PortalCultures.ForRecipient(recipient.Language));
        var document = await publications.FindAsync(publicationId, recipient.Language, cancellationToken);
        await CountDownloadAsync(recipient, cancellationToken);
        return (publications.ToPdf(document!), $"{document!.Kind.ToString().ToLowerInvariant()}-v{document.Number}-{recipient.Language}.pdf");
    }

    public async Task<ResourceDownload?> ResourceForAsync(string token, int resourceId, CancellationToken cancellationToken = default)
    {
        if (await RecipientAsync(token, cancellationToken) is not { } recipient || !ResourceIds(recipient.Dissemination!).Contains(resourceId))
        {
            return null;
        }

        await CountDownloadAsync(recipient, cancellationToken);
        return await resources.ForRecipientAsync(resourceId, recipient.Language, cancellationToken);
    }

    private IQueryable<Authority> Champions(int cohortId) =>
        db.Authorities.AsNoTracking().Where(a => db.Invitations.Any(i => i.CohortId == cohortId && i.AuthorityId == a.Id && i.Status == InvitationStatus.Accepted));

    private async Task<DisseminationRecipient?> RecipientAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = InvitationService.Hash(token);
        return await db.DisseminationRecipients.Include(r => r.Dissemination).SingleOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
    }

    private async Task CountDownloadAsync(DisseminationRecipient recipient, CancellationToken cancellationToken)
    {
        recipient.Downloads++;
        recipient.FirstDownloadAtUtc ??= timeProvider.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<int> ResourceIds(Domain.Dissemination dissemination) =>
        [.. dissemination.ResourceIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture))];
}
