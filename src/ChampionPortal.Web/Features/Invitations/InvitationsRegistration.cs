namespace ChampionPortal.Web.Features.Invitations;

public static class InvitationsRegistration
{
    public static IServiceCollection AddInvitationsFeature(this IServiceCollection services)
    {
        services.AddScoped<InvitationService>();
        services.AddScoped<InvitationEmails>();
        return services;
    }
}
