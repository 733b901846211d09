using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;
using Marketplace.Events;

namespace Marketplace.Payouts;

/// <summary>
/// Warns every administrator, once per payment (a contract's worker, each team member, each released milestone, each
/// task job's worker), of released pay due to a worker within 7 days and not transferred yet,
/// so that the next batch pays it before the Freelance Act's deadline (article 4). The notification's unique event key
/// decides "once", however many API instances send it. Sent by <see cref="LatePayoutWarnings"/>.
/// </summary>
public static class WarnLatePayouts
{
    public sealed record Command : ICommand<int>;

    public sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var today = JapanTime.DayOf(now);
            var due = await ListDuePayouts.ReadAsync(db, today.AddDays(ListDuePayouts.WarningDays), today);
            if (due.Count == 0) return 0;
            var administrators = await db.QueryAsync<string>("SELECT u.id FROM users u WHERE u.role = 'administrator'");
            var told = 0;
            foreach (var payout in due)
            {
                var toldNow = 0;
                foreach (var administrator in administrators)
                    toldNow += await Notify.ToAsync(db, administrator, NotificationKind.PayoutDue,
                        $"¥{payout.Net:N0} for \"{payout.JobTitle}\"{(payout.MilestoneTitle is null ? "" : $" (milestone \"{payout.MilestoneTitle}\")")}{(payout.ContractId is null ? " (task job)" : "")} is due to {payout.WorkerName} by {payout.PaymentDueOn:yyyy-MM-dd} and has not been transferred.",
                        $"payout-due:{payout.WarningKey}", now, payout.JobId, payout.ContractId, partyId: payout.WorkerId);
                // Warned before (another run, another node): no new event.
                if (toldNow > 0)
                    EventFeed.Record(db, EventTypes.PayoutDue, now, ("jobId", payout.JobId), ("contractId", payout.ContractId), ("workerId", payout.WorkerId));
                told += toldNow;
            }
            return told;
        }
    }
}
