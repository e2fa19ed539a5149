namespace ChampionPortal.Web.Features.Events;

public static class EventsRegistration
{
    public static IServiceCollection AddEventsFeature(this IServiceCollection services)
    {
        services.AddScoped<EventService>();
        services.AddScoped<CohortInFocus>();
        return services;
    }
}
