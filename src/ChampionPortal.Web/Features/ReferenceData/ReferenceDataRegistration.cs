namespace ChampionPortal.Web.Features.ReferenceData;

public static class ReferenceDataRegistration
{
    public static IServiceCollection AddReferenceDataFeature(this IServiceCollection services)
    {
        services.AddScoped<ReferenceDataService>();
        return services;
    }
}
