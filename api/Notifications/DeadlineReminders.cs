using MediatR;

namespace Marketplace.Notifications;

/// <summary>Sends <see cref="RemindDeadlines"/> every <c>Notifications:ReminderIntervalSeconds</c> (default 300).</summary>
public sealed class DeadlineReminders(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<DeadlineReminders> logger)
    : BackgroundService
{
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RemindDeadlines.Command(), ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(configuration.GetValue("Notifications:ReminderIntervalSeconds", 300));
        using var timer = new PeriodicTimer(every, clock);
        do
        {
            try
            {
                var told = await RunOnceAsync(stoppingToken);
                if (told > 0) logger.LogInformation("Sent {Count} deadline reminders", told);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Deadline reminder run failed; the next run retries");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
