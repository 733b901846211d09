using Marketplace.Platform;

namespace Marketplace.Notifications;

/// <summary>
/// Reminds workers (and their clients) of contracts due within 48 hours. Each contract is reminded once:
/// the event key makes a second run, or a run on another API instance, insert nothing.
/// </summary>
public sealed class DeadlineReminders(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<DeadlineReminders> logger)
    : BackgroundService
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);

    private sealed class Due
    {
        public string Id { get; init; } = "";
        public string JobId { get; init; } = "";
        public string JobTitle { get; init; } = "";
        public string WorkerId { get; init; } = "";
        public string BusinessId { get; init; } = "";
    }

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        return await db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var due = await db.QueryAsync<Due>(
                """
                SELECT c.id, c.job_id, j.title AS job_title, c.worker_id, c.business_id
                FROM contracts c JOIN jobs j ON j.id = c.job_id
                WHERE c.status IN ('active', 'revisionRequested') AND c.deadline <= @Horizon
                """, new { Horizon = now + Window });
            var told = 0;
            foreach (var contract in due)
            foreach (var party in new[] { contract.WorkerId, contract.BusinessId })
                told += await Notify.ToAsync(db, party, NotificationKind.DeadlineSoon,
                    $"The deadline of \"{contract.JobTitle}\" is within 48 hours.", $"deadline:{contract.Id}", now, contract.JobId, contract.Id);
            return told;
        }, ct);
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
