using MediatR;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Contests;

/// <summary>
/// The contests' part of the deal's clock, on the deal clock's interval (<c>Contracts:ClockIntervalSeconds</c>):
/// refunds contests that closed below their minimum of entries, and tells the administrators of contests whose
/// business chose no winner in time. Each contest is its own command and transaction; the database decides each once.
/// </summary>
public sealed class ContestClock(IServiceScopeFactory scopes, TimeProvider clock, IOptions<Contracts.ContractsOptions> options,
    ILogger<ContestClock> logger) : IPeriodicWork
{
    public sealed record Run(int Refunded, int AdministratorsAsked);

    public string Name => "contest clock";
    public TimeSpan Every => TimeSpan.FromSeconds(options.Value.ClockIntervalSeconds);

    public async Task<Run> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var refunded = 0;
        foreach (var id in await ReadAsync(RefundContest.DueSql, now))
            if (await SendAsync(new RefundContest.Command(id), id, ct)) refunded++;
        var asked = 0;
        foreach (var id in await ReadAsync(AskAdministrators.DueSql, now))
            if (await SendAsync(new AskAdministrators.Command(id), id, ct)) asked++;
        return new Run(refunded, asked);
    }

    async Task IPeriodicWork.RunAsync(CancellationToken ct)
    {
        var run = await RunOnceAsync(ct);
        if (run.Refunded + run.AdministratorsAsked > 0)
            logger.LogInformation("Contest clock: {Refunded} refunded, {Asked} awaiting an administrator", run.Refunded, run.AdministratorsAsked);
    }

    private async Task<IReadOnlyList<string>> ReadAsync(string sql, DateTimeOffset now)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DbSession>().QueryAsync<string>(sql, new { Now = now });
    }

    private async Task<bool> SendAsync(IRequest<bool> command, string what, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The contest clock's {Command} for {What} failed; the next run retries", command.GetType().DeclaringType?.Name, what);
            return false;
        }
    }
}
