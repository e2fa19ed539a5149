using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Shared;

namespace ChampionPortal.Web.Features.Champions;

/// <summary>One recognized local government or person, as the public may see them.</summary>
public sealed record Champion(
    CertificateKind Kind, string Name, string LocalGovernmentName, string CountryCode, string CountryName, double? Latitude, double? Longitude,
    string VerificationCode, DateOnly IssuedOn, string CohortCode);

public sealed record CohortChoice(int Id, string Code, string Name);

/// <summary>Champions of one kind in one country of a cohort's directory.</summary>
public sealed record DirectoryCount(string CountryCode, CertificateKind Kind, int Count);

/// <summary>The directory's counts per country and kind, kept per cohort while its figures do not change.</summary>
public sealed record DirectoryCounts(IReadOnlyList<DirectoryCount> Counts);

/// <summary>The latest cohort in figures, for the public home page.</summary>
public sealed record CohortFigures(
    string CohortName, int Invited, int InvitedCountries, int AtLaunchForum, int InWorkshop, int ChampionGovernments, int ChampionPeople, int Countries);

/// <summary>A country on the map: its outline, its champion local governments, and the shade that follows from them.</summary>
public sealed record MapCountryView(MapCountry Country, string Name, int Governments, int Shade);

public sealed record MapPointView(string Name, string CountryName, MapPoint Point, string VerificationCode);

public sealed record ChampionsPage(
    IReadOnlyList<CohortChoice> Cohorts, CohortChoice? Cohort, string? Country, string? Search, PagedList<Champion> Governments,
    PagedList<Champion> People, IReadOnlyList<MapCountryView> Map, IReadOnlyList<MapPointView> Points, IReadOnlyList<(string Code, string Name)> CountryOptions)
{
    public IReadOnlyList<MapLegendStep> Legend { get; init; } = [];
}

/// <summary>One step of the map's legend: the shade, and the counts of champion local governments it stands for.</summary>
public sealed record MapLegendStep(int Shade, int From, int To);
