using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Certificates;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Tabular;
using ChampionPortal.Web.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Champions;

/// <summary>One recognized local government or person, as the public may see them.</summary>
public sealed record Champion(
    CertificateKind Kind, string Name, string LocalGovernmentName, string CountryCode, string CountryName, double? Latitude, double? Longitude,
    string VerificationCode, DateOnly IssuedOn, string CohortCode);

public sealed record CohortChoice(int Id, string Code, string Name);

/// <summary>The latest cohort in figures, for the public home page.</summary>
public sealed record CohortFigures(
    string CohortName, int Invited, int InvitedCountries, int AtLaunchForum, int InWorkshop, int ChampionGovernments, int ChampionPeople, int Countries);

/// <summary>A country on the map: its outline, its champion local governments, and the shade that follows from them.</summary>
public sealed record MapCountryView(MapCountry Country, string Name, int Governments, int Shade);

public sealed record MapPointView(string Name, string CountryName, MapPoint Point, string VerificationCode);

public sealed record ChampionsPage(
    IReadOnlyList<CohortChoice> Cohorts, CohortChoice? Cohort, string? Country, string? Search, IReadOnlyList<Champion> Governments,
    IReadOnlyList<Champion> People, IReadOnlyList<MapCountryView> Map, IReadOnlyList<MapPointView> Points, IReadOnlyList<(string Code, string Name)> CountryOptions);

/// <summary>
/// The public side of recognition: the champions directory, its map and its open data. Local governments with a valid
/// certificate are always public; a person only with a valid certificate and consent (given when answering the
/// invitation, or later in the profile). Revoked and superseded certificates never show.
/// </summary>
public sealed class ChampionsService(PortalDbContext db, SouthAmericaMap map)
{
    /// <summary>Cohorts with at least one valid certificate, newest first.</summary>
    public async Task<List<CohortChoice>> CohortsAsync(CancellationToken cancellationToken = default) =>
        await db.Cohorts.AsNoTracking().Where(c => db.Certificates.Any(x => x.CohortId == c.Id && x.Status == CertificateStatus.Valid))
            .OrderByDescending(c => c.StartDate).Select(c => new CohortChoice(c.Id, c.Code, c.Name)).ToListAsync(cancellationToken);

    public async Task<ChampionsPage> PageAsync(string? cohortCode, string? country, string? search, CancellationToken cancellationToken = default)
    {
        var cohorts = await CohortsAsync(cancellationToken);
        var cohort = cohortCode is null ? cohorts.FirstOrDefault() : cohorts.FirstOrDefault(c => string.Equals(c.Code, cohortCode, StringComparison.OrdinalIgnoreCase));
        var all = cohort is null ? [] : await ChampionsAsync([cohort.Id], cancellationToken);
        var countries = all.Select(c => (c.CountryCode, c.CountryName)).Distinct().OrderBy(c => c.CountryName, StringComparer.CurrentCulture).ToList();
        var key = SearchText.Key(search);
        var shown = all.Where(c => (string.IsNullOrEmpty(country) || c.CountryCode == country)
            && (key.Length == 0 || SearchText.Key(c.Name).Contains(key, StringComparison.Ordinal) || SearchText.Key(c.LocalGovernmentName).Contains(key, StringComparison.Ordinal))).ToList();

        // The map shows the whole cohort whatever the filter: it is the picture of the group.
        var governments = all.Where(c => c.Kind == CertificateKind.LocalGovernment).ToList();
        var perCountry = governments.GroupBy(g => g.CountryCode).ToDictionary(g => g.Key, g => g.Count());
        var most = Math.Max(1, perCountry.Values.DefaultIfEmpty(0).Max());
        var names = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code.Trim(), c => PortalCultures.Pick(c.NameEn, c.NameEs, c.NamePt), cancellationToken);
        var shapes = map.Countries.Select(c =>
        {
            var count = c.Alpha2 is { } code ? perCountry.GetValueOrDefault(code) : 0;
            var name = c.Alpha2 is { } a && names.TryGetValue(a, out var localized) ? localized : c.Name;
            return new MapCountryView(c, name, count, count == 0 ? 0 : 1 + (int)Math.Round((count - 1) * 3.0 / Math.Max(1, most - 1)));
        }).ToList();
        var points = governments.Where(g => g.Latitude is not null && g.Longitude is not null)
            .Select(g => map.Project(g.Latitude!.Value, g.Longitude!.Value) is { } p ? new MapPointView(g.Name, g.CountryName, p, g.VerificationCode) : null)
            .OfType<MapPointView>().ToList();
        return new ChampionsPage(
            cohorts, cohort, country, search, [.. shown.Where(c => c.Kind == CertificateKind.LocalGovernment)], [.. shown.Where(c => c.Kind == CertificateKind.Person)],
            shapes, points, countries);
    }

    /// <summary>The public directory of a cohort (or of every cohort) as a table: the open data.</summary>
    public async Task<(List<Champion> Rows, string Name)?> OpenDataAsync(string? cohortCode, CancellationToken cancellationToken = default)
    {
        var cohorts = await CohortsAsync(cancellationToken);
        var chosen = cohortCode is null ? cohorts : cohorts.Where(c => string.Equals(c.Code, cohortCode, StringComparison.OrdinalIgnoreCase)).ToList();
        if (cohortCode is not null && chosen.Count == 0)
        {
            return null;
        }

        var rows = await ChampionsAsync([.. chosen.Select(c => c.Id)], cancellationToken);
        return (rows, cohortCode is null ? "champions" : $"champions-{chosen[0].Code}");
    }

    public static Table ToTable(IEnumerable<Champion> rows, Func<string, string> verifyUrl) => new(
        ["cohort", "kind", "name", "local_government", "country_code", "country", "latitude", "longitude", "issued_on", "verification_url"],
        [.. rows.Select(r => (IReadOnlyList<string?>)
        [
            r.CohortCode, r.Kind == CertificateKind.Person ? "person" : "local_government", r.Name, r.LocalGovernmentName, r.CountryCode, r.CountryName,
            r.Latitude?.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Longitude?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.IssuedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), verifyUrl(r.VerificationCode),
        ])]);

    /// <summary>The latest cohort that has begun, in figures: who was invited, who came, who was recognized.</summary>
    public async Task<CohortFigures?> LatestFiguresAsync(CancellationToken cancellationToken = default)
    {
        var cohort = (await CohortsAsync(cancellationToken)).FirstOrDefault();
        if (cohort is null)
        {
            return null;
        }

        var invited = await db.Invitations.AsNoTracking().Where(i => i.CohortId == cohort.Id && i.Status != InvitationStatus.Revoked && i.Status != InvitationStatus.Pending)
            .Select(i => new { i.AuthorityId, i.CountryCode }).ToListAsync(cancellationToken);
        var present = await db.Attendances.AsNoTracking().Where(a => a.CohortId == cohort.Id && a.Status == AttendanceStatus.Present)
            .Select(a => new { a.AuthorityId, a.Session!.Event!.Kind }).Distinct().ToListAsync(cancellationToken);
        var valid = await db.Certificates.AsNoTracking().Where(c => c.CohortId == cohort.Id && c.Status == CertificateStatus.Valid)
            .Select(c => new { c.Kind, c.CountryCode }).ToListAsync(cancellationToken);
        return new CohortFigures(
            cohort.Name, invited.Select(i => i.AuthorityId).Distinct().Count(), invited.Select(i => i.CountryCode).Distinct().Count(),
            present.Where(p => p.Kind == EventKind.LaunchForum).Select(p => p.AuthorityId).Distinct().Count(),
            present.Where(p => p.Kind == EventKind.Workshop).Select(p => p.AuthorityId).Distinct().Count(),
            valid.Count(c => c.Kind == CertificateKind.LocalGovernment), valid.Count(c => c.Kind == CertificateKind.Person),
            valid.Where(c => c.Kind == CertificateKind.LocalGovernment).Select(c => c.CountryCode).Distinct().Count());
    }

    /// <summary>The public champions of the cohorts, in one query whatever their number.</summary>
    private async Task<List<Champion>> ChampionsAsync(IReadOnlyCollection<int> cohortIds, CancellationToken cancellationToken)
    {
        var rows = await db.Certificates.AsNoTracking()
            .Where(c => cohortIds.Contains(c.CohortId) && c.Status == CertificateStatus.Valid
                && (c.Kind == CertificateKind.LocalGovernment
                    || db.Invitations.Any(i => i.CohortId == c.CohortId && i.AuthorityId == c.AuthorityId && i.DirectoryConsent)))
            .Select(c => new
            {
                c.Kind,
                c.RecipientName,
                c.LocalGovernmentName,
                c.CountryCode,
                c.VerificationCode,
                c.IssuedOn,
                Place = db.LocalGovernments.Where(l => l.Id == c.LocalGovernmentId).Select(l => new { l.Latitude, l.Longitude }).FirstOrDefault(),
                Country = db.Countries.Where(k => k.Code == c.CountryCode).Select(k => new { k.NameEn, k.NameEs, k.NamePt }).FirstOrDefault(),
                CohortCode = c.Cohort!.Code,
            })
            .ToListAsync(cancellationToken);
        return
        [
            .. rows.Select(r => new Champion(
                r.Kind, r.RecipientName, r.LocalGovernmentName, r.CountryCode.Trim(), r.Country is { } k ? PortalCultures.Pick(k.NameEn, k.NameEs, k.NamePt) : r.CountryCode,
                r.Place?.Latitude, r.Place?.Longitude, CertificateService.Grouped(r.VerificationCode), r.IssuedOn, r.CohortCode))
            .OrderBy(r => r.CountryName, StringComparer.CurrentCulture).ThenBy(r => r.Name, StringComparer.CurrentCulture),
        ];
    }
}
