namespace ChampionPortal.Web.Features.Dissemination;

public static class DisseminationRegistration
{
    public static IServiceCollection AddDisseminationFeature(this IServiceCollection services)
    {
        services.AddScoped<DisseminationService>();
        return services;
    }
}
