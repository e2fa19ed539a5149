namespace ChampionPortal.Web.Features.Certificates;

public static class CertificatesRegistration
{
    public static IServiceCollection AddCertificatesFeature(this IServiceCollection services)
    {
        services.AddScoped<CertificateService>();
        services.AddScoped<CertificateDownloads>();
        services.AddScoped<CertificateArtworkStore>();
        services.AddScoped<CertificateIssuanceService>();
        services.AddScoped<ICertificateRenderer, PdfSharpCertificateRenderer>();
        services.AddSingleton<IssuanceSignal>();
        services.AddSingleton<IssuanceEvents>();
        return services;
    }
}
