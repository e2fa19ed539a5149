namespace ChampionPortal.Web.Features.CheckIn;

public static class CheckInRegistration
{
    public static IServiceCollection AddCheckInFeature(this IServiceCollection services)
    {
        services.AddScoped<CheckInService>();
        return services;
    }
}
