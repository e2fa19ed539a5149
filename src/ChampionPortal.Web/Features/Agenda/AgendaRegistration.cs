namespace ChampionPortal.Web.Features.Agenda;

public static class AgendaRegistration
{
    public static IServiceCollection AddAgendaFeature(this IServiceCollection services)
    {
        services.AddScoped<AgendaService>();
        return services;
    }
}
