using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>
/// Every movement of money, in one place that other features call: a contract's payment is held at award,
/// released at acceptance and refunded on cancellation, each as one balanced posting in the double-entry ledger.
/// </summary>
public static class Escrow
{
    /// <summary>How one contract's money is split. Fees are rounded down to the yen, in the payer's favour.</summary>
    public sealed record Split(long Amount, long ProducerFee, long PlatformFee, long WithholdingTax)
    {
        /// <summary>What the business puts into escrow: the amount plus its producer's fee.</summary>
        public long EscrowTotal => Amount + ProducerFee;

        /// <summary>What the worker receives: the amount less the platform fee and the tax withheld.</summary>
        public long WorkerNet => Amount - PlatformFee - WithholdingTax;

        public static Split For(long amount, long producerFeeBps, long platformFeeBps, bool withhold) =>
            new(amount, amount * producerFeeBps / 10_000, amount * platformFeeBps / 10_000, withhold ? Withholding.Tax(amount) : 0);
    }

    /// <summary>Ledger account names; an account's balance is the sum of its entries.</summary>
    public static class LedgerAccounts
    {
        public static string Business(string id) => $"business:{id}";
        public static string Contract(string contractId) => $"escrow:{contractId}";
        public static string Worker(string id) => $"worker:{id}";
        public static string Producer(string id) => $"producer:{id}";
        public static string WithholdingTax(string businessId) => $"withholding:{businessId}";
        public const string Platform = "platform";
        /// <summary>Payouts gathered into a batch and not yet transferred by the bank.</summary>
        public const string PayoutsInTransit = "payouts:in-transit";
        /// <summary>The operator's bank account the transfers leave from: its balance is what the bank has paid out.</summary>
        public const string OperatorBank = "bank:operator";
        /// <summary>What the operator's bank charged for transfers.</summary>
        public const string BankFees = "bank:fees";

        public static string For(Role role, string id) => role switch
        {
            Role.Business => Business(id),
            Role.Worker => Worker(id),
            Role.Producer => Producer(id),
            _ => Platform,
        };
    }

    private sealed class Terms
    {
        public string Id { get; init; } = "";
        public string BusinessId { get; init; } = "";
        public string WorkerId { get; init; } = "";
        public string? ProducerId { get; init; }
        public long Amount { get; init; }
        public long ProducerFee { get; init; }
        public long PlatformFee { get; init; }
        public long WithholdingTax { get; init; }
        public DateTimeOffset? FundedAt { get; init; }

        public Split Split => new(Amount, ProducerFee, PlatformFee, WithholdingTax);
    }

    private static Task<Terms> TermsAsync(DbSession db, string contractId) =>
        db.QuerySingleAsync<Terms>(
            """
            SELECT id, business_id, worker_id, producer_id, amount, producer_fee, platform_fee, withholding_tax, funded_at
            FROM contracts WHERE id = @Id
            """, new { Id = contractId });

    /// <summary>Records the business's payment for a new contract; with auto-confirmation it funds the escrow at once.</summary>
    public static async Task RequestPaymentAsync(DbSession db, string contractId, long total, IPaymentProvider provider, DateTimeOffset now)
    {
        var paymentId = Wire.NewId();
        await db.ExecuteAsync(
            """
            INSERT INTO payments (id, contract_id, amount, provider, status, created_at)
            VALUES (@Id, @ContractId, @Amount, @Provider, 'pending', @Now)
            """, new { Id = paymentId, ContractId = contractId, Amount = total, Provider = provider.Name, Now = now });
        if (provider.ConfirmsAtOnce) await ConfirmPaymentAsync(db, paymentId, null, now);
    }

    /// <summary>The transfer arrived: the business's money moves into the contract's escrow.</summary>
    public static async Task ConfirmPaymentAsync(DbSession db, string paymentId, string? confirmedBy, DateTimeOffset now)
    {
        var contractId = await db.ExecuteScalarAsync<string?>("SELECT contract_id FROM payments WHERE id = @Id", new { Id = paymentId })
            ?? throw new NotFoundException("No such payment.");
        var confirmed = await db.ExecuteAsync(
            "UPDATE payments SET status = 'confirmed', confirmed_at = @Now, confirmed_by = @By WHERE id = @Id AND status = 'pending'",
            new { Id = paymentId, Now = now, By = confirmedBy });
        if (confirmed == 0) throw new ConflictException("Only a pending payment can be confirmed.");
        var terms = await TermsAsync(db, contractId);
        await PostAsync(db, $"fund:{contractId}", contractId, "Escrow funded by the business", now,
            (LedgerAccounts.Business(terms.BusinessId), -terms.Split.EscrowTotal), (LedgerAccounts.Contract(contractId), terms.Split.EscrowTotal));
        await db.ExecuteAsync("UPDATE contracts SET funded_at = @Now WHERE id = @Id AND funded_at IS NULL", new { Id = contractId, Now = now });
    }

    /// <summary>Acceptance pays everyone out of escrow: worker net, platform fee, producer fee, tax to be remitted.</summary>
    public static async Task ReleaseAsync(DbSession db, string contractId, DateTimeOffset now)
    {
        var terms = await TermsAsync(db, contractId);
        if (terms.FundedAt is null) throw new ConflictException("The escrow is not funded; the payment has not been confirmed.");
        var split = terms.Split;
        await PostAsync(db, $"release:{contractId}", contractId, "Escrow released on acceptance", now,
            (LedgerAccounts.Contract(contractId), -split.EscrowTotal),
            (LedgerAccounts.Worker(terms.WorkerId), split.WorkerNet),
            (LedgerAccounts.Platform, split.PlatformFee),
            (terms.ProducerId is null ? LedgerAccounts.Platform : LedgerAccounts.Producer(terms.ProducerId), split.ProducerFee),
            (LedgerAccounts.WithholdingTax(terms.BusinessId), split.WithholdingTax));
        await db.ExecuteAsync("UPDATE contracts SET released_at = @Now WHERE id = @Id", new { Id = contractId, Now = now });
    }

    /// <summary>Cancellation before delivery: a funded escrow goes back to the business in full; a pending payment is void.</summary>
    public static async Task RefundAsync(DbSession db, string contractId, DateTimeOffset now)
    {
        await db.ExecuteAsync("UPDATE payments SET status = 'cancelled' WHERE contract_id = @Id AND status = 'pending'", new { Id = contractId });
        var terms = await TermsAsync(db, contractId);
        if (terms.FundedAt is null) return;
        await PostAsync(db, $"refund:{contractId}", contractId, "Escrow refunded on cancellation", now,
            (LedgerAccounts.Contract(contractId), -terms.Split.EscrowTotal), (LedgerAccounts.Business(terms.BusinessId), terms.Split.EscrowTotal));
    }

    /// <summary>
    /// A worker's available balance leaves the worker's account for a payout batch: the bank's transfer fee is paid
    /// from it when the worker bears the fee, or by the platform. Event keys start with "payout" (see AvailableSql).
    /// </summary>
    public static Task<bool> GatherPayoutAsync(DbSession db, string payoutId, string workerId, long amount, long fee, bool workerBearsFee,
        DateTimeOffset now) =>
        PostAsync(db, $"payout:{payoutId}", null, "Payout gathered into a transfer batch", now,
            (LedgerAccounts.Worker(workerId), -amount),
            (LedgerAccounts.PayoutsInTransit, workerBearsFee ? amount - fee : amount),
            (LedgerAccounts.Platform, workerBearsFee ? 0 : -fee),
            (LedgerAccounts.BankFees, fee));

    /// <summary>The bank carried out the transfer: the money left the operator's account.</summary>
    public static Task<bool> PayOutAsync(DbSession db, string payoutId, long net, DateTimeOffset now) =>
        PostAsync(db, $"payout-paid:{payoutId}", null, "Payout transferred by the bank", now,
            (LedgerAccounts.PayoutsInTransit, -net), (LedgerAccounts.OperatorBank, net));

    /// <summary>A transfer came back (組戻し, e.g. a wrong account): the money is the worker's balance again; the fee is spent.</summary>
    public static Task<bool> ReturnPayoutAsync(DbSession db, string payoutId, string workerId, long net, DateTimeOffset now) =>
        PostAsync(db, $"payout-return:{payoutId}", null, "Payout returned by the bank", now,
            (LedgerAccounts.OperatorBank, -net), (LedgerAccounts.Worker(workerId), net));

    /// <summary>
    /// A worker's available balance at a cutoff: what was credited to the worker up to the cutoff, less every payout
    /// gathered and plus every payout returned whenever they happened, so that a batch with an earlier cutoff than the
    /// last one never pays the same yen again. @Worker is the worker's ledger account.
    /// </summary>
    public const string AvailableSql =
        """
        SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
        WHERE e.account = @Worker AND (e.created_at <= @Cutoff OR t.event_key LIKE 'payout%')
        """;

    /// <summary>
    /// Posts one balanced transaction for a business event. The event key is unique in the database, so a
    /// retried event posts nothing the second time; the answer says whether this call posted.
    /// </summary>
    internal static async Task<bool> PostAsync(DbSession db, string eventKey, string? contractId, string description, DateTimeOffset now,
        params (string Account, long Amount)[] entries)
    {
        var lines = entries.Where(e => e.Amount != 0).ToArray();
        if (lines.Sum(e => e.Amount) != 0)
            throw new InvalidOperationException($"Ledger transaction {eventKey} does not balance.");
        if (lines.Length == 0) return false;
        var id = Wire.NewId();
        var inserted = await db.ExecuteAsync(
            """
            INSERT INTO ledger_transactions (id, event_key, contract_id, description, created_at)
            SELECT @Id, @EventKey, @ContractId, @Description, @Now
            WHERE NOT EXISTS (SELECT 1 FROM ledger_transactions WHERE event_key = @EventKey)
            """,
            new { Id = id, EventKey = eventKey, ContractId = contractId, Description = description, Now = now });
        if (inserted == 0) return false;
        await db.ExecuteAsync(
            "INSERT INTO ledger_entries (id, transaction_id, account, amount, created_at) VALUES (@Id, @TransactionId, @Account, @Amount, @Now)",
            lines.Select(l => new { Id = Wire.NewId(), TransactionId = id, l.Account, l.Amount, Now = now }));
        return true;
    }
}
