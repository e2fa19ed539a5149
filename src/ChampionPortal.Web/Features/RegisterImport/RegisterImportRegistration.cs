namespace ChampionPortal.Web.Features.RegisterImport;

public static class RegisterImportRegistration
{
    public static IServiceCollection AddRegisterImportFeature(this IServiceCollection services)
    {
        services.AddScoped<CohortRegisterImport>();
        return services;
    }
}
