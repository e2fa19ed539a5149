using System.Security.Claims;
using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.Mapping;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Text;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Agenda;

/// <summary>
/// The Integrated Local Migration Agenda: items raised by local governments (or noted by staff from a session),
/// then systematized by regional staff into themed, consolidated entries that keep every source.
/// </summary>
public sealed class AgendaService(
    PortalDbContext db, CohortInFocus focus, GcmCatalog catalog, WorkshopAccess access, IAuthorizationService authorization, TimeProvider timeProvider)
{
    /// <summary>From this similarity on, two items are suggested as likely duplicates.</summary>
    public const double DuplicateThreshold = 0.6;

    public async Task<AgendaPage?> PageAsync(ClaimsPrincipal user, int? cohortId, AgendaItemForm? form, CancellationToken cancellationToken = default)
    {
        if (await focus.ChooseAsync(user, cohortId, CohortContent.WorkshopOutputs, cancellationToken) is not { Cohort: var cohort, Options: var cohorts })
        {
            return null;
        }

        var reach = user.Reach();
        var staff = reach.Regional;
        var own = await access.OwnGovernmentAsync(reach, cancellationToken);
        var items = Items(cohort.Id);
        if (!staff)
        {
            var country = reach.Country;
            items = items.Where(i => (own != null && i.LocalGovernmentId == own) || (country != null && i.CountryCode == country));
        }

        var governments = staff
            ? await db.LocalGovernments.AsNoTracking()
                .Where(l => db.Nominations.Any(n => n.CohortId == cohort.Id && n.Status == NominationStatus.Approved && n.LocalGovernmentId == l.Id))
                .OrderBy(l => l.Name).Select(l => new NamedOption(l.Id, l.Name + " (" + l.CountryCode + ")")).ToListAsync(cancellationToken)
            : [];
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CohortId == cohort.Id).OrderBy(s => s.StartsAtUtc)
            .Select(s => new NamedOption(s.Id, s.Code + " — " + PortalCultures.Pick(s.Title, s.TitleEs, s.TitlePt))).ToListAsync(cancellationToken);
        return new AgendaPage(
            cohort.Id, cohort.Name, cohorts, await ToRowsAsync(items.OrderBy(i => i.CreatedAtUtc), cancellationToken), staff, own, governments, sessions,
            await catalog.LoadAsync(cancellationToken: cancellationToken), form ?? new AgendaItemForm());
    }

    /// <summary>Adds an item; null when done, else the key of the reason it was refused (the form is shown again).</summary>
    /// <summary>Staff, and authorities for their own local government; country offices read the agenda but add nothing.</summary>
    public async Task<bool> MayAddItemsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        user.Reach().Regional || await access.OwnGovernmentAsync(user.Reach(), cancellationToken) is not null;

    public async Task<string?> AddItemAsync(ClaimsPrincipal user, int cohortId, AgendaItemForm form, CancellationToken cancellationToken = default)
    {
        var staff = user.Reach().Regional;
        var own = await access.OwnGovernmentAsync(user.Reach(), cancellationToken);
        if (!staff && own is null)
        {
            return "Error_CannotAdd";
        }

        // An authority adds for its own local government only, whatever the form says.
        var governmentId = staff ? form.LocalGovernmentId : own;
        var government = governmentId is { } gid ? await db.LocalGovernments.AsNoTracking().SingleOrDefaultAsync(l => l.Id == gid, cancellationToken) : null;
        if (governmentId is not null && government is null)
        {
            return "Error_UnknownGovernment";
        }

        if (form.SessionId is { } sid && !await db.Sessions.AnyAsync(s => s.Id == sid && s.CohortId == cohortId, cancellationToken))
        {
            return "Error_UnknownSession";
        }

        if (government is null && form.SessionId is null)
        {
            return "Error_SourceRequired";
        }

        db.AgendaItems.Add(new AgendaItem
        {
            CohortId = cohortId,
            LocalGovernmentId = government?.Id,
            CountryCode = government?.CountryCode,
            SessionId = form.SessionId,
            Kind = form.Kind!.Value,
            Text = form.Text!.Trim(),
            Theme = string.IsNullOrWhiteSpace(form.Theme) ? null : form.Theme.Trim(),
            CreatedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
            Objectives = [.. form.Objectives.Where(n => n is >= 1 and <= 23).Distinct().Select(n => new AgendaItemObjective { ObjectiveNumber = n })],
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Removes an item not yet systematized, for its local government's editors. False when out of reach.</summary>
    /// <summary>An agenda item the user may change, and whether it is consolidated in an entry (and so kept); null otherwise.</summary>
    public async Task<(int CohortId, string Text, bool Consolidated)?> ItemAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var item = await db.AgendaItems.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.CohortId, i.Text, i.LocalGovernmentId, i.CountryCode, i.AgendaEntryId }).SingleOrDefaultAsync(cancellationToken);
        return item is not null && await authorization.AllowsAsync(user, new WorkshopGovernment(item.LocalGovernmentId, item.CountryCode), WorkshopOperations.Edit)
            ? (item.CohortId, item.Text, item.AgendaEntryId is not null)
            : null;
    }

    public async Task<(bool Found, int CohortId)> DeleteItemAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var item = await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null || !await authorization.AllowsAsync(user, new WorkshopGovernment(item.LocalGovernmentId, item.CountryCode), WorkshopOperations.Edit))
        {
            return (false, 0);
        }

        if (item.AgendaEntryId is null)
        {
            db.AgendaItems.Remove(item);
            await db.SaveChangesAsync(cancellationToken);
        }

        return (true, item.CohortId);
    }

    public async Task<SystematizationPage?> SystematizationAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId).Select(c => PortalCultures.Pick(c.Name, c.NameEs, c.NamePt)).SingleOrDefaultAsync(cancellationToken);
        if (cohort is null)
        {
            return null;
        }

        var themes = await db.AgendaThemes.AsNoTracking().Where(t => t.CohortId == cohortId).OrderBy(t => t.Position).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var items = await ToRowsAsync(Items(cohortId).OrderBy(i => i.CreatedAtUtc), cancellationToken);
        var entries = (await db.AgendaEntries.AsNoTracking().Where(e => e.CohortId == cohortId).ToListAsync(cancellationToken))
            .Select(e => new AgendaEntryRow(e.Id, e.ThemeId, e.Kind, e.Text, e.Position, e.Status, e.Version, [.. items.Where(i => i.EntryId == e.Id)]))
            .OrderBy(e => themes.FindIndex(t => t.Id == e.ThemeId) is var i and >= 0 ? i : int.MaxValue).ThenBy(e => e.Position).ThenBy(e => e.Id)
            .ToList();
        var open = items.Where(i => i.EntryId is null).ToList();
        var suggestions = open.SelectMany((a, i) => open.Skip(i + 1).Select(b => new DuplicateSuggestion(a, b, TextSimilarity.Dice(a.Text, b.Text))))
            .Where(s => s.Similarity >= DuplicateThreshold).OrderByDescending(s => s.Similarity).Take(50).ToList();
        return new SystematizationPage(cohortId, cohort, themes, entries, open, suggestions, await catalog.LoadAsync(cancellationToken: cancellationToken));
    }

    public async Task AddThemeAsync(int cohortId, string name, CancellationToken cancellationToken = default)
    {
        var position = await db.AgendaThemes.Where(t => t.CohortId == cohortId).Select(t => (int?)t.Position).MaxAsync(cancellationToken) ?? 0;
        db.AgendaThemes.Add(new AgendaTheme { CohortId = cohortId, Name = name.Trim(), Position = position + 1 });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Merges items (at least one, none already consolidated) into a new consolidated entry: the wording given, or
    /// the first item's; every item stays attached as a source. Null when done, else the reason's key.
    /// </summary>
    public async Task<string?> MergeAsync(int cohortId, MergeForm form, CancellationToken cancellationToken = default)
    {
        var items = await db.AgendaItems.Where(i => i.CohortId == cohortId && form.ItemIds.Contains(i.Id)).OrderBy(i => i.CreatedAtUtc).ToListAsync(cancellationToken);
        if (items.Count == 0 || items.Count != form.ItemIds.Distinct().Count())
        {
            return "Error_NothingToMerge";
        }

        if (items.Any(i => i.AgendaEntryId is not null))
        {
            return "Error_AlreadyConsolidated";
        }

        if (form.ThemeId is { } themeId && !await db.AgendaThemes.AnyAsync(t => t.Id == themeId && t.CohortId == cohortId, cancellationToken))
        {
            return "Error_UnknownTheme";
        }

        var position = await db.AgendaEntries.Where(e => e.CohortId == cohortId && e.ThemeId == form.ThemeId).Select(e => (int?)e.Position).MaxAsync(cancellationToken) ?? 0;
        var entry = new AgendaEntry
        {
            CohortId = cohortId,
            ThemeId = form.ThemeId,
            Kind = items[0].Kind,
            Text = string.IsNullOrWhiteSpace(form.Text) ? items[0].Text : form.Text.Trim()[..Math.Min(2000, form.Text.Trim().Length)],
            Position = position + 1,
            Items = items,
        };
        db.AgendaEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public Task<SaveOutcome> UpdateEntryAsync(int cohortId, int id, EntryForm form, CancellationToken cancellationToken = default) =>
        db.EditVersionedAsync<AgendaEntry>(e => e.Id == id && e.CohortId == cohortId, form.Version, entry =>
        {
            entry.Text = string.IsNullOrWhiteSpace(form.Text) ? entry.Text : form.Text.Trim()[..Math.Min(2000, form.Text.Trim().Length)];
            entry.ThemeId = form.ThemeId;
            entry.Status = form.Status;
            entry.Position = form.Position;
        }, cancellationToken);

    /// <summary>Undoes a merge: the entry goes, its items are open again.</summary>
    public async Task<bool> ReleaseEntryAsync(int cohortId, int id, CancellationToken cancellationToken = default)
    {
        var entry = await db.AgendaEntries.Include(e => e.Items).SingleOrDefaultAsync(e => e.Id == id && e.CohortId == cohortId, cancellationToken);
        if (entry is null)
        {
            return false;
        }

        entry.Items.ForEach(i => i.AgendaEntryId = null);
        db.AgendaEntries.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private IQueryable<AgendaItem> Items(int cohortId) => db.AgendaItems.AsNoTracking().Where(i => i.CohortId == cohortId);

    private static async Task<List<AgendaItemRow>> ToRowsAsync(IQueryable<AgendaItem> items, CancellationToken cancellationToken) =>
        await items.Select(i => new AgendaItemRow(
                i.Id, i.Kind, i.Text, i.Theme, i.LocalGovernmentId, i.LocalGovernment == null ? null : i.LocalGovernment.Name, i.CountryCode,
                i.Session == null ? null : i.Session.Code, i.Objectives.OrderBy(o => o.ObjectiveNumber).Select(o => o.ObjectiveNumber).ToList(), i.AgendaEntryId))
            .ToListAsync(cancellationToken);
}
