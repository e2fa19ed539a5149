namespace ChampionPortal.Web.Features.Nominations;

public static class NominationsRegistration
{
    public static IServiceCollection AddNominationsFeature(this IServiceCollection services)
    {
        services.AddScoped<NominationOverview>();
        services.AddScoped<NominationSubmission>();
        services.AddScoped<NominationReview>();
        services.AddScoped<NominationReviewNotices>();
        return services;
    }
}
