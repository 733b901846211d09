using MediatR;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

/// <summary>
/// The deal's clock, every <c>Contracts:ClockIntervalSeconds</c> (default 60) on the app's <see cref="TimeProvider"/>:
/// accepts work (and milestones) whose inspection period lapsed, reminds parties of periods ending, and turns cancellations left
/// unanswered for <c>Disputes:AnswerDays</c> into disputes. Each contract is its own command and transaction, so one
/// that fails is logged and retried next run without holding back the others; the database decides each exactly once
/// however many API instances run this. The platform's <see cref="Scheduler"/> runs it.
/// </summary>
public sealed class DealClock(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ContractsOptions> options, ILogger<DealClock> logger)
    : IPeriodicWork
{
    public sealed record Run(int AcceptedByLapse, int Reminders, int Disputes);

    public string Name => "deal clock";
    public TimeSpan Every => TimeSpan.FromSeconds(options.Value.ClockIntervalSeconds);

    public async Task<Run> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var lapsed = await ReadAsync(AcceptByLapse.DueSql, now);
        var accepted = 0;
        foreach (var id in lapsed)
            if (await SendAsync(new AcceptByLapse.Command(id), id, ct)) accepted++;
        foreach (var id in await ReadAsync(AcceptMilestoneByLapse.DueSql, now))
            if (await SendAsync(new AcceptMilestoneByLapse.Command(id), id, ct)) accepted++;
        var reminders = await SendAsync(new RemindInspections.Command(), "reminders", ct);
        var disputes = 0;
        foreach (var id in await ReadAsync(EscalateCancellation.DueSql, now))
            if (await SendAsync(new EscalateCancellation.Command(id), id, ct)) disputes++;
        return new Run(accepted, reminders, disputes);
    }

    async Task IPeriodicWork.RunAsync(CancellationToken ct)
    {
        var run = await RunOnceAsync(ct);
        if (run.AcceptedByLapse + run.Reminders + run.Disputes > 0)
            logger.LogInformation("Deal clock: {Accepted} accepted by lapse, {Reminders} reminders, {Disputes} disputes opened",
                run.AcceptedByLapse, run.Reminders, run.Disputes);
    }

    private async Task<IReadOnlyList<string>> ReadAsync(string sql, DateTimeOffset now)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DbSession>().QueryAsync<string>(sql, new { Now = now });
    }

    private async Task<T> SendAsync<T>(IRequest<T> command, string what, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The deal clock's {Command} for {What} failed; the next run retries", command.GetType().DeclaringType?.Name, what);
            return default!;
        }
    }
}
