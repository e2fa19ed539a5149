namespace ChampionPortal.Web.Features.Nominations;

public static class NominationsRegistration
{
    public static IServiceCollection AddNominationsFeature(this IServiceCollection services)
    {
        services.AddScoped<NominationService>();
        services.AddScoped<NominationReviewNotices>();
        return services;
    }
}
