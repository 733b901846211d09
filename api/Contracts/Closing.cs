using Marketplace.Invoices;
using Marketplace.Money;
using Marketplace.Notifications;
using Marketplace.Platform;
using Marketplace.Events;

namespace Marketplace.Contracts;

/// <summary>How a contract closes with money leaving its escrow.</summary>
internal abstract record Outcome
{
    /// <summary>The business accepted the delivered work: the whole amount is paid.</summary>
    public sealed record Accepted : Outcome;

    /// <summary>The inspection period ended without an answer: the work counts as accepted.</summary>
    public sealed record Lapsed : Outcome;

    /// <summary>The parties agreed to end the contract, paying the worker <paramref name="WorkerShare"/> yen of the amount.</summary>
    public sealed record Cancelled(long WorkerShare) : Outcome;

    /// <summary>An administrator decided the dispute, paying the worker <paramref name="WorkerShare"/> yen of the amount.</summary>
    public sealed record Decided(long WorkerShare, string DisputeId) : Outcome;
}

/// <summary>What closing paid: the split of what the worker was paid for, and what went back to the business.</summary>
internal sealed record Closed(Split Paid, long Refund);

/// <summary>
/// Closing a contract: the one domain step that an acceptance, its lapse, an agreed cancellation and a dispute's
/// decision each take. The contract moves to completed or cancelled in one conditional UPDATE (of racing closes, one
/// moves it), its job follows, the escrow is released once through the ledger (the whole amount, or the worker's share
/// with the rest back to the business), the documents of what was paid are issued and the payment date is fixed, and
/// those concerned are told.
/// </summary>
internal static class Closing
{
    /// <summary>
    /// Closes <paramref name="contract"/> with <paramref name="outcome"/>. A contract that cannot close so is refused
    /// (409), except a lapse, which answers null: the clock that sends it lost a race or the contract was put on hold.
    /// </summary>
    public static async Task<Closed?> CloseAsync(DbSession db, Contract contract, Outcome outcome, ContractsOptions options,
        InvoiceOptions invoices, DateTimeOffset now)
    {
        if (!await MoveAsync(db, contract, outcome, now)) return null;
        var money = await ContractMoney.ReadAsync(db, contract.Id);
        Closed closed;
        if (outcome is Outcome.Accepted or Outcome.Lapsed)
        {
            await db.ExecuteAsync("UPDATE jobs SET status = 'completed' WHERE id = @JobId AND status = 'awarded'", new { contract.JobId });
            await Escrow.ReleaseAsync(db, money, now);
            closed = new Closed(money.Split, 0);
        }
        else
        {
            await db.ExecuteAsync("UPDATE jobs SET status = 'cancelled' WHERE id = @JobId AND status = 'awarded'", new { contract.JobId });
            var (paid, refund) = await Escrow.SettleAsync(db, money, WorkerShare(outcome), outcome is Outcome.Cancelled
                ? "Escrow settled on an agreed cancellation" : "Escrow settled by an administrator's decision", now);
            closed = new Closed(paid, refund);
            // A milestone contract's funded, unaccepted milestones were settled just now; its unfunded ones simply end.
            await MilestonePlan.EndAsync(db, contract.Id);
        }
        if (closed.Paid.Amount > 0)
        {
            await PaymentDates.RecordDueAsync(db, contract.Id, options.PaymentDays, now);
            if (money.TeamId is null)
            {
                // The worker's invoice, the fees' invoices and the withholding notice, for what was actually paid.
                await Documents.IssueOnReleaseAsync(db, money, contract.JobTitle, closed.Paid, invoices, now);
                // Released pay waits for a bank account to be transferred to: the worker is told if she has none.
                if (closed.Paid.WorkerNet > 0) await Payouts.MissingBankAccount.TellAsync(db, contract.WorkerId, contract.Id, now);
            }
            else await PayTeamAsync(db, contract, money, closed.Paid, invoices, now);
        }
        await TellAsync(db, contract, outcome, money.ProducerId, now);
        return closed;
    }

    /// <summary>
    /// Releases one milestone of <paramref name="contract"/>: accepted by the business, or by lapse of its inspection
    /// period (<paramref name="lapsed"/>). The milestone moves to accepted in one conditional UPDATE (of racing accepts
    /// and lapses, one moves it; none while a cancellation or a dispute holds the contract), its payment leaves the
    /// escrow through the ledger (<see cref="Escrow.ReleaseMilestoneAsync"/>), its documents are issued for what it paid
    /// (withholding per payment), and its payment date is fixed from its own first delivery (Freelance Act art. 4). The
    /// contract completes with its last milestone. A milestone that cannot be accepted is refused (409), except a lapse,
    /// which answers false.
    /// </summary>
    public static async Task<bool> ReleaseMilestoneAsync(DbSession db, Contract contract, string milestoneId, bool lapsed, ContractsOptions options,
        InvoiceOptions invoices, DateTimeOffset now)
    {
        var by = WireName.Of(lapsed ? ClosedBy.Lapse : ClosedBy.Acceptance);
        var moved = await db.ExecuteAsync(lapsed ? LapseMilestoneSql : AcceptMilestoneSql,
            new { MilestoneId = milestoneId, ContractId = contract.Id, Now = now, By = by });
        if (moved == 0)
        {
            if (lapsed) return false;
            await Milestone.RefuseAsync(db, contract, milestoneId, "A milestone can be accepted only when its work has been submitted.");
        }
        var milestone = await db.QuerySingleAsync<ReleasedMilestone>(
            "SELECT m.title, m.amount, m.producer_fee, m.platform_fee, m.withholding_tax, m.delivered_at FROM milestones m WHERE m.id = @Id",
            new { Id = milestoneId });
        var paid = new Split(milestone.Amount, milestone.ProducerFee, milestone.PlatformFee, milestone.WithholdingTax);
        var money = await ContractMoney.ReadAsync(db, contract.Id);
        await Escrow.ReleaseMilestoneAsync(db, money, milestoneId, paid, now);
        var due = PaymentDates.Due(now, milestone.DeliveredAt, options.PaymentDays);
        await db.ExecuteAsync("UPDATE milestones SET payment_due_on = @Due WHERE id = @Id", new { Id = milestoneId, Due = due });
        await Documents.IssueOnReleaseAsync(db, money, $"{contract.JobTitle}（{milestone.Title}）", paid, invoices, now, milestoneId);
        if (paid.WorkerNet > 0) await Payouts.MissingBankAccount.TellAsync(db, contract.WorkerId, contract.Id, now);
        await Notify.ToAsync(db, contract.WorkerId, NotificationKind.PaymentReleased,
            lapsed
                ? $"The milestone \"{milestone.Title}\" of \"{contract.JobTitle}\" was accepted when its inspection period ended; its payment was released."
                : $"The milestone \"{milestone.Title}\" of \"{contract.JobTitle}\" was accepted; its payment was released.",
            $"milestone-released:{milestoneId}", now, contract.JobId, contract.Id);
        EventFeed.Record(db, EventTypes.MilestoneAccepted, now, ("jobId", contract.JobId), ("contractId", contract.Id), ("milestoneId", milestoneId));

        // The last milestone accepted completes the contract, once: the UPDATE finds no milestone left unaccepted.
        var completed = await db.ExecuteAsync(
            """
            UPDATE contracts SET status = 'completed', completed_at = @Now, closed_by = @By, payment_due_on = @Due
            WHERE id = @Id AND status = 'active'
              AND NOT EXISTS (SELECT 1 FROM milestones m WHERE m.contract_id = contracts.id AND m.status <> 'accepted')
            """, new { contract.Id, Now = now, By = by, Due = due });
        if (completed > 0)
        {
            await db.ExecuteAsync("UPDATE jobs SET status = 'completed' WHERE id = @JobId AND status = 'awarded'", new { contract.JobId });
            await TellAsync(db, contract, lapsed ? new Outcome.Lapsed() : new Outcome.Accepted(), money.ProducerId, now);
        }
        return true;
    }

    private const string AcceptMilestoneSql = """
        UPDATE milestones SET status = 'accepted', accepted_at = @Now, accepted_by = @By, inspection_ends_at = NULL
        WHERE id = @MilestoneId AND contract_id = @ContractId AND status = 'submitted'
          AND EXISTS (SELECT 1 FROM contracts c WHERE c.id = milestones.contract_id AND c.status = 'active')
          AND NOT EXISTS (SELECT 1 FROM contract_holds h WHERE h.contract_id = milestones.contract_id)
        """;

    /// <summary>As an acceptance, and only once its inspection period has ended.</summary>
    private const string LapseMilestoneSql = """
        UPDATE milestones SET status = 'accepted', accepted_at = @Now, accepted_by = @By, inspection_ends_at = NULL
        WHERE id = @MilestoneId AND contract_id = @ContractId AND status = 'submitted' AND inspection_ends_at <= @Now
          AND EXISTS (SELECT 1 FROM contracts c WHERE c.id = milestones.contract_id AND c.status = 'active')
          AND NOT EXISTS (SELECT 1 FROM contract_holds h WHERE h.contract_id = milestones.contract_id)
        """;

    private sealed class ReleasedMilestone
    {
        public string Title { get; init; } = "";
        public long Amount { get; init; }
        public long ProducerFee { get; init; }
        public long PlatformFee { get; init; }
        public long WithholdingTax { get; init; }
        public DateTimeOffset? DeliveredAt { get; init; }
    }

    /// <summary>
    /// A team contract's close (issue 23): the escrow's release already paid each person of the team its share
    /// (<see cref="Teams.TeamSplit"/>); each gets its own documents, each member is told what it was paid, and anyone paid
    /// without a bank account is asked for one.
    /// </summary>
    private static async Task PayTeamAsync(DbSession db, Contract contract, ContractMoney money, Split paid, InvoiceOptions invoices, DateTimeOffset now)
    {
        var shares = await Teams.TeamSplit.OfAsync(db, contract.Id);
        await Documents.IssueOnTeamReleaseAsync(db, money, contract.JobTitle, paid, shares, invoices, now);
        foreach (var share in shares.Where(s => s.Net > 0))
        {
            if (!share.IsDirector)
                await Notify.ToAsync(db, share.UserId, NotificationKind.TaskPaid,
                    $"Your team's contract paid you ¥{share.Gross:N0} (¥{share.WithholdingTax:N0} income tax withheld): ¥{share.Net:N0}.",
                    $"team-paid:{contract.Id}", now);
            await Payouts.MissingBankAccount.TellAsync(db, share.UserId, contract.Id, now);
        }
    }

    private static long WorkerShare(Outcome outcome) => outcome switch
    {
        Outcome.Cancelled c => c.WorkerShare,
        Outcome.Decided d => d.WorkerShare,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "only a cancellation or a decision pays a share"),
    };

    /// <summary>
    /// The move, in one conditional UPDATE. Acceptance and its lapse need delivered work and a contract no cancellation
    /// or dispute holds (contract_holds, read in the UPDATE itself, so that a proposal committed a moment earlier stops
    /// them); a cancellation or a decision needs only a contract not yet closed, since the hold is its own.
    /// </summary>
    private static async Task<bool> MoveAsync(DbSession db, Contract contract, Outcome outcome, DateTimeOffset now)
    {
        switch (outcome)
        {
            case Outcome.Accepted:
                var accepted = await db.ExecuteAsync(
                    """
                    UPDATE contracts SET status = 'completed', completed_at = @Now, closed_by = 'acceptance', inspection_ends_at = NULL
                    WHERE id = @Id AND status = 'submitted'
                      AND NOT EXISTS (SELECT 1 FROM contract_holds h WHERE h.contract_id = contracts.id)
                    """, new { contract.Id, Now = now });
                if (accepted == 0) await ContractState.RefuseAsync(db, contract, "Work can be accepted only when it has been submitted.");
                return true;
            case Outcome.Lapsed:
                return await db.ExecuteAsync(
                    """
                    UPDATE contracts SET status = 'completed', completed_at = @Now, closed_by = 'lapse', inspection_ends_at = NULL
                    WHERE id = @Id AND status = 'submitted' AND inspection_ends_at <= @Now
                      AND NOT EXISTS (SELECT 1 FROM contract_holds h WHERE h.contract_id = contracts.id)
                    """, new { contract.Id, Now = now }) > 0;
            default:
                var cancelled = await db.ExecuteAsync(
                    """
                    UPDATE contracts SET status = 'cancelled', closed_by = @How, worker_share = @Share, inspection_ends_at = NULL
                    WHERE id = @Id AND status NOT IN ('completed', 'cancelled')
                    """, new { contract.Id, How = WireName.Of(outcome is Outcome.Cancelled ? ClosedBy.Cancellation : ClosedBy.Decision),
                               Share = WorkerShare(outcome) });
                if (cancelled == 0) throw new ConflictException("The contract is closed already.", ConflictCode.ContractStatus);
                return true;
        }
    }

    /// <summary>Who is told of the close: the parties, and on a release the producer whose fee the award fixed; what asked them to review is read.</summary>
    private static async Task TellAsync(DbSession db, Contract contract, Outcome outcome, string? feeProducer, DateTimeOffset now)
    {
        // A closed contract has nothing left to review: its delivery notices are read.
        await Notify.HandledOnContractAsync(db, NotificationKind.SubmissionToReview, contract.Id, now);
        var title = contract.JobTitle;
        switch (outcome)
        {
            case Outcome.Accepted:
                await Notify.ToAsync(db, contract.WorkerId, NotificationKind.WorkAccepted,
                    $"Your work on \"{title}\" was accepted.", $"accepted:{contract.Id}", now, contract.JobId, contract.Id);
                EventFeed.Record(db, EventTypes.ContractAccepted, now, ("jobId", contract.JobId), ("contractId", contract.Id));
                foreach (var payee in new[] { contract.WorkerId, feeProducer }.OfType<string>())
                    await Notify.ToAsync(db, payee, NotificationKind.PaymentReleased,
                        $"Payment for \"{title}\" was released.", $"released:{contract.Id}", now, contract.JobId, contract.Id);
                break;
            case Outcome.Lapsed:
                // One notice per party: the business learns its silence accepted the work, the worker that it is paid.
                await Notify.ToAsync(db, contract.BusinessId, NotificationKind.AcceptedByLapse,
                    $"The inspection period of \"{title}\" ended without an answer: the work counts as accepted and the payment was released.",
                    $"lapse:{contract.Id}", now, contract.JobId, contract.Id);
                await Notify.ToAsync(db, contract.WorkerId, NotificationKind.AcceptedByLapse,
                    $"Your work on \"{title}\" was accepted when its inspection period ended; the payment was released.",
                    $"lapse:{contract.Id}", now, contract.JobId, contract.Id);
                EventFeed.Record(db, EventTypes.ContractAcceptedByLapse, now, ("jobId", contract.JobId), ("contractId", contract.Id));
                if (feeProducer is not null)
                    await Notify.ToAsync(db, feeProducer, NotificationKind.PaymentReleased,
                        $"Payment for \"{title}\" was released.", $"released:{contract.Id}", now, contract.JobId, contract.Id);
                break;
            case Outcome.Cancelled cancelled:
                foreach (var party in new[] { contract.BusinessId, contract.WorkerId })
                    await Notify.ToAsync(db, party, NotificationKind.CancellationAccepted,
                        $"The cancellation of \"{title}\" was agreed: the worker is paid {cancelled.WorkerShare} yen and the rest is refunded.",
                        $"cancelled:{contract.Id}", now, contract.JobId, contract.Id);
                EventFeed.Record(db, EventTypes.ContractCancelled, now, ("jobId", contract.JobId), ("contractId", contract.Id));
                break;
            case Outcome.Decided decided:
                foreach (var party in new[] { contract.BusinessId, contract.WorkerId })
                    await Notify.ToAsync(db, party, NotificationKind.DisputeDecided,
                        $"The dispute about \"{title}\" was decided: the worker is paid {decided.WorkerShare} yen and the rest is refunded.",
                        $"decided:{decided.DisputeId}", now, contract.JobId, contract.Id);
                EventFeed.Record(db, EventTypes.DisputeDecided, now, ("jobId", contract.JobId), ("contractId", contract.Id), ("disputeId", decided.DisputeId));
                break;
        }
    }
}
