using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Tabular;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.LocalGovernments;

public sealed class LocalGovernmentService(PortalDbContext db, CountryOptions countryOptions)
{
    /// <summary>One page of local governments within the user's country scope: three SQL statements at any page size.</summary>
    public async Task<LocalGovernmentListPage> ListAsync(LocalGovernmentListQuery query, CountryScope scope, CancellationToken cancellationToken = default)
    {
        var governments = Filter(query, scope);
        var results = await Sort(governments, query.Sort).ToPagedListAsync(query, page => page
            .Select(l => new LocalGovernmentRow(
                l.Id, l.Name, l.Kind, l.CountryCode, l.Country!.NameEn, l.Country.NameEs, l.Country.NamePt, l.IsMercociudadesMember,
                db.Authorities.Count(a => a.LocalGovernmentId == l.Id))), cancellationToken);
        var countries = await countryOptions.ListAsync(scope, cancellationToken);
        return new LocalGovernmentListPage(
            query, results, countries, scope.OnlyCountry is not null);
    }

    /// <summary>The local governments of the list's filters, without paging.</summary>
    public async Task<Table> ExportAsync(LocalGovernmentListQuery query, CountryScope scope, CancellationToken cancellationToken = default)
    {
        var rows = await Sort(Filter(query, scope), "country")
            .Select(l => new { l.CountryCode, l.Name, l.Kind, l.TimeZone, l.Latitude, l.Longitude, l.IsMercociudadesMember })
            .ToListAsync(cancellationToken);
        return new Table(
            ["country_code", "local_government", "local_government_kind", "time_zone", "latitude", "longitude", "mercociudades_member"],
            [.. rows.Select(r => (IReadOnlyList<string?>)[
                r.CountryCode, r.Name, r.Kind.ToString(), r.TimeZone,
                r.Latitude?.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Longitude?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.IsMercociudadesMember ? "yes" : "no"])]);
    }

    public Task<LocalGovernmentDetails?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.LocalGovernments.AsNoTracking()
            .Where(l => l.Id == id)
            .Select(l => new LocalGovernmentDetails(
                l.Id, l.Name, l.Kind, l.CountryCode, l.Country!.NameEn, l.Country.NameEs, l.Country.NamePt, l.TimeZone,
                l.Latitude, l.Longitude, l.IsMercociudadesMember, db.Authorities.Count(a => a.LocalGovernmentId == l.Id), l.Version))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<LocalGovernmentEditor> NewEditorAsync(CountryScope scope, CancellationToken cancellationToken = default)
    {
        var form = new LocalGovernmentForm { Kind = LocalGovernmentKind.Municipality, CountryCode = scope.OnlyCountry };
        form.TimeZone = form.CountryCode is null ? null : CountryTimeZones.DefaultFor(form.CountryCode);
        return new LocalGovernmentEditor(null, form, await countryOptions.ListAsync(scope, cancellationToken));
    }

    public async Task<LocalGovernmentEditor> EditorAsync(int? id, LocalGovernmentForm form, CountryScope scope, LocalGovernmentDetails? conflict = null, CancellationToken cancellationToken = default) =>
        new(id, form, await countryOptions.ListAsync(scope, cancellationToken), conflict);

    public static LocalGovernmentForm FormFrom(LocalGovernmentDetails details) => new()
    {
        Name = details.Name,
        Kind = details.Kind,
        CountryCode = details.CountryCode,
        TimeZone = details.TimeZone,
        Latitude = details.Latitude,
        Longitude = details.Longitude,
        IsMercociudadesMember = details.IsMercociudadesMember,
        Version = details.Version,
    };

    public async Task<int> CreateAsync(LocalGovernmentForm form, CancellationToken cancellationToken = default)
    {
        var government = new LocalGovernment
        {
            Name = form.Name!.Trim(),
            CountryCode = form.CountryCode!,
            TimeZone = form.TimeZone!,
        };
        Apply(government, form);
        db.LocalGovernments.Add(government);
        await db.SaveChangesAsync(cancellationToken);
        return government.Id;
    }

    public Task<SaveOutcome> UpdateAsync(int id, LocalGovernmentForm form, CancellationToken cancellationToken = default) =>
        db.EditVersionedAsync<LocalGovernment>(l => l.Id == id, form.Version, government => Apply(government, form), cancellationToken);

    public Task<SaveOutcome> DeleteAsync(int id, int version, CancellationToken cancellationToken = default) =>
        db.DeleteVersionedAsync<LocalGovernment>(
            l => l.Id == id, version, () => db.Authorities.AnyAsync(a => a.LocalGovernmentId == id, cancellationToken), cancellationToken);

    private IQueryable<LocalGovernment> Filter(LocalGovernmentListQuery query, CountryScope scope)
    {
        var governments = scope.Apply(db.LocalGovernments.AsNoTracking());
        if (SearchText.Compact(query.Q) is { Length: > 0 } key)
        {
            governments = governments.Where(l => l.SearchKey.Replace(" ", "").Contains(key));
        }

        if (!string.IsNullOrEmpty(query.Country))
        {
            governments = governments.Where(l => l.CountryCode == query.Country);
        }

        if (query.Kind is { } kind)
        {
            governments = governments.Where(l => l.Kind == kind);
        }

        return governments;
    }

    private static void Apply(LocalGovernment government, LocalGovernmentForm form)
    {
        government.Name = form.Name!.Trim();
        government.Kind = form.Kind!.Value;
        government.CountryCode = form.CountryCode!;
        government.TimeZone = form.TimeZone!;
        government.Latitude = form.Latitude;
        government.Longitude = form.Longitude;
        government.IsMercociudadesMember = form.IsMercociudadesMember;
    }

    private static IQueryable<LocalGovernment> Sort(IQueryable<LocalGovernment> query, string? sort) => sort switch
    {
        "-name" => query.OrderByDescending(l => l.SearchKey).ThenBy(l => l.Id),
        "country" => query.OrderBy(l => l.CountryCode).ThenBy(l => l.SearchKey).ThenBy(l => l.Id),
        "-country" => query.OrderByDescending(l => l.CountryCode).ThenBy(l => l.SearchKey).ThenBy(l => l.Id),
        "kind" => query.OrderBy(l => l.Kind).ThenBy(l => l.SearchKey).ThenBy(l => l.Id),
        "-kind" => query.OrderByDescending(l => l.Kind).ThenBy(l => l.SearchKey).ThenBy(l => l.Id),
        _ => query.OrderBy(l => l.SearchKey).ThenBy(l => l.Id),
    };
}
