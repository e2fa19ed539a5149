using System.Threading.RateLimiting;

namespace ChampionPortal.Web.Infrastructure.Web;

/// <summary>The rate limits per client address, by name, for the pages that answer without an account.</summary>
public static class RateLimits
{
    /// <summary>Pages opened from a link in an e-mail or a code (RSVP, check-in, verification, downloads, password links): RateLimits:RsvpPerMinute.</summary>
    public const string PublicLinks = "public-links";

    /// <summary>Sign-in attempts (RateLimits:SignInPerMinute): guessing one account's password is stopped by lockout, guessing from one address here.</summary>
    public const string SignIn = "sign-in";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration) =>
        services.AddRateLimiter(options =>
        {
            // Read once, when the limiter is built, not on every request.
            var publicLinksPerMinute = configuration.GetValue("RateLimits:RsvpPerMinute", 60);
            var signInsPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 20);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PublicLinks, http => PerAddress(http, publicLinksPerMinute));
            options.AddPolicy(SignIn, http => PerAddress(http, signInsPerMinute));
        });

    private static RateLimitPartition<string> PerAddress(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) });
}
