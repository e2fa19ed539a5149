using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Certificates;
using ChampionPortal.Web.Features.Shared;
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
    IReadOnlyList<CohortChoice> Cohorts, CohortChoice? Cohort, string? Country, string? Search, PagedList<Champion> Governments,
    PagedList<Champion> People, IReadOnlyList<MapCountryView> Map, IReadOnlyList<MapPointView> Points, IReadOnlyList<(string Code, string Name)> CountryOptions);

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

    /// <summary>Champions listed per page of each list (local governments, people).</summary>
    public const int PageSize = 50;

    /// <summary>
    /// The directory page: the cohort's champions filtered, sorted and paged in the database (a cohort may have
    /// thousands), and the map, which shows the whole cohort whatever the filter: it is the picture of the group.
    /// </summary>
    public async Task<ChampionsPage> PageAsync(
        string? cohortCode, string? country, string? search, int governmentsPage = 1, int peoplePage = 1, CancellationToken cancellationToken = default)
    {
        var cohorts = await CohortsAsync(cancellationToken);
        var cohort = cohortCode is null ? cohorts.FirstOrDefault() : cohorts.FirstOrDefault(c => string.Equals(c.Code, cohortCode, StringComparison.OrdinalIgnoreCase));
        var names = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code.Trim(), c => PortalCultures.Pick(c.NameEn, c.NameEs, c.NamePt), cancellationToken);
        string NameOf(string code) => names.GetValueOrDefault(code.Trim(), code.Trim());
        if (cohort is null)
        {
            var none = new PagedList<Champion>([], 0, 1, PageSize);
            return new ChampionsPage(cohorts, null, country, search, none, none, [], [], []);
        }

        var visible = Public([cohort.Id]);
        var perCountry = (await visible.GroupBy(c => new { c.CountryCode, c.Kind }).Select(g => new { g.Key.CountryCode, g.Key.Kind, Count = g.Count() })
            .ToListAsync(cancellationToken)).Select(g => (CountryCode: g.CountryCode.Trim(), g.Kind, g.Count)).ToList();
        var countries = perCountry.Select(c => c.CountryCode).Distinct().Select(c => (c, NameOf(c))).OrderBy(c => c.Item2, StringComparer.CurrentCulture).ToList();

        var key = SearchText.Key(search);
        var shown = visible;
        if (!string.IsNullOrEmpty(country))
        {
            shown = shown.Where(c => c.CountryCode == country);
        }

        if (key.Length > 0)
        {
            shown = shown.Where(c => db.LocalGovernments.Any(l => l.Id == c.LocalGovernmentId && l.SearchKey.Contains(key))
                || (c.Kind == CertificateKind.Person && db.Authorities.Any(a => a.Id == c.AuthorityId && a.SearchKey.Contains(key))));
        }

        async Task<PagedList<Champion>> ListAsync(CertificateKind kind, int page)
        {
            page = Paging.ClampPage(page);
            var ofKind = shown.Where(c => c.Kind == kind);
            var total = key.Length == 0
                ? perCountry.Where(c => c.Kind == kind && (string.IsNullOrEmpty(country) || c.CountryCode == country)).Sum(c => c.Count)
                : await ofKind.CountAsync(cancellationToken);
            var rows = await Rows(Sorted(ofKind).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
            return new PagedList<Champion>([.. rows.Select(r => ToChampion(r, NameOf))], total, page, PageSize);
        }

        var governments = await ListAsync(CertificateKind.LocalGovernment, governmentsPage);
        var people = await ListAsync(CertificateKind.Person, peoplePage);

        var governmentsPerCountry = perCountry.Where(c => c.Kind == CertificateKind.LocalGovernment).ToDictionary(c => c.CountryCode, c => c.Count);
        var most = Math.Max(1, governmentsPerCountry.Values.DefaultIfEmpty(0).Max());
        var shapes = map.Countries.Select(c =>
        {
            var count = c.Alpha2 is { } code ? governmentsPerCountry.GetValueOrDefault(code) : 0;
            var name = c.Alpha2 is { } a && names.TryGetValue(a, out var localized) ? localized : c.Name;
            return new MapCountryView(c, name, count, count == 0 ? 0 : 1 + (int)Math.Round((count - 1) * 3.0 / Math.Max(1, most - 1)));
        }).ToList();
        var located = await visible.Where(c => c.Kind == CertificateKind.LocalGovernment)
            .Join(db.LocalGovernments.Where(l => l.Latitude != null && l.Longitude != null), c => c.LocalGovernmentId, l => l.Id, (c, l) => new { c.RecipientName, c.CountryCode, c.VerificationCode, l.Latitude, l.Longitude })
            .ToListAsync(cancellationToken);
        var points = located
            .Select(g => map.Project(g.Latitude!.Value, g.Longitude!.Value) is { } p ? new MapPointView(g.RecipientName, NameOf(g.CountryCode), p, CertificateService.Grouped(g.VerificationCode)) : null)
            .OfType<MapPointView>().ToList();
        return new ChampionsPage(cohorts, cohort, country, search, governments, people, shapes, points, countries);
    }

    /// <summary>Valid certificates the public may see: every local government's, a person's only with consent.</summary>
    private IQueryable<Certificate> Public(IReadOnlyCollection<int> cohortIds) => db.Certificates.AsNoTracking()
        .Where(c => cohortIds.Contains(c.CohortId) && c.Status == CertificateStatus.Valid
            && (c.Kind == CertificateKind.LocalGovernment
                || db.Invitations.Any(i => i.CohortId == c.CohortId && i.AuthorityId == c.AuthorityId && i.DirectoryConsent)));

    /// <summary>By country, in the reader's language, then by name (a join: a subquery per row cost more at 10,000 rows).</summary>
    private IQueryable<Certificate> Sorted(IQueryable<Certificate> certificates)
    {
        var withCountry = certificates.Join(db.Countries, c => c.CountryCode, k => k.Code, (c, k) => new { Certificate = c, Country = k });
        var byCountry = PortalCultures.Pick("en", "es", "pt") switch
        {
            "es" => withCountry.OrderBy(x => x.Country.NameEs),
            "pt" => withCountry.OrderBy(x => x.Country.NamePt),
            _ => withCountry.OrderBy(x => x.Country.NameEn),
        };
        return byCountry.ThenBy(x => x.Certificate.RecipientName).ThenBy(x => x.Certificate.Id).Select(x => x.Certificate);
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
        var rows = await Rows(Public(cohortIds)).ToListAsync(cancellationToken);
        return
        [
            .. rows.Select(r => ToChampion(r, code => r.Country is { } k ? PortalCultures.Pick(k.NameEn, k.NameEs, k.NamePt) : code))
            .OrderBy(r => r.CountryName, StringComparer.CurrentCulture).ThenBy(r => r.Name, StringComparer.CurrentCulture),
        ];
    }

    private IQueryable<ChampionRow> Rows(IQueryable<Certificate> certificates) => certificates.Select(c => new ChampionRow
    {
        Kind = c.Kind,
        RecipientName = c.RecipientName,
        LocalGovernmentName = c.LocalGovernmentName,
        CountryCode = c.CountryCode,
        VerificationCode = c.VerificationCode,
        IssuedOn = c.IssuedOn,
        Latitude = db.LocalGovernments.Where(l => l.Id == c.LocalGovernmentId).Select(l => l.Latitude).FirstOrDefault(),
        Longitude = db.LocalGovernments.Where(l => l.Id == c.LocalGovernmentId).Select(l => l.Longitude).FirstOrDefault(),
        Country = db.Countries.Where(k => k.Code == c.CountryCode).Select(k => new CountryNames(k.NameEn, k.NameEs, k.NamePt)).FirstOrDefault(),
        CohortCode = c.Cohort!.Code,
    });

    private static Champion ToChampion(ChampionRow r, Func<string, string> countryName) => new(
        r.Kind, r.RecipientName, r.LocalGovernmentName, r.CountryCode.Trim(), countryName(r.CountryCode.Trim()),
        r.Latitude, r.Longitude, CertificateService.Grouped(r.VerificationCode), r.IssuedOn, r.CohortCode);

    private sealed record CountryNames(string NameEn, string NameEs, string NamePt);

    private sealed class ChampionRow
    {
        public CertificateKind Kind { get; init; }
        public string RecipientName { get; init; } = "";
        public string LocalGovernmentName { get; init; } = "";
        public string CountryCode { get; init; } = "";
        public string VerificationCode { get; init; } = "";
        public DateOnly IssuedOn { get; init; }
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }
        public CountryNames? Country { get; init; }
        public string CohortCode { get; init; } = "";
    }
}
