namespace ChampionPortal.Web.Domain;

public class Country
{
    public required string Code { get; set; }
    public required string NameEn { get; set; }
    public required string NameEs { get; set; }
    public required string NamePt { get; set; }
}
