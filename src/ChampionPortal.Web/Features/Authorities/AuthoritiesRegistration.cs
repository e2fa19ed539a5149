namespace ChampionPortal.Web.Features.Authorities;

public static class AuthoritiesRegistration
{
    public static IServiceCollection AddAuthoritiesFeature(this IServiceCollection services)
    {
        services.AddScoped<AuthorityService>();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<PersonErasure>();
        return services;
    }
}
