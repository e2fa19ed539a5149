namespace ChampionPortal.Web.Features.Attendance;

public static class AttendanceRegistration
{
    public static IServiceCollection AddAttendanceFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AttendanceOptions>(configuration.GetSection(AttendanceOptions.Section));
        services.AddScoped<AttendanceService>();
        services.AddScoped<ReportReconciliation>();
        services.AddScoped<CohortRegisterImport>();
        return services;
    }
}
