using System.Globalization;
using System.Text;

namespace ChampionPortal.Web.Infrastructure.Localization;

/// <summary>
/// Formats a resource string whose counts choose the words around them, in the ICU MessageFormat style that
/// translators know: <c>{0, plural, one {# session} other {# sessions}}</c>, with <c>=0 {…}</c> for an exact number
/// and <c>#</c> for the number written in the reader's format. The categories follow CLDR's rules for the portal's
/// languages: English and Spanish take "one" for exactly 1; Portuguese (Brazil) for 0 and 1. Everything else in
/// the string is composite formatting as usual. (No MessageFormat library is available from the package registry.)
/// </summary>
public static class PluralFormat
{
    private const string Marker = ", plural,";

    public static string Format(CultureInfo culture, string pattern, object?[] arguments)
    {
        var expanded = pattern.Contains(Marker, StringComparison.Ordinal) ? Expand(culture, pattern, arguments) : pattern;
        return string.Format(culture, expanded, arguments);
    }

    /// <summary>The CLDR category of a count in a language: "one" or "other" (the only two the portal's languages use for whole numbers).</summary>
    public static string Category(string language, decimal count)
    {
        var whole = decimal.Truncate(count) == count;
        return language switch
        {
            "pt" => whole && count is 0 or 1 ? "one" : "other",
            _ => whole && count == 1 ? "one" : "other",
        };
    }

    private static string Expand(CultureInfo culture, string pattern, object?[] arguments)
    {
        var result = new StringBuilder(pattern.Length);
        var at = 0;
        while (at < pattern.Length)
        {
            var marker = pattern.IndexOf(Marker, at, StringComparison.Ordinal);
            var open = marker < 0 ? -1 : pattern.LastIndexOf('{', marker);
            if (marker < 0 || open < at)
            {
                result.Append(pattern, at, pattern.Length - at);
                break;
            }

            result.Append(pattern, at, open - at);
            var index = int.Parse(pattern.AsSpan(open + 1, marker - open - 1).Trim(), CultureInfo.InvariantCulture);
            var (branches, end) = Branches(pattern, marker + Marker.Length);
            var count = CountOf(culture, arguments[index]);
            var chosen = branches.GetValueOrDefault($"={count.ToString(CultureInfo.InvariantCulture)}")
                ?? branches.GetValueOrDefault(Category(culture.TwoLetterISOLanguageName, count))
                ?? branches["other"];
            result.Append(chosen.Replace("#", "{" + index.ToString(CultureInfo.InvariantCulture) + ":N0}", StringComparison.Ordinal));
            at = end;
        }

        return result.ToString();
    }

    /// <summary>The branches "key {text}" up to the closing brace of the plural, and the position after it.</summary>
    private static (Dictionary<string, string> Branches, int End) Branches(string pattern, int from)
    {
        var branches = new Dictionary<string, string>(StringComparer.Ordinal);
        var at = from;
        while (true)
        {
            while (char.IsWhiteSpace(pattern[at]))
            {
                at++;
            }

            if (pattern[at] == '}')
            {
                return (branches, at + 1);
            }

            var open = pattern.IndexOf('{', at);
            var key = pattern[at..open].Trim();
            var depth = 0;
            var close = open;
            do
            {
                depth += pattern[close] == '{' ? 1 : pattern[close] == '}' ? -1 : 0;
                close++;
            }
            while (depth > 0);

            branches[key] = pattern[(open + 1)..(close - 1)];
            at = close;
        }
    }

    private static decimal CountOf(CultureInfo culture, object? argument) => argument switch
    {
        int i => i,
        long l => l,
        decimal d => d,
        double d => (decimal)d,
        string s when decimal.TryParse(s, NumberStyles.Number, culture, out var parsed) => parsed,
        _ => throw new FormatException($"A plural needs a number, not '{argument}'."),
    };
}
