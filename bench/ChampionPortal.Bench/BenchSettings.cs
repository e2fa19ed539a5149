namespace ChampionPortal.Bench;

/// <summary>The portal's settings for a measured run.</summary>
public static class BenchSettings
{
    /// <summary>
    /// Problems logged, not every request (a log line per request would measure the terminal); the per-address rate
    /// limits lifted, since all load comes from 127.0.0.1; and, unless <paramref name="workers"/>, the e-mail and
    /// certificate workers off so that only the measured requests reach the database.
    /// </summary>
    public static Dictionary<string, string?> Measured(bool workers = false, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["RateLimits:RsvpPerMinute"] = "100000000",
            ["RateLimits:SignInPerMinute"] = "100000000",
        };
        if (!workers)
        {
            settings["Email:Outbox:Enabled"] = "false";
            settings["Certificates:Issuance:Enabled"] = "false";
        }

        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}
