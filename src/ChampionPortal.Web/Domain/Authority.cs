namespace ChampionPortal.Web.Domain;

public enum GenderCategory
{
    Woman,
    Man,
    NonBinary,
    PrefersNotToSay,
    SelfDescribed,
}

/// <summary>A person who holds office in a local government.</summary>
public class Authority : IVersioned, ICountryScoped, ISearchable
{
    public int Id { get; set; }
    [PersonalField] public required string FullName { get; set; }
    public required string Position { get; set; }
    [PersonalField] public required string Email { get; set; }
    [PersonalField] public string EmailNormalized { get; private set; } = "";
    [PersonalField] public string? Phone { get; set; }
    public string PreferredLanguage { get; set; } = "es";
    [PersonalField] public GenderCategory Gender { get; set; } = GenderCategory.PrefersNotToSay;
    [PersonalField] public string? GenderDescription { get; set; }
    public int? LocalGovernmentId { get; set; }
    public LocalGovernment? LocalGovernment { get; set; }
    public required string CountryCode { get; set; }
    public Country? Country { get; set; }
    [PersonalField] public string SearchKey { get; private set; } = "";
    public int Version { get; set; }

    /// <summary>When the person's data was erased on request; the record stays, anonymous, for the aggregate figures.</summary>
    public DateTime? ErasedAtUtc { get; set; }

    public void RefreshSearchKey()
    {
        SearchKey = SearchText.Key(FullName);
        EmailNormalized = SearchText.Email(Email);
    }
}
