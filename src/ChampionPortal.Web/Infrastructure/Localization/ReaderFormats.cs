using System.Globalization;

namespace ChampionPortal.Web.Infrastructure.Localization;

/// <summary>
/// How the portal reads numbers and dates typed into its forms. A Spanish or Portuguese reader may type "-8.5" (as a
/// phone keyboard or a copied coordinate gives it) or "-8,5"; both mean the same number. The culture's own parser
/// would read "-8.5" as -85 (the point being its thousands separator), so thousands separators are never accepted:
/// what cannot be read one way only is refused, never saved as a different number.
/// </summary>
public static class ReaderFormats
{
    /// <summary>How pages write a date: "2 Dec 2026", "2 dic 2026", "2 dez 2026"; never numeric, which reads two ways.</summary>
    public const string Date = "d MMM yyyy";

    /// <summary>A date and time written the same unambiguous way, 24-hour clock.</summary>
    public const string DateTime = "d MMM yyyy HH:mm";

    private const NumberStyles PlainDecimal = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static bool TryParseNumber(string text, CultureInfo culture, out decimal value)
    {
        value = 0;
        var normalized = text.Trim().Replace('\u2212', '-');
        var points = normalized.Count(c => c == '.');
        var commas = normalized.Count(c => c == ',');
        var commaIsDecimal = culture.NumberFormat.NumberDecimalSeparator == ",";
        if (points + commas > 1 || (commas == 1 && !commaIsDecimal))
        {
            return false;
        }

        return decimal.TryParse(normalized.Replace(',', '.'), PlainDecimal, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// The ISO form (what date pickers send) in every language, the day-first numeric form where the reader writes
    /// dates that way, and the written form ("2 Dec 2026", "2 dic 2026"). A numeric date on an English page is refused:
    /// "03/04/2026" is March to some readers and April to others.
    /// </summary>
    public static bool TryParseDate(string text, CultureInfo culture, out DateOnly value)
    {
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        string[] written = ["d MMM yyyy", "d MMMM yyyy", "d 'de' MMMM 'de' yyyy"];
        string[] readersFormats = culture.DateTimeFormat.ShortDatePattern.StartsWith('d') ? ["d/M/yyyy", .. written] : written;
        return DateOnly.TryParseExact(trimmed, readersFormats, culture, DateTimeStyles.AllowWhiteSpaces, out value);
    }
}
