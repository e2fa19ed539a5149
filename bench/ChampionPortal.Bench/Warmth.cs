using System.Diagnostics;
using System.Runtime;

namespace ChampionPortal.Bench;

/// <summary>
/// A process measured as it runs in service: after its code has been compiled for good. .NET compiles a method
/// quickly first and again, optimized, once it is called often, on a background thread; in a process a minute old
/// that thread was still taking a quarter of the core during the measures (seen with perf on the one-core
/// certificates run), so that whichever measure came first or ran alongside it paid for it.
/// </summary>
public static class Warmth
{
    /// <summary>Waits until no method has been compiled for a whole second (at most a minute); how long that took.</summary>
    public static async Task<TimeSpan> SettleAsync()
    {
        var clock = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                break;
            }

            compiled = now;
        }

        return clock.Elapsed;
    }
}
