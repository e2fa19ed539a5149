namespace ChampionPortal.Web.Features.Home;

public static class HomeRegistration
{
    public static IServiceCollection AddHomeFeature(this IServiceCollection services)
    {
        services.AddScoped<HomeService>();
        return services;
    }
}
