namespace ChampionPortal.Web.Infrastructure.Web;

/// <summary>
/// The headers every response carries unless an action set its own (a downloaded file's sandboxing policy stays):
/// scripts only from the portal itself and never inline, no framing, no content-type guessing, no referrer sent to
/// other sites (links carry single-use tokens in their paths).
/// </summary>
public static class SecurityHeaders
{
    // No inline script and no inline style: sizes are classes of the portal's stylesheet, and scripts change styles
    // through the DOM only. (E-mail previews, whose HTML needs inline styles, set a policy of their own.)
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
            headers.TryAdd("X-Content-Type-Options", "nosniff");
            headers.TryAdd("X-Frame-Options", "DENY");
            headers.TryAdd("Referrer-Policy", "same-origin");
            headers.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            return Task.CompletedTask;
        });
        return next(context);
    });
}
