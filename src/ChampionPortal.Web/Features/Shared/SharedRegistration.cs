namespace ChampionPortal.Web.Features.Shared;

public static class SharedRegistration
{
    public static IServiceCollection AddSharedFeature(this IServiceCollection services)
    {
        services.AddScoped<CountryOptions>();
        services.AddScoped<NavigationMenu>();
        services.AddSingleton<ReferenceCountries>();
        services.AddSingleton(typeof(KeptCohortFigures<>));
        return services;
    }
}
