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
}
