using MediatR;

namespace Marketplace.SavedSearches;

/// <summary>Sends <see cref="AlertSavedSearches"/> every <c>SavedSearches:AlertIntervalSeconds</c> (default 300).</summary>
public sealed class SavedSearchAlerts(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<SavedSearchAlerts> logger)
    : BackgroundService
{
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AlertSavedSearches.Command(), ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(configuration.GetValue("SavedSearches:AlertIntervalSeconds", 300));
        using var timer = new PeriodicTimer(every, clock);
        do
        {
            try
            {
                var told = await RunOnceAsync(stoppingToken);
                if (told > 0) logger.LogInformation("Sent {Count} saved-search alerts", told);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Saved-search alert run failed; the next run retries");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
