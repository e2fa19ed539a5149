namespace ChampionPortal.Web.Features.Audit;

public static class AuditRegistration
{
    public static IServiceCollection AddAuditFeature(this IServiceCollection services)
    {
        services.AddScoped<AuditService>();
        return services;
    }
}
