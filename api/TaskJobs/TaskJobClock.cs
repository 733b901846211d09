using MediatR;
using Marketplace.Platform;

namespace Marketplace.TaskJobs;

/// <summary>
/// The task jobs' clock, every minute on the app's <see cref="TimeProvider"/>: for each open task job past its deadline,
/// approves the answers left unreviewed <see cref="TaskJobRules.DaysToReview"/> days after it and closes the job when it
/// may (<see cref="ReviewTaskJobByLapse"/>). Each job is its own command and transaction; the database decides each
/// approval and each close exactly once however many API instances run this.
/// </summary>
public sealed class TaskJobClock(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TaskJobClock> logger) : IPeriodicWork
{
    public string Name => "task jobs' clock";
    public TimeSpan Every => TimeSpan.FromMinutes(1);

    /// <summary>One run: how many answers it approved.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        IReadOnlyList<string> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await scope.ServiceProvider.GetRequiredService<DbSession>().QueryAsync<string>(ReviewTaskJobByLapse.DueSql, new { Now = clock.GetUtcNow() });
        var approved = 0;
        foreach (var id in due)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                approved += await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReviewTaskJobByLapse.Command(id), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The task jobs' clock failed for job {JobId}; the next run retries", id);
            }
        }
        return approved;
    }

    async Task IPeriodicWork.RunAsync(CancellationToken ct)
    {
        var approved = await RunOnceAsync(ct);
        if (approved > 0) logger.LogInformation("Task jobs' clock: {Approved} answers approved automatically", approved);
    }
}
