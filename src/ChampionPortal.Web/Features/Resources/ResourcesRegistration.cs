namespace ChampionPortal.Web.Features.Resources;

public static class ResourcesRegistration
{
    public static IServiceCollection AddResourcesFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ResourceOptions>(configuration.GetSection(ResourceOptions.Section));
        services.AddScoped<ResourceService>();
        return services;
    }
}
