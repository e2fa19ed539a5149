namespace ChampionPortal.Web.Features.Certificates;

public static class CertificatesRegistration
{
    public static IServiceCollection AddCertificatesFeature(this IServiceCollection services)
    {
        services.AddScoped<CertificateOverview>();
        services.AddScoped<CertificateIssuer>();
        services.AddScoped<CertificateSerials>();
        services.AddScoped<CertificateNotice>();
        services.AddScoped<CertificateFiles>();
        services.AddScoped<OpenBadgeCredentials>();
        services.AddScoped<OpenBadgeProfiles>();
        services.AddScoped<IssuerKeys>();
        services.AddScoped<CredentialSigner>();
        services.AddScoped<CertificateStatusLists>();
        services.AddScoped<CredentialVerifier>();
        services.AddScoped<CertificateRevocation>();
        services.AddScoped<CertificateVerification>();
        services.AddScoped<CertificatePreview>();
        services.AddScoped<CertificateDownloads>();
        services.AddScoped<CertificateArtworkStore>();
        services.AddScoped<CertificateIssuanceService>();
        services.AddScoped<ICertificateRenderer, PdfSharpCertificateRenderer>();
        services.AddSingleton<IssuanceSignal>();
        services.AddSingleton<IssuanceEvents>();
        return services;
    }
}
