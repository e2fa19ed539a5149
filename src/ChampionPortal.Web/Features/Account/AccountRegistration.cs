namespace ChampionPortal.Web.Features.Account;

public static class AccountRegistration
{
    public static IServiceCollection AddAccountFeature(this IServiceCollection services)
    {
        services.AddScoped<AccountService>();
        services.AddScoped<TwoFactorService>();
        services.AddScoped<PasswordLinkSender>();
        services.AddScoped<AccountNoticeSender>();
        services.AddScoped<AuthorityAccounts>();
        return services;
    }
}
