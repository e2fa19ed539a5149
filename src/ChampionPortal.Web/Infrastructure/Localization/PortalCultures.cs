using System.Globalization;
using ChampionPortal.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace ChampionPortal.Web.Infrastructure.Localization;

/// <summary>Marker for the resources shared by every feature: layout, buttons, validation messages.</summary>
public sealed class SharedResources;

public static class PortalCultures
{
    public const string Default = "en";
    public static readonly IReadOnlyList<string> Supported = ["en", "es", "pt"];

    /// <summary>The language most people of the region read: for a recipient whose own language is not known.</summary>
    public const string RegionDefault = "es";

    /// <summary>The language of the page being answered, as the request's culture chose it.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var language && IsSupported(language) ? language : Default;

    public static bool IsSupported(string? culture) => culture is not null && Supported.Contains(culture);

    /// <summary>The language a recipient reads: their own when the portal has it, else the region's.</summary>
    public static string ForRecipient(string? language) => IsSupported(language) ? language! : RegionDefault;

    /// <summary>The language people of a country read: Portuguese in Brazil, Spanish in the rest of the region.</summary>
    public static string ForCountry(string? countryCode) => countryCode == "BR" ? "pt" : RegionDefault;

    /// <summary>Keeps a language chosen (with the switcher, or by a personal link's ?lang=) for the visits to come.</summary>
    public static void Remember(HttpResponse response, string culture, DateTimeOffset now) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = now.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });

    /// <summary>
    /// A personal link opened in its recipient's language keeps that language for the rest of the visit (the answer's
    /// thank-you page, the password page after it), whatever the browser's language: the cookie remembers it.
    /// </summary>
    public static IApplicationBuilder UseLinkLanguageForTheVisit(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Features.Get<IRequestCultureFeature>() is { Provider: LinkLanguageRequestCultureProvider } chosen
            && context.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] is var cookie
            && CookieRequestCultureProvider.ParseCookieValue(cookie ?? "")?.UICultures.FirstOrDefault().Value != chosen.RequestCulture.UICulture.Name)
        {
            Remember(context.Response, chosen.RequestCulture.UICulture.Name, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        }

        return next(context);
    });

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, KeptStringLocalizerFactory>());
        services.Configure<RequestLocalizationOptions>(options =>
        {
            // Read-only and shared: the middleware hands each request CultureInfo.ReadOnly(culture), a fresh copy of
            // a writable culture, whose number and date formats were then read from ICU again on every request.
            var cultures = Supported.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(CultureInfo.GetCultureInfo(Default));
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;

            // The user's profile first, then the cookie set by the language switcher, then the browser.
            options.RequestCultureProviders =
            [
                new LinkLanguageRequestCultureProvider(),
                new UserProfileRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    public static IMvcBuilder AddPortalDataAnnotationsLocalization(this IMvcBuilder mvc)
    {
        mvc.AddViewLocalization().AddDataAnnotationsLocalization(options =>
            options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResources)));
        mvc.Services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
        {
            var text = factory.Create(typeof(SharedResources));
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => text["Binding_ValueInvalidForField", value, field]);
            messages.SetMissingBindRequiredValueAccessor(field => text["Binding_MissingValue", field]);
            messages.SetMissingKeyOrValueAccessor(() => text["Binding_MissingKeyOrValue"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Binding_MissingBody"]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Binding_ValueInvalid", value]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Binding_UnknownValueInvalid"]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Binding_MustBeNumber"]);
            messages.SetUnknownValueIsInvalidAccessor(field => text["Binding_UnknownValueInvalidForField", field]);
            messages.SetValueIsInvalidAccessor(value => text["Binding_ValueInvalid", value]);
            messages.SetValueMustBeANumberAccessor(field => text["Binding_MustBeNumberForField", field]);
            messages.SetValueMustNotBeNullAccessor(value => text["Binding_Required", value]);
        });
        return mvc;
    }

    /// <summary>An optional translation as entered in a form: trimmed, or null when left empty (so that reading it falls back).</summary>
    public static string? Translation(string? entered) => string.IsNullOrWhiteSpace(entered) ? null : entered.Trim();

    /// <summary>
    /// Resources and formats speak <paramref name="language"/> until the scope is disposed: for what is written for
    /// someone other than the reader of the request (an e-mail, a certificate, a credential).
    /// </summary>
    public static IDisposable In(string language) => new CultureScope(CultureInfo.GetCultureInfo(language));

    /// <summary>
    /// Picks the per-language column for the current UI culture: of reference data (all three given) or of a text staff
    /// entered (English required, Spanish and Portuguese optional). A translation left empty falls back to English.
    /// </summary>
    public static string Pick(string en, string? es, string? pt) => Pick(en, es, pt, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    public static string Pick(string en, string? es, string? pt, string language) =>
        language switch
        {
            "es" when !string.IsNullOrWhiteSpace(es) => es,
            "pt" when !string.IsNullOrWhiteSpace(pt) => pt,
            _ => en,
        };
}

internal sealed class CultureScope : IDisposable
{
    private readonly (CultureInfo Culture, CultureInfo UiCulture) previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    public CultureScope(CultureInfo culture) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
}

/// <summary>The preferred language stored in the signed-in user's profile (carried as a claim in the cookie).</summary>
public sealed class UserProfileRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = httpContext.User.FindFirst(PortalClaimTypes.Language)?.Value;
        return Task.FromResult(PortalCultures.IsSupported(language) ? new ProviderCultureResult(language) : null);
    }
}
