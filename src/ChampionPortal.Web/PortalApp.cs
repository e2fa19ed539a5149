using ChampionPortal.Web.Data;
using ChampionPortal.Web.Domain;
using ChampionPortal.Web.Features.Account;
using ChampionPortal.Web.Features.Agenda;
using ChampionPortal.Web.Features.Attendance;
using ChampionPortal.Web.Features.Audit;
using ChampionPortal.Web.Features.Authorities;
using ChampionPortal.Web.Features.Calendar;
using ChampionPortal.Web.Features.Certificates;
using ChampionPortal.Web.Features.Champions;
using ChampionPortal.Web.Features.CheckIn;
using ChampionPortal.Web.Features.Cohorts;
using ChampionPortal.Web.Features.Dissemination;
using ChampionPortal.Web.Features.Eligibility;
using ChampionPortal.Web.Features.Events;
using ChampionPortal.Web.Features.Funnel;
using ChampionPortal.Web.Features.Home;
using ChampionPortal.Web.Features.Imports;
using ChampionPortal.Web.Features.Invitations;
using ChampionPortal.Web.Features.LocalGovernments;
using ChampionPortal.Web.Features.Mapping;
using ChampionPortal.Web.Features.Nominations;
using ChampionPortal.Web.Features.Outbox;
using ChampionPortal.Web.Features.ParticipantReports;
using ChampionPortal.Web.Features.Publications;
using ChampionPortal.Web.Features.ReferenceData;
using ChampionPortal.Web.Features.RegisterImport;
using ChampionPortal.Web.Features.Resources;
using ChampionPortal.Web.Features.Rsvp;
using ChampionPortal.Web.Features.Sessions;
using ChampionPortal.Web.Features.Shared;
using ChampionPortal.Web.Features.Users;
using ChampionPortal.Web.Host;
using ChampionPortal.Web.Infrastructure.Auth;
using ChampionPortal.Web.Infrastructure.Email;
using ChampionPortal.Web.Infrastructure.Localization;
using ChampionPortal.Web.Infrastructure.Operations;
using ChampionPortal.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog;
using Serilog.Formatting.Compact;

namespace ChampionPortal.Web;

/// <summary>Builds the portal's host: the services and the request pipeline.</summary>
public static class PortalApp
{
    public static WebApplication Build(string[] args, bool forCommand)
    {
        var builder = WebApplication.CreateBuilder(args);

        // Which server answers is nobody's business but the operator's.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        ConfigureLogging(builder, forCommand);
        if (!forCommand)
        {
            // Hosted services start in registration order: the database must be migrated before Data Protection's
            // own start-up service reads the key ring from it.
            builder.Services.AddHostedService<DatabaseStartupService>();
            if (builder.Configuration.GetValue("Email:Outbox:Enabled", true))
            {
                builder.Services.AddHostedService<OutboxDispatcher>();
            }

            builder.Services.AddHostedService<Features.Invitations.InvitationReminders>();
            builder.Services.AddHostedService<Features.Calendar.SessionReminderWorker>();
            if (builder.Configuration.GetValue("Certificates:Issuance:Enabled", true))
            {
                builder.Services.AddHostedService<Features.Certificates.CertificateIssuanceWorker>();
            }
        }

        ConfigureServices(builder.Services, builder.Configuration, builder.Environment);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    private static void ConfigureLogging(WebApplicationBuilder builder, bool forCommand)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            // The environment as the host finally resolved it (a test host sets its own after this builder was made).
            var environment = services.GetRequiredService<IHostEnvironment>();
            logger.ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning);
            if (forCommand)
            {
                // Operator commands print their own results; only problems go to the log, on standard error.
                logger.MinimumLevel.Warning().WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose);
            }
            else if (environment.IsDevelopment())
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}");
            }
            else
            {
                if (environment.IsEnvironment("Testing"))
                {
                    logger.MinimumLevel.Warning();
                }

                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });
    }

    private static void ConfigureServices(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddPortalData(configuration, environment.ContentRootPath);

        services.AddIdentity<PortalUser, PortalRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Lockout.MaxFailedAccessAttempts = 10;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;

                // Length over composition (NIST SP 800-63B).
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddSignInManager<PortalSignInManager>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddSingleton<CommonPasswords>();

        // Password links are single-use (they are bound to the security stamp, which the new password changes).
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(PasswordLinkSender.ValidForHours));

        // How soon a deactivation or a password change ends sessions elsewhere.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.Configure<TwoFactorOptions>(configuration.GetSection(TwoFactorOptions.Section));
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<IEmailTransport, SmtpTransport>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxEvents>();
        services.AddScoped<IEmailSender, OutboxEmailSender>();
        services.AddScoped<EmailRenderer>();
        services.AddScoped<PublicUrls>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "champion.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);

            // Identity resolves its stamp validator on every request only to learn whether a check is due (once a
            // minute, above), and resolving it builds the sign-in and user managers and leases a database context.
            options.Events.OnValidatePrincipal = context =>
                StampCheckIsDue(context) ? SecurityStampValidator.ValidatePrincipalAsync(context) : Task.CompletedTask;
        });

        services.AddDataProtection()
            .SetApplicationName("ChampionPortal")
            .PersistKeysToDbContext<PortalDbContext>();

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "champion.af";
            options.Cookie.SameSite = SameSiteMode.Strict;

            // Antiforgery's default never marks the cookie Secure; over HTTPS (directly or behind the proxy) it must be.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            // Every response already forbids framing altogether (SecurityHeaders): DENY, not antiforgery's SAMEORIGIN.
            options.SuppressXFrameOptionsHeader = true;
        });

        services.AddPortalAuthorization();
        services.AddPortalLocalization();

        // Accented letters stay letters in the HTML ("sesión", not "sesi&#xF3;n"); markup characters are still escaped.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add<TwoFactorRequirementFilter>();
                options.Filters.Add<ValueTooLongFilter>();
                options.ModelBinderProviders.Insert(0, new ReaderFormatModelBinderProvider());
            })
            .AddPortalDataAnnotationsLocalization();

        services.Configure<RazorViewEngineOptions>(options =>
        {
            // Views live beside their feature: Features/<Feature>/Views/<View>.cshtml.
            options.ViewLocationFormats.Clear();
            options.ViewLocationFormats.Add("/Features/{1}/Views/{0}" + RazorViewEngine.ViewExtension);
            options.ViewLocationFormats.Add("/Features/Shared/Views/{0}" + RazorViewEngine.ViewExtension);
            options.ViewLocationExpanders.Add(new FeatureViewLocationExpander());
        });

        services.AddPortalRateLimits(configuration);

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        // Style sheets, scripts and drawings are compressed; pages are not, because they carry antiforgery tokens next
        // to text a visitor can put in the address (BREACH).
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            options.MimeTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml"];
        });

        // Each feature registers its own services, in the order of the initiative's stages.
        services.AddSharedFeature();
        services.AddAccountFeature();
        services.AddUsersFeature();
        services.AddReferenceDataFeature();
        services.AddLocalGovernmentsFeature();
        services.AddAuthoritiesFeature();
        services.AddImportsFeature();
        services.AddCohortsFeature();
        services.AddEventsFeature();
        services.AddSessionsFeature();
        services.AddNominationsFeature();
        services.AddInvitationsFeature();
        services.AddRsvpFeature();
        services.AddCalendarFeature(configuration);
        services.AddAttendanceFeature(configuration);
        services.AddCheckInFeature();
        services.AddParticipantReportsFeature();
        services.AddRegisterImportFeature();
        services.AddMappingFeature();
        services.AddAgendaFeature();
        services.AddPublicationsFeature();
        services.AddResourcesFeature(configuration);
        services.AddDisseminationFeature();
        services.AddEligibilityFeature();
        services.AddCertificatesFeature();
        services.AddChampionsFeature();
        services.AddFunnelFeature();
        services.AddHomeFeature();
        services.AddOutboxFeature();
        services.AddAuditFeature();
    }

    // The same test as Identity's validator makes, with the same clock: a cookie issued longer ago than the interval.
    private static bool StampCheckIsDue(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return context.Properties.IssuedUtc is not { } issued || now - issued > options.ValidationInterval;
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        if (app.Configuration.GetValue("Proxy:TrustForwardedHeaders", false))
        {
            // Behind a reverse proxy that terminates TLS: take the client's scheme and address from it.
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            app.UseForwardedHeaders(forwarded);
        }

        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging(options =>
            options.EnrichDiagnosticContext = (diagnostics, http) => diagnostics.Set("CorrelationId", http.TraceIdentifier));

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseHeadAsGet();
        app.UseResponseCompression();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseRequestLocalization();
        app.UseLinkLanguageForTheVisit();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
        }).AllowAnonymous();
        app.MapControllers();

        // An address no page answers is "not found" for everyone, not a sign-in form for visitors.
        app.MapFallback("{*path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
    }
}
