using System.Security.Cryptography;
using System.Text;

namespace ChampionPortal.Web.Infrastructure.Text;

/// <summary>
/// Random codes that people type from a screen or a sheet of paper: no letters or digits that look alike
/// (0/O, 1/I/L, 2/Z, 5/S, 8/B), upper case, and read back forgiving of case, spaces and dashes.
/// </summary>
public static class ReadableCode
{
    public const string Alphabet = "ACDEFGHJKMNPQRTUVWXY34679";

    public static string New(int length) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });

    public static string Normalize(string? typed)
    {
        var builder = new StringBuilder();
        foreach (var c in (typed ?? "").ToUpperInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
