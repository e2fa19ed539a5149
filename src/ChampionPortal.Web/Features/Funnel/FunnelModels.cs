using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.Shared;

namespace ChampionPortal.Web.Features.Funnel;

/// <summary>Marker for this feature's resource files (FunnelResources.resx, .es.resx, .pt.resx).</summary>
public sealed class FunnelResources;

public enum StageKind
{
    Nominated,
    Approved,
    Invited,
    Accepted,
    Event,
    Session,
    Eligible,
    Certified,
}

/// <summary>One stage of the funnel: who reached it, counted as distinct people, local governments and countries.</summary>
public sealed record FunnelStage(StageKind Kind, string? Name, int People, int LocalGovernments, int Countries)
{
    /// <summary>Sessions are shown under their event, not as stages of their own in the breakdowns.</summary>
    public bool IsSession => Kind == StageKind.Session;
}

public sealed record StageCount(int People, int LocalGovernments);

public sealed record FunnelCountryRow(string CountryCode, string CountryName, IReadOnlyList<StageCount> Stages);

/// <summary>A row of a breakdown (a kind of local government, or a gender) with one count per main stage.</summary>
public sealed record FunnelBreakdownRow(string Key, IReadOnlyList<int> Counts);

public sealed record FunnelPage(
    int CohortId,
    string CohortName,
    IReadOnlyList<CohortOption> Cohorts,
    string? OnlyCountry,
    IReadOnlyList<FunnelStage> Stages,
    IReadOnlyList<FunnelCountryRow> Countries,
    IReadOnlyList<FunnelBreakdownRow> ByKind,
    IReadOnlyList<FunnelBreakdownRow> ByGender)
{
    /// <summary>The stages that the per-country table and the breakdowns have as columns: every stage but the sessions.</summary>
    public IReadOnlyList<FunnelStage> MainStages => [.. Stages.Where(s => !s.IsSession)];
}

public enum FunnelTable
{
    Stages,
    Countries,
    Kinds,
    Genders,
}

/// <summary>
/// Who reached a stage (a <see cref="StageKind"/>, and for events and sessions their id as the key): a person, the
/// local government represented there, its kind and country, and the person's gender. A local government's own
/// certificate is a fact without a person. A row of a query, never read.
/// </summary>
public sealed class StageFact
{
    public int Stage { get; init; }
    public int Key { get; init; }
    public int? AuthorityId { get; init; }
    public int? LocalGovernmentId { get; init; }
    public LocalGovernmentKind? GovernmentKind { get; init; }
    public string CountryCode { get; init; } = "";
    public GenderCategory? Gender { get; init; }
}

/// <summary>A stage's distinct people and local governments in one country.</summary>
public sealed record StageCountryCount(int Stage, int Key, string CountryCode, int People, int LocalGovernments);

/// <summary>
/// Every count of a cohort's funnel for one country scope, by stage (its <see cref="StageKind"/> and key), before
/// the page names and orders anything: what <see cref="KeptCohortFigures{TFigures}"/> keeps.
/// </summary>
public sealed record FunnelFigures(
    IReadOnlyDictionary<(int Stage, int Key), (int People, int LocalGovernments, int Countries)> Stages,
    IReadOnlyList<StageCountryCount> Countries,
    IReadOnlyDictionary<(int Stage, int Key, LocalGovernmentKind Kind), int> Kinds,
    IReadOnlyDictionary<(int Stage, int Key, GenderCategory Gender), int> Genders);
