using Marketplace.Platform;

namespace Marketplace.Money;

/// <summary>
/// A contract's escrow, as thin operations on the <see cref="Ledger"/>: the business's payment is asked for at award
/// and funds the escrow when it arrives; the escrow is topped up or partly refunded when an agreed change moves the
/// amount, refunded in full when the job is withdrawn, and released once when the contract closes, paying the worker
/// and the fees and giving the rest back to the business. The tax withheld never enters it: the business remits that
/// itself (<see cref="Split"/>), except on a contract funded before that rule, whose escrowed tax goes back at its close.
/// A task job or a contest has an escrow of its own, per job (<see cref="RequestJobPaymentAsync"/>), paid in at posting.
/// </summary>
public static class Escrow
{
    /// <summary>
    /// Asks the business for a payment into the contract's escrow, due on <paramref name="terms"/>' day, with a transfer
    /// reference of its own (<see cref="NewReference"/>); with auto-confirmation it funds the escrow at once.
    /// </summary>
    public static async Task RequestPaymentAsync(DbSession db, string contractId, long total, IPaymentProvider provider, PaymentTerms terms,
        DateTimeOffset now)
    {
        var paymentId = await InsertPaymentAsync(db, contractId, null, total, provider, terms, now);
        if (provider.ConfirmsAtOnce) await ConfirmPaymentAsync(db, paymentId, null, now);
    }

    /// <summary>
    /// Asks the business for the whole of a task job's or a contest's money, into the job's own escrow
    /// (<see cref="LedgerAccount.JobEscrow"/>), when it posts the job: there is no contract yet. The job stays off the
    /// board (status unfunded) until the payment is confirmed, by an administrator as any other or at once with
    /// auto-confirmation.
    /// </summary>
    public static async Task RequestJobPaymentAsync(DbSession db, string jobId, long total, IPaymentProvider provider, PaymentTerms terms,
        DateTimeOffset now)
    {
        var paymentId = await InsertPaymentAsync(db, null, jobId, total, provider, terms, now);
        if (provider.ConfirmsAtOnce) await ConfirmPaymentAsync(db, paymentId, null, now);
    }

    /// <summary>A pending payment of a contract's or a job's escrow (exactly one of the two), with a reference of its own.</summary>
    private static async Task<string> InsertPaymentAsync(DbSession db, string? contractId, string? jobId, long total, IPaymentProvider provider,
        PaymentTerms terms, DateTimeOffset now)
    {
        var paymentId = TimeOrderedId.New();
        // A drawn reference that another payment holds draws again; the condition decides it in the INSERT itself (and
        // ux_payments_reference behind it), never by reading first.
        for (var inserted = 0; inserted == 0;)
            inserted = await db.ExecuteAsync(
                """
                INSERT INTO payments (id, contract_id, job_id, amount, provider, status, created_at, reference, due_on, lapses_on)
                SELECT @Id, @ContractId, @JobId, @Amount, @Provider, 'pending', @Now, @Reference, @DueOn, @LapsesOn
                WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.reference = @Reference)
                """,
                new { Id = paymentId, ContractId = contractId, JobId = jobId, Amount = total, Provider = provider.Name, Now = now,
                      Reference = NewReference(), terms.DueOn, terms.LapsesOn });
        return paymentId;
    }

    /// <summary>
    /// A transfer reference: eight digits, the first not 0, drawn at random. It goes before the business's name on the
    /// transfer (振込人名義), which banks keep to 48 half-width characters; digits survive every bank's conversion, and
    /// eight of them leave room for the name and make a mistyped one unlikely to be another payment's.
    /// </summary>
    public static string NewReference() =>
        System.Security.Cryptography.RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every reference has this many digits (those 0024 gave earlier payments too).</summary>
    public const int ReferenceDigits = 8;

    /// <summary>
    /// The transfer arrived: its amount moves from the business into the contract's escrow. The escrow is funded (the
    /// worker may deliver) once it holds the whole escrow total: at award that is the first payment; after a raised
    /// amount, the top-up as well.
    /// </summary>
    public static async Task ConfirmPaymentAsync(DbSession db, string paymentId, string? confirmedBy, DateTimeOffset now)
    {
        var payment = await db.QuerySingleOrDefaultAsync<(string? ContractId, string? JobId, long Amount)>(
            "SELECT contract_id, job_id, amount FROM payments WHERE id = @Id", new { Id = paymentId });
        if (payment.ContractId is null && payment.JobId is null) throw new NotFoundException("No such payment.");
        var confirmed = await db.ExecuteAsync(
            "UPDATE payments SET status = 'confirmed', confirmed_at = @Now, confirmed_by = @By WHERE id = @Id AND status = 'pending'",
            new { Id = paymentId, Now = now, By = confirmedBy });
        if (confirmed == 0) throw new ConflictException("Only a pending payment can be confirmed.", ConflictCode.PaymentNotPending);
        if (payment.JobId is not null)
        {
            await FundJobAsync(db, paymentId, payment.JobId, payment.Amount, now);
            return;
        }
        var money = await ContractMoney.ReadAsync(db, payment.ContractId!);
        await Ledger.PostAsync(db, LedgerEntryKind.EscrowFunded, $"fund:{paymentId}", money.Id, "Escrow funded by the business", now,
            new(LedgerAccount.Business(money.BusinessId), -payment.Amount), new(LedgerAccount.Escrow(money.Id), payment.Amount));
        if (await FundMilestonesAsync(db, paymentId, money.Id, now)) return;
        if (await BalanceAsync(db, money.Id) >= money.EscrowTotal)
            await db.ExecuteAsync("UPDATE contracts SET funded_at = @Now WHERE id = @Id AND funded_at IS NULL", new { money.Id, Now = now });
    }

    /// <summary>
    /// Asks the business for a payment into the contract's escrow that funds <paramref name="milestoneIds"/> (one, or all
    /// at award): their paid-in amounts together. A contract has one pending payment at a time (ux_payments_pending), so
    /// one still pending refuses it (409 paymentPending), decided in the INSERT itself; the milestones must be unfunded
    /// with no payment of theirs pending, decided in the UPDATE that links them. With auto-confirmation it funds them at once.
    /// </summary>
    public static async Task<string> RequestMilestonePaymentAsync(DbSession db, string contractId, IReadOnlyList<string> milestoneIds,
        IPaymentProvider provider, PaymentTerms terms, DateTimeOffset now)
    {
        var total = await db.ExecuteScalarAsync<long>(
            "SELECT COALESCE(SUM(m.amount - m.withholding_tax + m.producer_fee), 0) FROM milestones m WHERE m.contract_id = @ContractId AND m.id IN @Ids",
            new { ContractId = contractId, Ids = milestoneIds });
        var paymentId = TimeOrderedId.New();
        var inserted = 0;
        for (var attempt = 0; inserted == 0 && attempt < 5; attempt++)
            inserted = await db.ExecuteAsync(
                """
                INSERT INTO payments (id, contract_id, amount, provider, status, created_at, reference, due_on, lapses_on)
                SELECT @Id, @ContractId, @Amount, @Provider, 'pending', @Now, @Reference, @DueOn, @LapsesOn
                WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.reference = @Reference)
                  AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.contract_id = @ContractId AND p.status = 'pending')
                """,
                new { Id = paymentId, ContractId = contractId, Amount = total, Provider = provider.Name, Now = now, Reference = NewReference(),
                      terms.DueOn, terms.LapsesOn });
        if (inserted == 0)
            throw new ConflictException("A payment into this contract's escrow is pending: it is confirmed or void first.", ConflictCode.PaymentPending);
        var linked = await db.ExecuteAsync(
            """
            UPDATE milestones SET payment_id = @PaymentId
            WHERE contract_id = @ContractId AND id IN @Ids AND status = 'unfunded'
              AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.id = milestones.payment_id AND p.status IN ('pending', 'confirmed'))
            """, new { PaymentId = paymentId, ContractId = contractId, Ids = milestoneIds });
        if (linked != milestoneIds.Count)
            throw new ConflictException("The milestone is funded or its payment is asked for already.", ConflictCode.MilestoneStatus);
        if (provider.ConfirmsAtOnce) await ConfirmPaymentAsync(db, paymentId, null, now);
        return paymentId;
    }

    /// <summary>
    /// A confirmed payment that funds milestones: they are funded (the worker may start them), and so is the contract the
    /// first time (its award no longer lapses unpaid). The answer says whether the payment was a milestone's.
    /// </summary>
    private static async Task<bool> FundMilestonesAsync(DbSession db, string paymentId, string contractId, DateTimeOffset now)
    {
        var funded = await db.QueryAsync<string>("SELECT m.id FROM milestones m WHERE m.payment_id = @Id AND m.status = 'unfunded'", new { Id = paymentId });
        if (funded.Count == 0) return false;
        await db.ExecuteAsync("UPDATE milestones SET status = 'funded', funded_at = @Now WHERE payment_id = @Id AND status = 'unfunded'",
            new { Id = paymentId, Now = now });
        await db.ExecuteAsync("UPDATE contracts SET funded_at = @Now WHERE id = @Id AND funded_at IS NULL", new { Id = contractId, Now = now });
        var jobId = await db.ExecuteScalarAsync<string>("SELECT job_id FROM contracts WHERE id = @Id", new { Id = contractId }) ?? "";
        foreach (var milestoneId in funded)
            Events.EventFeed.Record(db, Events.EventTypes.MilestoneFunded, now, ("jobId", jobId), ("contractId", contractId), ("milestoneId", milestoneId));
        return true;
    }

    /// <summary>
    /// A milestone accepted (or its inspection lapsed) is released on its own: what was paid in for it leaves the escrow
    /// to the worker (its net), the platform and the producer. Its event key is the milestone's, so that each milestone is
    /// released once; the contract's own release key stays free for a cancellation's settlement of the rest.
    /// </summary>
    public static async Task ReleaseMilestoneAsync(DbSession db, ContractMoney money, string milestoneId, Split paid, DateTimeOffset now)
    {
        var balance = await BalanceAsync(db, money.Id);
        if (balance < paid.PaidIn)
            throw new InvalidOperationException($"Escrow of contract {money.Id} does not hold milestone {milestoneId}'s payment.");
        await Ledger.PostAsync(db, LedgerEntryKind.EscrowReleased, $"milestone-release:{milestoneId}", money.Id, "Escrow released for an accepted milestone", now,
            new(LedgerAccount.Escrow(money.Id), -paid.PaidIn),
            new(LedgerAccount.Worker(money.WorkerId), paid.WorkerNet),
            new(LedgerAccount.Platform, paid.PlatformFee),
            new(money.ProducerId is null ? LedgerAccount.Platform : LedgerAccount.Producer(money.ProducerId), paid.ProducerFee));
        await db.ExecuteAsync("UPDATE contracts SET released_at = @Now WHERE id = @Id", new { money.Id, Now = now });
    }

    /// <summary>
    /// A job's payment arrived: its amount moves from the business into the job's escrow, and once no payment of the
    /// job is still awaited the job is funded and, if it waited off the board, opens. The conditions decide it in the
    /// UPDATE, so a job opens once.
    /// </summary>
    private static async Task FundJobAsync(DbSession db, string paymentId, string jobId, long amount, DateTimeOffset now)
    {
        var businessId = await db.QuerySingleAsync<string>("SELECT business_id FROM jobs WHERE id = @Id", new { Id = jobId });
        await Ledger.PostForJobAsync(db, LedgerEntryKind.EscrowFunded, $"fund:{paymentId}", jobId, "Job escrow funded by the business", now,
            new(LedgerAccount.Business(businessId), -amount), new(LedgerAccount.JobEscrow(jobId), amount));
        await db.ExecuteAsync(
            """
            UPDATE jobs SET funded_at = @Now, status = CASE WHEN status = 'unfunded' THEN 'open' ELSE status END
            WHERE id = @Id AND funded_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.job_id = @Id AND p.status = 'pending')
            """, new { Id = jobId, Now = now });
    }

    /// <summary>What a job's escrow account holds now.</summary>
    public static Task<long> JobBalanceAsync(DbSession db, string jobId) => Ledger.BalanceAsync(db, LedgerAccount.JobEscrow(jobId));

    /// <summary>What the contract's escrow account holds now.</summary>
    public static Task<long> BalanceAsync(DbSession db, string contractId) => Ledger.BalanceAsync(db, LedgerAccount.Escrow(contractId));

    /// <summary>
    /// Acceptance (or its lapse) pays the whole amount out of escrow: the worker's net, the platform's fee, the
    /// producer's fee. The tax withheld is the business's to remit; a contract funded with it in escrow gives it back.
    /// </summary>
    public static async Task ReleaseAsync(DbSession db, ContractMoney money, DateTimeOffset now)
    {
        if (money.FundedAt is null) throw new ConflictException("The escrow is not funded; the payment has not been confirmed.", ConflictCode.EscrowNotFunded);
        var balance = await BalanceAsync(db, money.Id);
        // Funded means the escrow holds exactly the escrow total (changes top it up or refund the difference first).
        if (balance != money.EscrowTotal)
            throw new InvalidOperationException($"Escrow of contract {money.Id} does not hold its escrow total.");
        await PayOutOfEscrowAsync(db, money, money.Split, money.Split.PaidIn, LedgerEntryKind.EscrowReleased, "Escrow released on acceptance", now);
        await ReturnEscrowedWithholdingAsync(db, money, now);
    }

    /// <summary>
    /// A contract funded before withholding left the escrow held the tax too; at its release that tax goes back to the
    /// business, which remits it to the tax office itself, so that no yen stays in the escrow.
    /// </summary>
    private static async Task ReturnEscrowedWithholdingAsync(DbSession db, ContractMoney money, DateTimeOffset now)
    {
        var left = await BalanceAsync(db, money.Id);
        await Ledger.PostAsync(db, LedgerEntryKind.WithholdingReturned, $"withholding-return:{money.Id}", money.Id,
            "Escrowed withholding returned: the business remits the tax itself", now,
            new(LedgerAccount.Escrow(money.Id), -left), new(LedgerAccount.Business(money.BusinessId), left));
    }

    /// <summary>
    /// A cancellation or a decision ends the contract paying the worker <paramref name="workerShare"/> yen of the amount:
    /// the share is split as a release would split it (the platform fee, the producer's fee on that share, the
    /// withholding tax on what is paid, which the business remits: Income Tax Act art. 204 applies to the remuneration
    /// actually paid), the escrow pays the share's worker net and fees, and the rest of it goes back to the business. A
    /// pending payment is void. The answer is the share's split and the refund.
    /// </summary>
    public static async Task<(Split Paid, long Refund)> SettleAsync(DbSession db, ContractMoney money, long workerShare, string description,
        DateTimeOffset now)
    {
        await CancelPendingPaymentsAsync(db, money.Id);
        var balance = await BalanceAsync(db, money.Id);
        var share = money.SplitOf(workerShare);
        if (workerShare > money.Amount)
            throw new ConflictException($"The worker's share ({workerShare} yen) is more than the amount ({money.Amount} yen).", ConflictCode.ShareAboveAmount);
        if (share.PaidIn > balance)
            throw new ConflictException(
                $"The escrow holds {balance} yen; a share of {workerShare} yen needs {share.PaidIn} yen with the producer's fee.", ConflictCode.EscrowShort);
        await PayOutOfEscrowAsync(db, money, share, balance, LedgerEntryKind.EscrowSettled, description, now);
        return (share, balance - share.PaidIn);
    }

    /// <summary>
    /// Takes <paramref name="taken"/> yen out of the escrow in one posting: those <paramref name="paid"/> pays (the
    /// worker its net; the platform its fee; the producer its fee, or the platform when no producer brokered) and the
    /// business whatever is taken beyond. Its event key is the contract's release, so that an escrow is released once,
    /// however the contract ends.
    /// </summary>
    private static async Task PayOutOfEscrowAsync(DbSession db, ContractMoney money, Split paid, long taken, LedgerEntryKind kind,
        string description, DateTimeOffset now)
    {
        var workerSide = (await WorkerSideAsync(db, money, paid, now)).ToList();
        // A team contract that does not withhold (a company director) may still have individual members withheld on, each
        // the business's own payee: the escrow held their tax, which goes back to the business to remit (below).
        var membersTax = paid.WorkerNet - workerSide.Sum(e => e.Amount);
        await Ledger.PostAsync(db, kind, $"release:{money.Id}", money.Id, description, now,
        [
            new(LedgerAccount.Escrow(money.Id), -(taken - membersTax)),
            .. workerSide,
            new(LedgerAccount.Platform, paid.PlatformFee),
            new(money.ProducerId is null ? LedgerAccount.Platform : LedgerAccount.Producer(money.ProducerId), paid.ProducerFee),
            new(LedgerAccount.Business(money.BusinessId), taken - paid.PaidIn),
        ]);
        if (membersTax > 0)
            await Ledger.PostAsync(db, LedgerEntryKind.WithholdingReturned, $"team-withholding:{money.Id}", money.Id,
                "Tax withheld on the team's members returned: the business remits it itself", now,
                new(LedgerAccount.Escrow(money.Id), -membersTax), new(LedgerAccount.Business(money.BusinessId), membersTax));
        if (taken > 0)
            await db.ExecuteAsync("UPDATE contracts SET released_at = @Now WHERE id = @Id", new { money.Id, Now = now });
    }

    /// <summary>
    /// Who on the worker side the release pays: the worker its net; for a team contract each person of the team its own
    /// net (the named step <see cref="Teams.TeamSplit"/>, which records the shares), all of it adding up to the worker net.
    /// </summary>
    private static async Task<IEnumerable<LedgerEntry>> WorkerSideAsync(DbSession db, ContractMoney money, Split paid, DateTimeOffset now) =>
        money.TeamId is null
            ? [new(LedgerAccount.Worker(money.WorkerId), paid.WorkerNet)]
            : (await Teams.TeamSplit.RecordAsync(db, money, paid, now)).Select(s => new LedgerEntry(LedgerAccount.Worker(s.UserId), s.Net));

    /// <summary>
    /// The job was withdrawn before delivery: whatever the escrow holds goes back to the business in full; a pending
    /// payment is void.
    /// </summary>
    public static async Task RefundAsync(DbSession db, string contractId, DateTimeOffset now)
    {
        await CancelPendingPaymentsAsync(db, contractId);
        var money = await ContractMoney.ReadAsync(db, contractId);
        var balance = await BalanceAsync(db, contractId);
        await Ledger.PostAsync(db, LedgerEntryKind.EscrowRefunded, $"refund:{contractId}", contractId, "Escrow refunded on cancellation", now,
            new(LedgerAccount.Escrow(contractId), -balance), new(LedgerAccount.Business(money.BusinessId), balance));
    }

    /// <summary>
    /// An agreed change moved the amount (the contract row already holds the new split): the escrow is brought to the
    /// new escrow total. A lowered amount refunds the difference to the business at once; a raised one voids any
    /// pending payment and asks for what is missing, and the escrow counts as unfunded (the worker starts the new part
    /// once funded) until that payment is confirmed. <paramref name="eventId"/> names the change, so a retry posts once.
    /// </summary>
    public static async Task AdjustAsync(DbSession db, string contractId, string eventId, IPaymentProvider provider, PaymentOptions options,
        DateTimeOffset now)
    {
        // Before any money arrived the award's first payment is still outstanding: its replacement keeps its due and lapse
        // days, so that changing the amount never postpones the lapse of an unpaid award.
        var first = await db.QuerySingleOrDefaultAsync<Outstanding>(
            "SELECT p.due_on, p.lapses_on FROM payments p WHERE p.contract_id = @Id AND p.status = 'pending' AND p.lapses_on IS NOT NULL",
            new { Id = contractId });
        await CancelPendingPaymentsAsync(db, contractId);
        var money = await ContractMoney.ReadAsync(db, contractId);
        var balance = await BalanceAsync(db, contractId);
        var target = money.EscrowTotal;
        if (balance > target)
            await Ledger.PostAsync(db, LedgerEntryKind.EscrowPartlyRefunded, $"adjust:{eventId}", contractId,
                "Escrow partly refunded: the amount was lowered by agreement", now,
                new(LedgerAccount.Escrow(contractId), target - balance), new(LedgerAccount.Business(money.BusinessId), balance - target));
        if (balance >= target)
        {
            // A lowered amount can complete an escrow whose top-up was still pending.
            await db.ExecuteAsync("UPDATE contracts SET funded_at = @Now WHERE id = @Id AND funded_at IS NULL", new { Id = contractId, Now = now });
            return;
        }
        await db.ExecuteAsync("UPDATE contracts SET funded_at = NULL WHERE id = @Id", new { Id = contractId });
        var terms = first is { DueOn: { } dueOn } && balance == 0 ? new PaymentTerms(dueOn, first.LapsesOn) : PaymentTerms.ForTopUp(options, now);
        await RequestPaymentAsync(db, contractId, target - balance, provider, terms, now);
    }

    private sealed class Outstanding
    {
        public DateOnly? DueOn { get; init; }
        public DateOnly? LapsesOn { get; init; }
    }

    private static Task CancelPendingPaymentsAsync(DbSession db, string contractId) =>
        db.ExecuteAsync("UPDATE payments SET status = 'cancelled' WHERE contract_id = @Id AND status = 'pending'", new { Id = contractId });
}
