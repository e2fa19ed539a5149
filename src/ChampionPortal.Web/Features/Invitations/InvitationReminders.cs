namespace ChampionPortal.Web.Features.Invitations;

/// <summary>
/// Sends the automatic reminder Invitations:ReminderDaysBeforeExpiry days before a link expires (0 turns it off).
/// Checks hourly; the once-a-day claim in <see cref="InvitationService"/> keeps instances from sending it twice.
/// </summary>
public sealed class InvitationReminders(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<InvitationReminders> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var days = configuration.GetValue("Invitations:ReminderDaysBeforeExpiry", 3);
        if (days <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var sent = await scope.ServiceProvider.GetRequiredService<InvitationService>().RemindBeforeExpiryAsync(days, stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("Sent {Count} automatic invitation reminders", sent);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Automatic invitation reminders could not run");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
