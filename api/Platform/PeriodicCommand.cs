using MediatR;

namespace Marketplace.Platform;

/// <summary>
/// Periodic work that sends one command in a scope (and so a transaction) of its own. The command decides in the
/// database what is due; its answer is how many things it did (notifications sent, alerts written), which is logged.
/// </summary>
public abstract class PeriodicCommand<TCommand>(IServiceScopeFactory scopes, TimeSpan every, ILogger logger, string what)
    : IPeriodicWork where TCommand : IRequest<int>, new()
{
    public string Name => what;
    public TimeSpan Every => every;

    /// <summary>Sends the command once; returns how many things it did.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new TCommand(), ct);
    }

    async Task IPeriodicWork.RunAsync(CancellationToken ct)
    {
        var done = await RunOnceAsync(ct);
        if (done > 0) logger.LogInformation("Sent {Count} {What}", done, what);
    }
}
