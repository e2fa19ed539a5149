namespace ChampionPortal.Web.Features.LocalGovernments;

public static class LocalGovernmentsRegistration
{
    public static IServiceCollection AddLocalGovernmentsFeature(this IServiceCollection services)
    {
        services.AddScoped<LocalGovernmentService>();
        return services;
    }
}
