using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>
/// Every movement of money, in one place that other features call: a contract's payment is held at award,
/// released at acceptance and refunded on cancellation, topped up or partly refunded when an agreed change moves the
/// amount, and split between worker and business when a cancellation or a decision ends the contract; each as one
/// balanced posting in the double-entry ledger.
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
        public long PlatformFeeBps { get; init; }
        public long ProducerFeeBps { get; init; }
        public bool Withholds { get; init; }
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
            SELECT id, business_id, worker_id, producer_id, amount, producer_fee, platform_fee, withholding_tax, funded_at,
                   platform_fee_bps, producer_fee_bps, withholds
            FROM contracts WHERE id = @Id
            """, new { Id = contractId });

    /// <summary>Records the business's payment for a new contract; with auto-confirmation it funds the escrow at once.</summary>
    public static async Task RequestPaymentAsync(DbSession db, string contractId, long total, IPaymentProvider provider, DateTimeOffset now)
    {
        var paymentId = TimeOrderedId.New();
        await db.ExecuteAsync(
            """
            INSERT INTO payments (id, contract_id, amount, provider, status, created_at)
            VALUES (@Id, @ContractId, @Amount, @Provider, 'pending', @Now)
            """, new { Id = paymentId, ContractId = contractId, Amount = total, Provider = provider.Name, Now = now });
        if (provider.ConfirmsAtOnce) await ConfirmPaymentAsync(db, paymentId, null, now);
    }

    /// <summary>
    /// The transfer arrived: its amount moves from the business into the contract's escrow. The escrow is funded (the
    /// worker may deliver) once it holds the whole escrow total: at award that is the first payment; after a raised
    /// amount, the top-up as well.
    /// </summary>
    public static async Task ConfirmPaymentAsync(DbSession db, string paymentId, string? confirmedBy, DateTimeOffset now)
    {
        var payment = await db.QuerySingleOrDefaultAsync<(string ContractId, long Amount)>(
            "SELECT contract_id, amount FROM payments WHERE id = @Id", new { Id = paymentId });
        if (payment.ContractId is null) throw new NotFoundException("No such payment.");
        var confirmed = await db.ExecuteAsync(
            "UPDATE payments SET status = 'confirmed', confirmed_at = @Now, confirmed_by = @By WHERE id = @Id AND status = 'pending'",
            new { Id = paymentId, Now = now, By = confirmedBy });
        if (confirmed == 0) throw new ConflictException("Only a pending payment can be confirmed.", "paymentNotPending");
        var terms = await TermsAsync(db, payment.ContractId);
        await PostAsync(db, $"fund:{paymentId}", payment.ContractId, "Escrow funded by the business", now,
            (LedgerAccounts.Business(terms.BusinessId), -payment.Amount), (LedgerAccounts.Contract(payment.ContractId), payment.Amount));
        if (await BalanceAsync(db, payment.ContractId) >= terms.Split.EscrowTotal)
            await db.ExecuteAsync("UPDATE contracts SET funded_at = @Now WHERE id = @Id AND funded_at IS NULL", new { Id = payment.ContractId, Now = now });
    }

    /// <summary>What the contract's escrow account holds now: the sum of its ledger entries.</summary>
    public static async Task<long> BalanceAsync(DbSession db, string contractId) =>
        await db.ExecuteScalarAsync<long?>("SELECT SUM(e.amount) FROM ledger_entries e WHERE e.account = @Account",
            new { Account = LedgerAccounts.Contract(contractId) }) ?? 0;

    /// <summary>Acceptance pays everyone out of escrow: worker net, platform fee, producer fee, tax to be remitted.</summary>
    public static async Task ReleaseAsync(DbSession db, string contractId, DateTimeOffset now)
    {
        var terms = await TermsAsync(db, contractId);
        if (terms.FundedAt is null) throw new ConflictException("The escrow is not funded; the payment has not been confirmed.", "escrowNotFunded");
        var split = terms.Split;
        // Funded means the escrow holds exactly the escrow total (changes top it up or refund the difference first).
        if (await BalanceAsync(db, contractId) != split.EscrowTotal)
            throw new InvalidOperationException($"Escrow of contract {contractId} does not hold its escrow total.");
        await PostAsync(db, $"release:{contractId}", contractId, "Escrow released on acceptance", now,
            (LedgerAccounts.Contract(contractId), -split.EscrowTotal),
            (LedgerAccounts.Worker(terms.WorkerId), split.WorkerNet),
            (LedgerAccounts.Platform, split.PlatformFee),
            (terms.ProducerId is null ? LedgerAccounts.Platform : LedgerAccounts.Producer(terms.ProducerId), split.ProducerFee),
            (LedgerAccounts.WithholdingTax(terms.BusinessId), split.WithholdingTax));
        await db.ExecuteAsync("UPDATE contracts SET released_at = @Now WHERE id = @Id", new { Id = contractId, Now = now });
    }

    /// <summary>
    /// Cancellation before delivery: whatever the escrow holds goes back to the business in full; a pending payment is
    /// void.
    /// </summary>
    public static async Task RefundAsync(DbSession db, string contractId, DateTimeOffset now)
    {
        await db.ExecuteAsync("UPDATE payments SET status = 'cancelled' WHERE contract_id = @Id AND status = 'pending'", new { Id = contractId });
        var terms = await TermsAsync(db, contractId);
        var balance = await BalanceAsync(db, contractId);
        if (balance == 0) return;
        await PostAsync(db, $"refund:{contractId}", contractId, "Escrow refunded on cancellation", now,
            (LedgerAccounts.Contract(contractId), -balance), (LedgerAccounts.Business(terms.BusinessId), balance));
    }

    /// <summary>
    /// An agreed change moved the amount (the contract row already holds the new split): the escrow is brought to the
    /// new escrow total. A lowered amount refunds the difference to the business at once; a raised one voids any
    /// pending payment and asks for what is missing, and the escrow counts as unfunded (the worker starts the new part
    /// once funded) until that payment is confirmed. <paramref name="eventId"/> names the change, so a retry posts once.
    /// </summary>
    public static async Task AdjustAsync(DbSession db, string contractId, string eventId, IPaymentProvider provider, DateTimeOffset now)
    {
        await db.ExecuteAsync("UPDATE payments SET status = 'cancelled' WHERE contract_id = @Id AND status = 'pending'", new { Id = contractId });
        var terms = await TermsAsync(db, contractId);
        var balance = await BalanceAsync(db, contractId);
        var target = terms.Split.EscrowTotal;
        if (balance > target)
            await PostAsync(db, $"adjust:{eventId}", contractId, "Escrow partly refunded: the amount was lowered by agreement", now,
                (LedgerAccounts.Contract(contractId), target - balance), (LedgerAccounts.Business(terms.BusinessId), balance - target));
        if (balance >= target)
        {
            // A lowered amount can complete an escrow whose top-up was still pending.
            await db.ExecuteAsync("UPDATE contracts SET funded_at = @Now WHERE id = @Id AND funded_at IS NULL", new { Id = contractId, Now = now });
            return;
        }
        await db.ExecuteAsync("UPDATE contracts SET funded_at = NULL WHERE id = @Id", new { Id = contractId });
        await RequestPaymentAsync(db, contractId, target - balance, provider, now);
    }

    /// <summary>How a settled contract's escrow was divided.</summary>
    public sealed record Settlement(long WorkerShare, Split ShareSplit, long Refund);

    /// <summary>
    /// A cancellation or a decision ends the contract paying the worker <paramref name="workerShare"/> yen of the amount:
    /// one posting releases the whole escrow, the worker's share split as a release would split it (the platform fee,
    /// the producer's fee on that share, the withholding tax on what is paid: Income Tax Act art. 204 applies to the
    /// remuneration actually paid) and the rest back to the business. Its event key is the release's own, so the
    /// escrow of a contract is released once, however it ends. A pending payment is void.
    /// </summary>
    public static async Task<Settlement> SettleAsync(DbSession db, string contractId, long workerShare, string description, DateTimeOffset now)
    {
        await db.ExecuteAsync("UPDATE payments SET status = 'cancelled' WHERE contract_id = @Id AND status = 'pending'", new { Id = contractId });
        var terms = await TermsAsync(db, contractId);
        var balance = await BalanceAsync(db, contractId);
        var share = Split.For(workerShare, terms.ProducerFeeBps, terms.PlatformFeeBps, terms.Withholds);
        if (workerShare > terms.Amount)
            throw new ConflictException($"The worker's share ({workerShare} yen) is more than the amount ({terms.Amount} yen).", "shareAboveAmount");
        if (share.EscrowTotal > balance)
            throw new ConflictException(
                $"The escrow holds {balance} yen; a share of {workerShare} yen needs {share.EscrowTotal} yen with the producer's fee.", "escrowShort");
        var refund = balance - share.EscrowTotal;
        await PostAsync(db, $"release:{contractId}", contractId, description, now,
            (LedgerAccounts.Contract(contractId), -balance),
            (LedgerAccounts.Worker(terms.WorkerId), share.WorkerNet),
            (LedgerAccounts.Platform, share.PlatformFee),
            (terms.ProducerId is null ? LedgerAccounts.Platform : LedgerAccounts.Producer(terms.ProducerId), share.ProducerFee),
            (LedgerAccounts.WithholdingTax(terms.BusinessId), share.WithholdingTax),
            (LedgerAccounts.Business(terms.BusinessId), refund));
        if (balance > 0)
            await db.ExecuteAsync("UPDATE contracts SET released_at = @Now WHERE id = @Id", new { Id = contractId, Now = now });
        return new Settlement(workerShare, share, refund);
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
        var id = TimeOrderedId.New();
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
            lines.Select(l => new { Id = TimeOrderedId.New(), TransactionId = id, l.Account, l.Amount, Now = now }));
        return true;
    }
}
