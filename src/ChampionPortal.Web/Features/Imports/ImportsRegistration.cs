namespace ChampionPortal.Web.Features.Imports;

public static class ImportsRegistration
{
    public static IServiceCollection AddImportsFeature(this IServiceCollection services)
    {
        services.AddScoped<DirectoryImport>();
        return services;
    }
}
