namespace ChampionPortal.Web.Features.Cohorts;

public static class CohortsRegistration
{
    public static IServiceCollection AddCohortsFeature(this IServiceCollection services)
    {
        services.AddScoped<CohortService>();
        return services;
    }
}
