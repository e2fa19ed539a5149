namespace ChampionPortal.Web.Features.Calendar;

public static class CalendarRegistration
{
    public static IServiceCollection AddCalendarFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CalendarOptions>(configuration.GetSection(CalendarOptions.Section));
        services.AddScoped<SessionCalendar>();
        services.AddScoped<CalendarEmails>();
        services.AddScoped<CalendarService>();
        services.AddScoped<SessionReminders>();
        return services;
    }
}
