using Microsoft.AspNetCore.Localization;

namespace ChampionPortal.Web.Infrastructure.Localization;

/// <summary>
/// A personal link (an invitation's RSVP page, a dissemination's material page) carries its recipient's language
/// as ?lang=, so that the page opens in that language for a person who has never signed in.
/// </summary>
public sealed class LinkLanguageRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = httpContext.Request.Query["lang"].ToString();
        return Task.FromResult((httpContext.Request.Path.StartsWithSegments("/rsvp") || httpContext.Request.Path.StartsWithSegments("/material")) && PortalCultures.IsSupported(language)
            ? new ProviderCultureResult(language)
            : null);
    }
}
