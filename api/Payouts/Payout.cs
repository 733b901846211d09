using Marketplace.Money;
using Marketplace.Platform;

namespace Marketplace.Payouts;

/// <summary>A payout's way out of the ledger: gathered from the worker's balance, transferred by the bank, or returned.</summary>
public static class Payout
{
    /// <summary>
    /// A worker's available balance leaves the worker's account for a payout batch: the bank's transfer fee is paid
    /// from it when the worker bears the fee, or by the platform.
    /// </summary>
    public static Task<bool> GatherAsync(DbSession db, string payoutId, string workerId, long amount, long fee, bool workerBearsFee,
        DateTimeOffset now) =>
        Ledger.PostAsync(db, LedgerEntryKind.PayoutGathered, $"payout:{payoutId}", null, "Payout gathered into a transfer batch", now,
            new(LedgerAccount.Worker(workerId), -amount),
            new(LedgerAccount.PayoutsInTransit, workerBearsFee ? amount - fee : amount),
            new(LedgerAccount.Platform, workerBearsFee ? 0 : -fee),
            new(LedgerAccount.BankFees, fee));

    /// <summary>The bank carried out the transfer: the money left the operator's account.</summary>
    public static Task<bool> TransferredAsync(DbSession db, string payoutId, long net, DateTimeOffset now) =>
        Ledger.PostAsync(db, LedgerEntryKind.PayoutPaid, $"payout-paid:{payoutId}", null, "Payout transferred by the bank", now,
            new(LedgerAccount.PayoutsInTransit, -net), new(LedgerAccount.OperatorBank, net));

    /// <summary>A transfer came back (組戻し, e.g. a wrong account): the money is the worker's balance again; the fee is spent.</summary>
    public static Task<bool> ReturnedAsync(DbSession db, string payoutId, string workerId, long net, DateTimeOffset now) =>
        Ledger.PostAsync(db, LedgerEntryKind.PayoutReturned, $"payout-return:{payoutId}", null, "Payout returned by the bank", now,
            new(LedgerAccount.OperatorBank, -net), new(LedgerAccount.Worker(workerId), net));
}
