using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>
/// An award whose first payment into escrow was not confirmed by its lapse day (PaymentTerms: the day after the first
/// business day following the due date) lapses: the contract is cancelled with no money moved and the pending payment
/// void, the job opens again with its bids pending as they were before the award (the business expects the offers it
/// chose from to still stand, and may award again, the same bid or another, and each bidder may still withdraw), and
/// the business, the worker and the other bidders are told. Sent for each due contract by <see cref="AwardPaymentClock"/>.
/// A transfer confirmed at the same moment and the lapse are decided by the database: each moves the payment out of
/// 'pending' in a conditional UPDATE, so one of them finds nothing to do and the other stands, never both.
/// </summary>
public static class LapseUnpaidAward
{
    /// <summary>The answer says whether this command lapsed the award.</summary>
    public sealed record Command(string ContractId) : ICommand<bool>;

    /// <summary>Awards whose first payment is still pending on or after its lapse day, earliest first, on ix_payments_lapses (status, lapses_on).</summary>
    internal const string DueSql = """
        SELECT p.contract_id FROM payments p
        WHERE p.status = 'pending' AND p.lapses_on <= @Today
        ORDER BY p.lapses_on
        """;

    private sealed class Lapsing
    {
        public string Id { get; init; } = "";
        public string JobId { get; init; } = "";
        public string JobTitle { get; init; } = "";
        public string BusinessId { get; init; } = "";
        public string WorkerId { get; init; } = "";
        public string BidId { get; init; } = "";
    }

    public sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var today = JapanTime.DayOf(now);
            // The payment first: of a confirmation and this lapse racing, the one that moves it out of 'pending' wins. An
            // award that money already funded, or that a cancellation or a dispute holds, does not lapse.
            var voided = await db.ExecuteAsync(
                """
                UPDATE payments SET status = 'cancelled'
                WHERE contract_id = @Id AND status = 'pending' AND lapses_on <= @Today
                  AND EXISTS (SELECT 1 FROM contracts c WHERE c.id = payments.contract_id AND c.status = 'active' AND c.funded_at IS NULL
                              AND NOT EXISTS (SELECT 1 FROM contract_holds h WHERE h.contract_id = c.id))
                """, new { Id = command.ContractId, Today = today });
            if (voided == 0) return false;
            var c = await db.QuerySingleAsync<Lapsing>(
                """
                SELECT c.id, c.job_id, j.title AS job_title, c.business_id, c.worker_id, c.bid_id
                FROM contracts c JOIN jobs j ON j.id = c.job_id WHERE c.id = @Id
                """, new { Id = command.ContractId });
            await db.ExecuteAsync(
                "UPDATE contracts SET status = 'cancelled', award_lapsed_at = @Now WHERE id = @Id AND status = 'active'", new { c.Id, Now = now });
            await MilestonePlan.EndAsync(db, c.Id);
            await db.ExecuteAsync("UPDATE jobs SET status = 'open' WHERE id = @JobId AND status = 'awarded'", new { c.JobId });
            // The bids the award chose from: the one it accepted and those it rejected (a job's bids are rejected only by
            // an award or by the job's cancellation, and a cancelled job is not reopened).
            var others = await db.QueryAsync<string>(
                "SELECT b.worker_id FROM bids b WHERE b.job_id = @JobId AND b.status = 'rejected'", new { c.JobId });
            await db.ExecuteAsync("UPDATE bids SET status = 'pending' WHERE job_id = @JobId AND status IN ('accepted', 'rejected')", new { c.JobId });

            await Notify.ToAsync(db, c.BusinessId, NotificationKind.AwardLapsed,
                $"No payment into escrow for \"{c.JobTitle}\" arrived in time: the award lapsed and the job is open again with its bids.",
                $"award-lapsed:{c.Id}", now, c.JobId, c.Id);
            await Notify.ToAsync(db, c.WorkerId, NotificationKind.AwardLapsed,
                $"The business did not pay into escrow for \"{c.JobTitle}\" in time: the award lapsed; your bid stands again.",
                $"award-lapsed:{c.Id}", now, c.JobId, c.Id);
            foreach (var worker in others)
                await Notify.ToAsync(db, worker, NotificationKind.JobReopened,
                    $"\"{c.JobTitle}\" is open again; your bid stands.", $"reopened:{c.Id}", now, c.JobId);
            return true;
        }
    }
}
