using MediatR;

namespace Marketplace.Platform;

/// <summary>
/// Sends one command on a timer of the app's <see cref="TimeProvider"/>, in a scope (and so a transaction) of its own.
/// The command decides in the database what is due and that each thing happens once, so every API instance may run
/// this; a run that fails is logged and the next tick retries. Tests call <see cref="RunOnceAsync"/> after moving the clock.
/// </summary>
public abstract class PeriodicCommand<TCommand>(IServiceScopeFactory scopes, TimeProvider clock, TimeSpan every, ILogger logger, string what)
    : BackgroundService where TCommand : IRequest<int>, new()
{
    /// <summary>Sends the command once; returns how many things it did (notifications sent, alerts written).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new TCommand(), ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every, clock);
        do
        {
            try
            {
                var done = await RunOnceAsync(stoppingToken);
                if (done > 0) logger.LogInformation("Sent {Count} {What}", done, what);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The {What} run failed; the next run retries", what);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
