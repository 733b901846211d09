using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Money;

/// <summary>
/// Reminds a business once, <c>Payments:ReminderDays</c> before its payment into escrow is due, while the money has not
/// been confirmed: the notification's event key names the payment, so a second run or a second API instance writes
/// nothing. Sent by the award payments' clock (Contracts/AwardPaymentClock.cs).
/// </summary>
public static class RemindPayments
{
    /// <summary>How many reminders were written.</summary>
    public sealed record Command : ICommand<int>;

    private sealed class Due
    {
        public string Id { get; init; } = "";
        public string ContractId { get; init; } = "";
        public string JobId { get; init; } = "";
        public string JobTitle { get; init; } = "";
        public string BusinessId { get; init; } = "";
        public DateOnly DueOn { get; init; }
    }

    /// <summary>Pending payments due within the reminder days, on ix_payments_due (status, due_on).</summary>
    internal const string DueSql = """
        SELECT p.id, p.contract_id, c.job_id, j.title AS job_title, c.business_id, p.due_on
        FROM payments p JOIN contracts c ON c.id = p.contract_id JOIN jobs j ON j.id = c.job_id
        WHERE p.status = 'pending' AND p.due_on <= @Horizon
        """;

    public sealed class Handler(DbSession db, TimeProvider clock, IOptions<PaymentOptions> options) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var told = 0;
            foreach (var p in await db.QueryAsync<Due>(DueSql, new { Horizon = JapanTime.DayOf(now).AddDays(options.Value.ReminderDays) }))
                told += await Notify.ToAsync(db, p.BusinessId, NotificationKind.PaymentDueSoon,
                    $"Your payment into escrow for \"{p.JobTitle}\" is due by {p.DueOn:yyyy-MM-dd} and has not arrived yet.",
                    $"payment-due:{p.Id}", now, p.JobId, p.ContractId);
            return told;
        }
    }
}
