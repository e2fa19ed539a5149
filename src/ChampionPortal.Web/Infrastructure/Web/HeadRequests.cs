namespace ChampionPortal.Web.Infrastructure.Web;

/// <summary>
/// A HEAD request answers what the GET would, without its body: link checkers and monitors ask with HEAD, and the
/// actions are declared for GET only, so without this every HEAD found no action and was sent to sign-in.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    });
}
