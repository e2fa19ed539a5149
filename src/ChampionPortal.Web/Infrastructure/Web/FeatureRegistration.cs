using ChampionPortal.Web.Features.Account;
using ChampionPortal.Web.Features.LocalGovernments;
using ChampionPortal.Web.Features.ReferenceData;
using ChampionPortal.Web.Features.Shared;

namespace ChampionPortal.Web.Infrastructure.Web;

public static class FeatureRegistration
{
    public static IServiceCollection AddPortalFeatures(this IServiceCollection services)
    {
        services.AddScoped<AccountService>();
        services.AddScoped<LocalGovernmentService>();
        services.AddScoped<ReferenceDataService>();
        services.AddScoped<CountryOptions>();
        services.AddScoped<NavigationMenu>();
        return services;
    }
}
