using Microsoft.AspNetCore.Authorization;

namespace ChampionPortal.Web.Features.Mapping;

public static class MappingRegistration
{
    public static IServiceCollection AddMappingFeature(this IServiceCollection services)
    {
        services.AddScoped<GcmCatalog>();
        services.AddScoped<WorkshopAccess>();
        services.AddScoped<IAuthorizationHandler>(sp => sp.GetRequiredService<WorkshopAccess>());
        services.AddScoped<MappingService>();
        return services;
    }
}
