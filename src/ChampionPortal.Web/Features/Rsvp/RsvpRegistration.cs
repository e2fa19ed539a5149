namespace ChampionPortal.Web.Features.Rsvp;

public static class RsvpRegistration
{
    public static IServiceCollection AddRsvpFeature(this IServiceCollection services)
    {
        services.AddScoped<RsvpService>();
        return services;
    }
}
