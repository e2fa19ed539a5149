using System.Globalization;

namespace ChampionPortal.Bench;

/// <summary>
/// Two things measured in turn, round after round, and the round whose ratio is the median standing for the run: on
/// a small shared machine either moves by a sixth from one measure to the next, and the best of each (taken from
/// different moments) made a ratio move as much.
/// </summary>
public static class PairedRounds
{
    public const int Count = 5;

    /// <summary>The round of median ratio, and every round in the order measured.</summary>
    public static async Task<(T Median, IReadOnlyList<T> Rounds)> MeasureAsync<T>(Func<Task<T>> round, Func<T, double> ratio)
    {
        var rounds = new List<T>(Count);
        for (var i = 0; i < Count; i++)
        {
            rounds.Add(await round());
        }

        return (rounds.OrderBy(ratio).ElementAt(Count / 2), rounds);
    }

    /// <summary>Every round's ratio, in the order measured.</summary>
    public static string Describe<T>(IEnumerable<T> rounds, Func<T, double> ratio) =>
        string.Join(", ", rounds.Select(r => ratio(r).ToString("F2", CultureInfo.InvariantCulture)));
}
