namespace ChampionPortal.Web.Features.Funnel;

public static class FunnelRegistration
{
    public static IServiceCollection AddFunnelFeature(this IServiceCollection services)
    {
        services.AddScoped<FunnelService>();
        return services;
    }
}
