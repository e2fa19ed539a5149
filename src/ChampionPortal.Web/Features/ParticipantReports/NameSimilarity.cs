using ChampionPortal.Web.Features.Attendance;
using ChampionPortal.Web.Infrastructure.Text;

namespace ChampionPortal.Web.Features.ParticipantReports;

/// <summary>
/// How alike two accent- and case-free names are, word by word: 1 when the words are the same, less when one name
/// has words the other lacks or a word differs by a typing slip. Display names in meetings are often shortened
/// ("Ana Pérez" for "Ana Lucía Pérez Gómez"), so the shorter name's words are what must be found in the longer.
/// </summary>
public static class NameSimilarity
{
    /// <summary>From this score on a name is proposed as a match for staff to confirm.</summary>
    public const double Suggest = 0.75;

    public static double Score(string a, string b)
    {
        var left = a.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var right = b.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (left.Length == 0 || right.Length == 0)
        {
            return 0;
        }

        if (left.SequenceEqual(right))
        {
            return 1;
        }

        var (shorter, longer) = left.Length <= right.Length ? (left, right) : (right, left);
        if (shorter.Length < 2)
        {
            return 0;
        }

        var found = shorter.Count(word => longer.Any(other => TextSimilarity.WordsAlike(word, other)));

        // Never 1 unless equal: a shortened or misspelt name is for staff to confirm.
        return Math.Min(0.99, found / (double)shorter.Length);
    }
}
