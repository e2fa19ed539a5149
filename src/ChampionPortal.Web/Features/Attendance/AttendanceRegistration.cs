namespace ChampionPortal.Web.Features.Attendance;

public static class AttendanceRegistration
{
    public static IServiceCollection AddAttendanceFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AttendanceOptions>(configuration.GetSection(AttendanceOptions.Section));
        services.AddScoped<AttendanceService>();
        return services;
    }
}
