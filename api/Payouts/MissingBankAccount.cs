using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Payouts;

/// <summary>
/// A worker paid with no bank account to pay into: no batch gathers her balance (only workers with an account are
/// candidates), so she is told, by notification and mail, each time money is released to her until she saves one.
/// The closing of a contract takes this step after a release.
/// </summary>
public static class MissingBankAccount
{
    /// <summary>Tells the worker when she has no account; the event key names the release, so a retry tells once.</summary>
    public static async Task TellAsync(DbSession db, string workerId, string contractId, DateTimeOffset now)
    {
        var hasAccount = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM bank_accounts WHERE worker_id = @Id", new { Id = workerId }) > 0;
        if (hasAccount) return;
        await Notify.ToAsync(db, workerId, NotificationKind.BankAccountMissing,
            "Your earnings were released, but you have no bank account saved to transfer them to: add it on the payouts page.",
            $"bank-account-missing:{contractId}", now);
    }
}
