using System.Globalization;
using Marketplace.Platform;

namespace Marketplace.Contracts;

/// <summary>
/// The payment date of a contract's terms (Freelance Act art. 4 §1): the worker is paid within 60 days of the day the
/// work was received, that day counted as day 1, and as early as the terms say: <c>Contracts:PaymentDays</c> after
/// acceptance. Dates are Japanese calendar days (UTC+9, no daylight saving), as the law's days are.
/// </summary>
public static class PaymentDates
{
    /// <summary>The last day the law allows: the day of receipt + 59 ("60日を経過した日の前日", art. 4 §2).</summary>
    public static DateOnly LatestAllowed(DateTimeOffset deliveredAt) => JapanTime.DayOf(deliveredAt).AddDays(ContractsOptions.LawPaymentDays - 1);

    /// <summary>The terms' date: <paramref name="paymentDays"/> after the contract closed, never later than the law allows.</summary>
    public static DateOnly Due(DateTimeOffset closedAt, DateTimeOffset? deliveredAt, int paymentDays)
    {
        var byTerms = JapanTime.DayOf(closedAt).AddDays(paymentDays);
        return deliveredAt is { } received && LatestAllowed(received) < byTerms ? LatestAllowed(received) : byTerms;
    }

    /// <summary>
    /// The first delivery fixes the day the 60 days run from. The first, not the last: the JFTC lets the count restart
    /// at a redelivery only when the redo was the worker's fault, which the platform cannot tell, so it takes the day
    /// that is never later than the law's.
    /// </summary>
    public static Task RecordDeliveryAsync(DbSession db, string contractId, DateTimeOffset now) =>
        db.ExecuteAsync(
            "UPDATE contracts SET delivered_at = @Now, latest_payment_on = @Latest WHERE id = @Id AND delivered_at IS NULL",
            new { Id = contractId, Now = now, Latest = LatestAllowed(now) });

    /// <summary>
    /// A contract closed with money for the worker: the date it is paid by. A milestone contract has no delivery of its
    /// own: what a cancellation or a decision pays it pays for its unaccepted milestones' work, so the law's 60 days run
    /// from the earliest delivery among those (the accepted ones were paid by their own dates).
    /// </summary>
    public static async Task RecordDueAsync(DbSession db, string contractId, int paymentDays, DateTimeOffset now)
    {
        var deliveredAt = await db.ExecuteScalarAsync<DateTimeOffset?>("SELECT delivered_at FROM contracts WHERE id = @Id", new { Id = contractId })
            ?? (await db.QueryAsync<DateTimeOffset>(
                    "SELECT m.delivered_at FROM milestones m WHERE m.contract_id = @Id AND m.status <> 'accepted' AND m.delivered_at IS NOT NULL",
                    new { Id = contractId }))
                .Select(d => (DateTimeOffset?)d).Min();
        await db.ExecuteAsync("UPDATE contracts SET payment_due_on = @Due WHERE id = @Id",
            new { Id = contractId, Due = Due(now, deliveredAt, paymentDays) });
    }
}
