using MediatR;
using Marketplace.Platform;
using Marketplace.Events;

namespace Marketplace.Notifications;

/// <summary>
/// Reminds workers (and their clients) of contracts due within 48 hours. Each contract is reminded once: the event
/// key makes a second run, or a run on another API instance, insert nothing. Sent by <see cref="DeadlineReminders"/>.
/// </summary>
public static class RemindDeadlines
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);

    /// <summary>The answer is how many reminders were written.</summary>
    public sealed record Command : ICommand<int>;

    private sealed class Due
    {
        public string Id { get; init; } = "";
        public string JobId { get; init; } = "";
        public string JobTitle { get; init; } = "";
        public string WorkerId { get; init; } = "";
        public string BusinessId { get; init; } = "";
    }

    /// <summary>Contracts still to deliver, on ix_contracts_due (status, deadline).</summary>
    internal const string DueSql = """
        SELECT c.id, c.job_id, j.title AS job_title, c.worker_id, c.business_id
        FROM contracts c JOIN jobs j ON j.id = c.job_id
        WHERE c.status IN ('active', 'revisionRequested') AND c.deadline <= @Horizon
        """;

    public sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var told = 0;
            foreach (var contract in await db.QueryAsync<Due>(DueSql, new { Horizon = now + Window }))
            {
                var toldNow = 0;
                foreach (var party in new[] { contract.WorkerId, contract.BusinessId })
                    toldNow += await Notify.ToAsync(db, party, NotificationKind.DeadlineSoon,
                        $"The deadline of \"{contract.JobTitle}\" is within 48 hours.", $"deadline:{contract.Id}", now, contract.JobId, contract.Id);
                // Reminded before (another run, another node): no new event.
                if (toldNow > 0) EventFeed.Record(db, EventTypes.ContractDeadlineSoon, now, ("jobId", contract.JobId), ("contractId", contract.Id));
                told += toldNow;
            }
            return told;
        }
    }
}
