using System.Globalization;
using System.Text;

namespace ChampionPortal.Web.Domain;

/// <summary>
/// Accent- and case-free keys computed in C#, because SQLite has neither unaccent nor ILIKE and duplicate
/// detection needs the same rule on both providers: "José  Pérez" and "jose perez" share one key.
/// </summary>
public static class SearchText
{
    public static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsPunctuation(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// What a search term is looked for as, in keys with their spaces taken out the same way: people type "oneill"
    /// for "O'Neill" and "mariajose" for "María José", and punctuation in a name became a space in its key.
    /// </summary>
    public static string Compact(string? text) => Key(text).Replace(" ", "", StringComparison.Ordinal);

    public static string Email(string? email) => (email ?? "").Trim().ToUpperInvariant();

    /// <summary>How many letters must be inserted, removed or replaced to turn one key into the other (Levenshtein).</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
