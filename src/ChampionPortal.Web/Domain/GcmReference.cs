namespace ChampionPortal.Web.Domain;

/// <summary>One of the 23 objectives of the Global Compact for Migration (A/RES/73/195, para. 16).</summary>
public class GcmObjective : IVersioned
{
    public int Number { get; set; }
    public required string ShortEn { get; set; }
    public required string ShortEs { get; set; }
    public required string ShortPt { get; set; }
    public required string TitleEn { get; set; }
    public required string TitleEs { get; set; }
    public required string TitlePt { get; set; }
    public int Version { get; set; }
}

/// <summary>One of the 10 guiding principles of the Global Compact for Migration (A/RES/73/195, para. 15).</summary>
public class GuidingPrinciple : IVersioned
{
    public int Number { get; set; }
    public required string TitleEn { get; set; }
    public required string TitleEs { get; set; }
    public required string TitlePt { get; set; }
    public int Version { get; set; }
}
