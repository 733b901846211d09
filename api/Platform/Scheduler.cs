namespace Marketplace.Platform;

/// <summary>
/// Work a feature has the app do every so often (the deal's clock, the mail sender, the file sweep…), registered with
/// <see cref="PeriodicWork.AddPeriodicWork{TWork}"/> and run by the one <see cref="Scheduler"/>. A run decides in the
/// database what is due and that each thing happens once, so every API instance may run it.
/// </summary>
public interface IPeriodicWork
{
    /// <summary>What the log calls it ("deal clock").</summary>
    string Name { get; }

    /// <summary>From the start of one run to the start of the next; read when the scheduler starts.</summary>
    TimeSpan Every { get; }

    /// <summary>One run, which logs what it did. A run that throws is logged by the scheduler, and the next run retries.</summary>
    Task RunAsync(CancellationToken ct);
}

/// <summary>
/// Runs every registered <see cref="IPeriodicWork"/> on the app's <see cref="TimeProvider"/>: once at start-up, then
/// every <see cref="IPeriodicWork.Every"/>, each on a timer of its own, so that a slow run (a mail server that times
/// out) holds back no other work. Tests move the clock and call a work's own RunOnceAsync instead of waiting.
/// </summary>
public sealed class Scheduler(IEnumerable<IPeriodicWork> work, TimeProvider clock, ILogger<Scheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(work.Select(w => RunEveryAsync(w, stoppingToken)));

    private async Task RunEveryAsync(IPeriodicWork work, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(work.Every, clock);
        do
        {
            try
            {
                await work.RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The {Work} run failed; the next run retries", work.Name);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class PeriodicWork
{
    /// <summary>
    /// A feature has the scheduler run <typeparamref name="TWork"/>: one instance, registered as itself too, so that a
    /// test can run it by hand.
    /// </summary>
    public static IServiceCollection AddPeriodicWork<TWork>(this IServiceCollection services) where TWork : class, IPeriodicWork
    {
        services.AddSingleton<TWork>();
        services.AddSingleton<IPeriodicWork>(p => p.GetRequiredService<TWork>());
        return services;
    }
}
