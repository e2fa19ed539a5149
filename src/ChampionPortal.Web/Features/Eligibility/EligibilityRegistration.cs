namespace ChampionPortal.Web.Features.Eligibility;

public static class EligibilityRegistration
{
    public static IServiceCollection AddEligibilityFeature(this IServiceCollection services)
    {
        services.AddScoped<EligibilityService>();
        return services;
    }
}
