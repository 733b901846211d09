using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;
using Marketplace.Events;

namespace Marketplace.Contracts;

/// <summary>
/// Reminds both parties 2 days and again 1 day before an inspection period ends (silence accepts the work). Each
/// reminder is written once per inspection period: its event key names the period's end, so a second run or a second
/// API instance inserts nothing, and a new delivery (a new end) is reminded anew.
/// </summary>
public static class RemindInspections
{
    /// <summary>How many reminders were written.</summary>
    public sealed record Command : ICommand<int>;

    private sealed class Ending
    {
        public string Id { get; init; } = "";
        public string JobId { get; init; } = "";
        public string JobTitle { get; init; } = "";
        public string WorkerId { get; init; } = "";
        public string BusinessId { get; init; } = "";
        public DateTimeOffset InspectionEndsAt { get; init; }
    }

    /// <summary>Inspection periods ending within two days, on ix_contracts_inspection (status, inspection_ends_at).</summary>
    internal const string EndingSql = """
        SELECT c.id, c.job_id, j.title AS job_title, c.worker_id, c.business_id, c.inspection_ends_at
        FROM contracts c JOIN jobs j ON j.id = c.job_id
        WHERE c.status = 'submitted' AND c.inspection_ends_at > @Now AND c.inspection_ends_at <= @Horizon
        """;

    public sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var told = 0;
            foreach (var c in await db.QueryAsync<Ending>(EndingSql, new { Now = now, Horizon = now.AddDays(2) }))
            {
                var days = c.InspectionEndsAt - now <= TimeSpan.FromDays(1) ? 1 : 2;
                var key = $"inspection-{days}d:{c.Id}:{c.InspectionEndsAt.ToUnixTimeSeconds()}";
                var toldNow = 0;
                foreach (var party in new[] { c.BusinessId, c.WorkerId })
                    toldNow += await Notify.ToAsync(db, party, NotificationKind.InspectionEndsSoon,
                        $"The inspection period of \"{c.JobTitle}\" ends within {days} day{(days == 1 ? "" : "s")}; without an answer the work counts as accepted.",
                        key, now, c.JobId, c.Id);
                // A reminder told before (another run, another node) is no new event.
                if (toldNow > 0) EventFeed.Record(db, EventTypes.ContractInspectionEndsSoon, now, ("jobId", c.JobId), ("contractId", c.Id));
                told += toldNow;
            }
            return told;
        }
    }
}
