using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Certificates;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Tabular;
using Microsoft.EntityFrameworkCore;

namespace ChampionPortal.Web.Features.Champions;

/// <summary>
/// The public side of recognition: the champions directory, its map and its open data. Local governments with a valid
/// certificate are always public; a person only with a valid certificate and consent (given when answering the
/// invitation, or later in the profile). Revoked and superseded certificates never show.
/// </summary>
public sealed class ChampionsService(PortalDbContext db, SouthAmericaMap map, KeptCohortFigures<DirectoryCounts> kept)
{
    /// <summary>Cohorts with at least one valid certificate, newest first.</summary>
    public async Task<List<CohortChoice>> CohortsAsync(CancellationToken cancellationToken = default)
    {
        var standing = db.Certificates.Standing();
        return await db.Cohorts.AsNoTracking().Where(c => standing.Any(x => x.CohortId == c.Id))
            .OrderByDescending(c => c.StartDate).Select(c => new CohortChoice(c.Id, c.Code, PortalCultures.Pick(c.Name, c.NameEs, c.NamePt))).ToListAsync(cancellationToken);
    }

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
        // In the database's order of names, the order the lists are sorted in, so that pages split where the lists do.
        var countryOrder = PortalCultures.Pick("en", "es", "pt") switch
        {
            "es" => db.Countries.OrderBy(c => c.NameEs),
            "pt" => db.Countries.OrderBy(c => c.NamePt),
            _ => db.Countries.OrderBy(c => c.NameEn),
        };
        var byName = await countryOrder.AsNoTracking().Select(c => new { c.Code, c.NameEn, c.NameEs, c.NamePt }).ToListAsync(cancellationToken);
        var names = byName.ToDictionary(c => c.Code.Trim(), c => PortalCultures.Pick(c.NameEn, c.NameEs, c.NamePt));
        string NameOf(string code) => names.GetValueOrDefault(code.Trim(), code.Trim());
        if (cohort is null)
        {
            var none = new PagedList<Champion>([], 0, 1, PageSize);
            return new ChampionsPage(cohorts, null, country, search, none, none, [], [], []);
        }

        // Read before the counts, so that they are never older than the version they are kept under.
        var version = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohort.Id).Select(c => c.FiguresVersion).SingleAsync(cancellationToken);
        var perCountry = (await kept.GetAsync(cohort.Id, null, version, services => services.GetRequiredService<ChampionsService>().CountsAsync(cohort.Id), cancellationToken)).Counts;
        var countries = byName.Select(c => c.Code.Trim()).Where(c => perCountry.Any(p => p.CountryCode == c)).Select(c => (c, NameOf(c))).ToList();
        var key = SearchText.Compact(search);
        IQueryable<Certificate> Shown(CertificateKind kind)
        {
            var shown = Listed(cohort.Id, kind);
            if (!string.IsNullOrEmpty(country))
            {
                shown = shown.Where(c => c.CountryCode == country);
            }

            return key.Length == 0
                ? shown
                : shown.Where(c => db.LocalGovernments.Any(l => l.Id == c.LocalGovernmentId && l.SearchKey.Replace(" ", "").Contains(key))
                    || (c.Kind == CertificateKind.Person && db.Authorities.Any(a => a.Id == c.AuthorityId && a.SearchKey.Replace(" ", "").Contains(key))));
        }

        async Task<PagedList<Champion>> ListAsync(CertificateKind kind, int page)
        {
            page = Paging.ClampPage(page);
            var ofKind = Shown(kind);
            if (key.Length > 0)
            {
                var found = await ofKind.CountAsync(cancellationToken);
                var rows = await Rows(Sorted(ofKind).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
                return new PagedList<Champion>([.. rows.Select(r => ToChampion(r, NameOf))], found, page, PageSize);
            }

            // Without a search, the kept counts per country say which countries the page spans and where in each it
            // starts: each country's part is read in name order from an index, however large the cohort.
            var counts = countries.Where(c => string.IsNullOrEmpty(country) || c.c == country)
                .Select(c => (Code: c.c, Count: perCountry.Where(p => p.CountryCode == c.c && p.Kind == kind).Sum(p => p.Count))).ToList();
            var parts = PageParts(counts, (page - 1) * PageSize);
            var listed = parts.Count == 0
                ? []
                : await Rows(Sorted(parts.Select(p => ofKind.Where(c => c.CountryCode == p.Code).OrderBy(c => c.RecipientName).ThenBy(c => c.Id).Skip(p.Skip).Take(p.Take))
                    .Aggregate(Queryable.Concat))).ToListAsync(cancellationToken);
            return new PagedList<Champion>([.. listed.Select(r => ToChampion(r, NameOf))], counts.Sum(c => c.Count), page, PageSize);
        }

        var governments = await ListAsync(CertificateKind.LocalGovernment, governmentsPage);
        var people = await ListAsync(CertificateKind.Person, peoplePage);

        var governmentsPerCountry = perCountry.Where(c => c.Kind == CertificateKind.LocalGovernment).ToDictionary(c => c.CountryCode, c => c.Count);
        var most = Math.Max(1, governmentsPerCountry.Values.DefaultIfEmpty(0).Max());
        var shapes = map.Countries.Select(c =>
        {
            var count = c.Alpha2 is { } code ? governmentsPerCountry.GetValueOrDefault(code) : 0;
            var name = c.Alpha2 is { } a && names.TryGetValue(a, out var localized) ? localized : c.Name;
            return new MapCountryView(c, name, count, ShadeOf(count, most));
        }).ToList();
        var located = await Listed(cohort.Id, CertificateKind.LocalGovernment)
            .Join(db.LocalGovernments.Where(l => l.Latitude != null && l.Longitude != null), c => c.LocalGovernmentId, l => l.Id, (c, l) => new { c.RecipientName, c.CountryCode, c.VerificationCode, l.Latitude, l.Longitude })
            .ToListAsync(cancellationToken);
        var points = located
            .Select(g => map.Project(g.Latitude!.Value, g.Longitude!.Value) is { } p ? new MapPointView(g.RecipientName, NameOf(g.CountryCode), p, CertificateVerification.Grouped(g.VerificationCode)) : null)
            .OfType<MapPointView>().ToList();
        return new ChampionsPage(cohorts, cohort, country, search, governments, people, shapes, points, countries) { Legend = Legend(most) };
    }

    /// <summary>A country's shade in four steps, from its count of champion local governments and the most any country has.</summary>
    internal static int ShadeOf(int count, int most) => count == 0 ? 0 : 1 + (int)Math.Round((count - 1) * 3.0 / Math.Max(1, most - 1));

    /// <summary>The counts each shade stands for, so that the legend says numbers rather than "fewest" and "most".</summary>
    internal static IReadOnlyList<MapLegendStep> Legend(int most) =>
        [.. Enumerable.Range(1, most).GroupBy(count => ShadeOf(count, most)).Select(g => new MapLegendStep(g.Key, g.Min(), g.Max()))];

    /// <summary>How many champions of each kind each country has in the cohort's directory: kept until the cohort's figures change.</summary>
    internal async Task<DirectoryCounts> CountsAsync(int cohortId) => new(
        [.. (await Public([cohortId]).GroupBy(c => new { c.CountryCode, c.Kind }).Select(g => new { g.Key.CountryCode, g.Key.Kind, Count = g.Count() })
            .ToListAsync(CancellationToken.None)).Select(g => new DirectoryCount(g.CountryCode.Trim(), g.Kind, g.Count))]);

    /// <summary>The part of each country (in listing order, with its count) that a page starting at <paramref name="offset"/> shows.</summary>
    internal static List<(string Code, int Skip, int Take)> PageParts(IEnumerable<(string Code, int Count)> countries, int offset)
    {
        var parts = new List<(string, int, int)>();
        var wanted = PageSize;
        foreach (var (code, count) in countries)
        {
            if (offset >= count)
            {
                offset -= count;
                continue;
            }

            var take = Math.Min(wanted, count - offset);
            parts.Add((code, offset, take));
            wanted -= take;
            offset = 0;
            if (wanted == 0)
            {
                break;
            }
        }

        return parts;
    }

    /// <summary>
    /// One kind of the cohort's public certificates, as <see cref="Public"/> says, written so that the database can
    /// read a country's certificates in name order from its index and stop after a page (no "or" over the kinds).
    /// </summary>
    private IQueryable<Certificate> Listed(int cohortId, CertificateKind kind)
    {
        var valid = db.Certificates.AsNoTracking().Standing().Where(c => c.CohortId == cohortId && c.Kind == kind);
        return kind == CertificateKind.LocalGovernment
            ? valid
            : valid.Where(c => db.Invitations.Any(i => i.CohortId == c.CohortId && i.AuthorityId == c.AuthorityId && i.DirectoryConsent));
    }

    /// <summary>Valid certificates the public may see: every local government's, a person's only with consent.</summary>
    private IQueryable<Certificate> Public(IReadOnlyCollection<int> cohortIds) => db.Certificates.AsNoTracking().Standing()
        .Where(c => cohortIds.Contains(c.CohortId)
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
        var valid = await db.Certificates.AsNoTracking().Standing().Where(c => c.CohortId == cohort.Id)
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
        r.Latitude, r.Longitude, CertificateVerification.Grouped(r.VerificationCode), r.IssuedOn, r.CohortCode);

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
