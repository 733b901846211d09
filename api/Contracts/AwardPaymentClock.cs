using MediatR;
using Marketplace.Money;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts;

/// <summary>
/// The clock of payments into escrow, every <c>Payments:ClockIntervalSeconds</c> (default 300) on the app's
/// <see cref="TimeProvider"/>: reminds businesses of payments falling due (<see cref="RemindPayments"/>) and lapses
/// awards still unpaid on their lapse day (<see cref="LapseUnpaidAward"/>), each award in its own command and
/// transaction, so that one that fails is logged and retried next run. The database decides each once, however many API
/// instances run it.
/// </summary>
public sealed class AwardPaymentClock(IServiceScopeFactory scopes, TimeProvider clock, IOptions<PaymentOptions> options,
    ILogger<AwardPaymentClock> logger) : IPeriodicWork
{
    public sealed record Run(int Reminders, int Lapsed);

    public string Name => "award payment clock";
    public TimeSpan Every => TimeSpan.FromSeconds(options.Value.ClockIntervalSeconds);

    public async Task<Run> RunOnceAsync(CancellationToken ct = default)
    {
        var reminders = await SendAsync(new RemindPayments.Command(), "reminders", ct);
        IReadOnlyList<string> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await scope.ServiceProvider.GetRequiredService<DbSession>()
                .QueryAsync<string>(LapseUnpaidAward.DueSql, new { Today = JapanTime.DayOf(clock.GetUtcNow()) });
        var lapsed = 0;
        foreach (var id in due)
            if (await SendAsync(new LapseUnpaidAward.Command(id), id, ct)) lapsed++;
        return new Run(reminders, lapsed);
    }

    async Task IPeriodicWork.RunAsync(CancellationToken ct)
    {
        var run = await RunOnceAsync(ct);
        if (run.Reminders + run.Lapsed > 0)
            logger.LogInformation("Award payment clock: {Reminders} reminders, {Lapsed} awards lapsed unpaid", run.Reminders, run.Lapsed);
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
            logger.LogError(e, "The award payment clock's {Command} for {What} failed; the next run retries", command.GetType().DeclaringType?.Name, what);
            return default!;
        }
    }
}
