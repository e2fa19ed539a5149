namespace ChampionPortal.Web.Features.Outbox;

public static class OutboxRegistration
{
    public static IServiceCollection AddOutboxFeature(this IServiceCollection services)
    {
        services.AddScoped<OutboxService>();
        return services;
    }
}
