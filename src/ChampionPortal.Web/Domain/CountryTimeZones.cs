namespace ChampionPortal.Web.Domain;

/// <summary>The IANA time zones in use in each country of the regional office (Brazil and Chile span several).</summary>
public static class CountryTimeZones
{
    public static readonly IReadOnlyDictionary<string, string[]> ByCountry = new Dictionary<string, string[]>
    {
        ["AR"] =
        [
            "America/Argentina/Buenos_Aires", "America/Argentina/Cordoba", "America/Argentina/Salta", "America/Argentina/Jujuy",
            "America/Argentina/Tucuman", "America/Argentina/Catamarca", "America/Argentina/La_Rioja", "America/Argentina/San_Juan",
            "America/Argentina/Mendoza", "America/Argentina/San_Luis", "America/Argentina/Rio_Gallegos", "America/Argentina/Ushuaia",
        ],
        ["BO"] = ["America/La_Paz"],
        ["BR"] =
        [
            "America/Sao_Paulo", "America/Bahia", "America/Fortaleza", "America/Recife", "America/Maceio", "America/Belem",
            "America/Araguaina", "America/Santarem", "America/Manaus", "America/Boa_Vista", "America/Porto_Velho",
            "America/Cuiaba", "America/Campo_Grande", "America/Rio_Branco", "America/Eirunepe", "America/Noronha",
        ],
        ["CL"] = ["America/Santiago", "America/Punta_Arenas", "Pacific/Easter"],
        ["CO"] = ["America/Bogota"],
        ["EC"] = ["America/Guayaquil", "Pacific/Galapagos"],
        ["PY"] = ["America/Asuncion"],
        ["PE"] = ["America/Lima"],
        ["UY"] = ["America/Montevideo"],
        ["VE"] = ["America/Caracas"],
    };

    /// <summary>Every zone of the region, for sessions, which may be held from any country.</summary>
    public static readonly IReadOnlyList<string> All = ByCountry.Values.SelectMany(z => z).Distinct().ToList();

    public static bool IsValid(string? countryCode, string? zone) =>
        countryCode is not null && zone is not null && ByCountry.TryGetValue(countryCode, out var zones) && zones.Contains(zone);

    public static string DefaultFor(string countryCode) => ByCountry.TryGetValue(countryCode, out var zones) ? zones[0] : "UTC";

    // The place a zone is named after, as its people write it (the IANA id has no accents); the two islands have a
    // name in each language.
    private static readonly Dictionary<string, string> Places = new()
    {
        ["America/Argentina/Cordoba"] = "Córdoba",
        ["America/Argentina/Tucuman"] = "Tucumán",
        ["America/Sao_Paulo"] = "São Paulo",
        ["America/Maceio"] = "Maceió",
        ["America/Belem"] = "Belém",
        ["America/Araguaina"] = "Araguaína",
        ["America/Santarem"] = "Santarém",
        ["America/Cuiaba"] = "Cuiabá",
        ["America/Eirunepe"] = "Eirunepé",
        ["America/Noronha"] = "Fernando de Noronha",
        ["America/Bogota"] = "Bogotá",
        ["America/Asuncion"] = "Asunción",
        ["Pacific/Galapagos"] = "Galápagos",
    };

    private static readonly Dictionary<(string Zone, string Language), string> IslandPlaces = new()
    {
        [("Pacific/Easter", "en")] = "Easter Island",
        [("Pacific/Easter", "es")] = "Isla de Pascua",
        [("Pacific/Easter", "pt")] = "Ilha de Páscoa",
    };

    /// <summary>The place a zone is named after, in a language ("es" → "Isla de Pascua"): "São Paulo" for America/Sao_Paulo.</summary>
    public static string PlaceOf(string zone, string language) =>
        IslandPlaces.TryGetValue((zone, language), out var island) ? island
        : IslandPlaces.TryGetValue((zone, "en"), out var english) ? english
        : Places.TryGetValue(zone, out var place) ? place
        : zone[(zone.LastIndexOf('/') + 1)..].Replace('_', ' ');

    /// <summary>The country a zone belongs to, or null for a zone outside the region.</summary>
    public static string? CountryOf(string zone) => ByCountry.FirstOrDefault(c => c.Value.Contains(zone)).Key;
}
