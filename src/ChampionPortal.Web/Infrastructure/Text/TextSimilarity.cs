using ChampionPortal.Web.Domain;
namespace ChampionPortal.Web.Infrastructure.Text;

/// <summary>How alike two texts are by their words, with accents, case and one-letter slips set aside.</summary>
public static class TextSimilarity
{
    /// <summary>Two words are alike when equal, or when both have four letters or more and differ by one.</summary>
    public static bool WordsAlike(string word, string other) =>
        word == other || (word.Length >= 4 && other.Length >= 4 && SearchText.EditDistance(word, other) <= 1);

    /// <summary>
    /// The Dice coefficient of the texts' meaningful words (four letters or more, so that articles and
    /// prepositions do not count): 1 when they share every word, 0 when none.
    /// </summary>
    public static double Dice(string a, string b)
    {
        var left = Words(a);
        var right = Words(b);
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        var shared = left.Count(word => right.Any(other => WordsAlike(word, other)));
        return 2.0 * shared / (left.Count + right.Count);
    }

    private static List<string> Words(string text) =>
        [.. SearchText.Key(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4).Distinct()];
}
