namespace ChampionPortal.Web.Features.ParticipantReports;

public static class ParticipantReportsRegistration
{
    public static IServiceCollection AddParticipantReportsFeature(this IServiceCollection services)
    {
        services.AddScoped<ReportReconciliation>();
        return services;
    }
}
