using System.Globalization;
using System.Text;

namespace ChampionPortal.Web.Infrastructure.Text;

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

    public static string Email(string? email) => (email ?? "").Trim().ToUpperInvariant();
}
