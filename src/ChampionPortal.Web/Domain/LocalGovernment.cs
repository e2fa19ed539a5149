namespace ChampionPortal.Web.Domain;

public enum LocalGovernmentKind
{
    Municipality,
    City,
    Department,
    Province,
    State,
    Other,
}

public class LocalGovernment : IVersioned, ICountryScoped, ISearchable
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public LocalGovernmentKind Kind { get; set; }
    public required string CountryCode { get; set; }
    public Country? Country { get; set; }
    public required string TimeZone { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public bool IsMercociudadesMember { get; set; }
    public string SearchKey { get; private set; } = "";
    public int Version { get; set; }

    public void RefreshSearchKey() => SearchKey = SearchText.Key(Name);
}
