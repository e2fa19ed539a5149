namespace ChampionPortal.Web.Features.Users;

public static class UsersRegistration
{
    public static IServiceCollection AddUsersFeature(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        return services;
    }
}
