namespace ChampionPortal.Web.Domain;

/// <summary>An editable record whose edits are checked for concurrency through a portable version number.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>A record that belongs to one country, so a country office may only reach its own.</summary>
public interface ICountryScoped
{
    string CountryCode { get; }
}

/// <summary>A record with an accent- and case-free search column computed in C# (SQLite has no unaccent).</summary>
public interface ISearchable
{
    void RefreshSearchKey();
}

/// <summary>
/// A record the cohort's figures count (the funnel dashboard): saving one moves the cohort's
/// <see cref="Cohort.FiguresVersion"/> on, in the same transaction, so figures computed before are known to be stale.
/// </summary>
public interface ICountedInCohortFigures
{
    int CohortId { get; }
}
