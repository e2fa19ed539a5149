namespace ChampionPortal.Web.Features.Sessions;

public static class SessionsRegistration
{
    public static IServiceCollection AddSessionsFeature(this IServiceCollection services)
    {
        services.AddScoped<SessionService>();
        return services;
    }
}
