using ChampionPortal.Web.Features.Account;
using ChampionPortal.Web.Features.Authorities;
using ChampionPortal.Web.Features.Cohorts;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.LocalGovernments;
using ChampionPortal.Web.Features.ReferenceData;
using ChampionPortal.Web.Features.Sessions;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Features.Users;

namespace ChampionPortal.Web.Infrastructure.Web;

public static class FeatureRegistration
{
    public static IServiceCollection AddPortalFeatures(this IServiceCollection services)
    {
        services.AddScoped<AccountService>();
        services.AddScoped<TwoFactorService>();
        services.AddScoped<PasswordLinkSender>();
        services.AddScoped<AccountNoticeSender>();
        services.AddScoped<AuthorityAccounts>();
        services.AddScoped<Features.Nominations.NominationReviewNotices>();
        services.AddScoped<Features.Certificates.CertificateDownloads>();
        services.AddScoped<LocalGovernmentService>();
        services.AddScoped<ReferenceDataService>();
        services.AddScoped<CohortService>();
        services.AddScoped<Features.Invitations.InvitationService>();
        services.AddScoped<Features.Outbox.OutboxService>();
        services.AddScoped<Features.Imports.DirectoryImport>();
        services.AddScoped<Features.Nominations.NominationService>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<AuthorityService>();
        services.AddScoped<EventService>();
        services.AddScoped<SessionService>();
        services.AddScoped<CountryOptions>();
        services.AddSingleton<ReferenceCountries>();
        services.AddScoped<NavigationMenu>();
        services.AddScoped<Features.Home.HomeService>();
        services.AddScoped<Features.Attendance.AttendanceService>();
        services.AddScoped<Features.Attendance.ReportReconciliation>();
        services.AddScoped<Features.Attendance.CohortRegisterImport>();
        services.AddScoped<Features.Funnel.FunnelService>();
        services.AddSingleton(typeof(Features.Shared.KeptCohortFigures<>));
        services.AddScoped<Features.Mapping.GcmCatalog>();
        services.AddScoped<Features.Mapping.WorkshopAccess>();
        services.AddScoped<Features.Mapping.MappingService>();
        services.AddScoped<Features.Agenda.AgendaService>();
        services.AddScoped<Features.Publications.PublicationService>();
        services.AddScoped<Features.Resources.ResourceService>();
        services.AddScoped<Features.Dissemination.DisseminationService>();
        services.AddScoped<Features.Eligibility.EligibilityService>();
        services.AddScoped<Features.Certificates.ICertificateRenderer, Features.Certificates.PdfSharpCertificateRenderer>();
        services.AddScoped<Features.Certificates.CertificateService>();
        services.AddScoped<Features.Certificates.CertificateArtworkStore>();
        services.AddScoped<Features.Certificates.CertificateIssuanceService>();
        services.AddSingleton<Features.Certificates.IssuanceSignal>();
        services.AddSingleton<Features.Certificates.IssuanceEvents>();
        services.AddScoped<Features.Champions.ChampionsService>();
        services.AddScoped<Features.Audit.AuditService>();
        services.AddScoped<Features.Authorities.PersonalDataExport>();
        services.AddScoped<Features.Authorities.PersonErasure>();

        // Natural Earth's shapes, restored by the build into wwwroot/lib, decoded once on first use.
        services.AddSingleton(sp => new Features.Champions.SouthAmericaMap(
            Path.Combine(sp.GetRequiredService<IWebHostEnvironment>().WebRootPath, "lib", "world-atlas", "countries-50m.json")));
        return services;
    }
}
