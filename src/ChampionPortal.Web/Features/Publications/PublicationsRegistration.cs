namespace ChampionPortal.Web.Features.Publications;

public static class PublicationsRegistration
{
    public static IServiceCollection AddPublicationsFeature(this IServiceCollection services)
    {
        services.AddScoped<PublicationService>();
        return services;
    }
}
