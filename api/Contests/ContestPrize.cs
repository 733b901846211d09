using FluentValidation;
using FluentValidation.Results;
using Marketplace.Contracts;
using Marketplace.Events;
using Marketplace.Invoices;
using Marketplace.Jobs;
using Marketplace.Money;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Contests;

/// <summary>
/// The contest's prize, as domain steps on the ledger: it waits in the job's escrow from posting; the winner's choice
/// (by the business, or by an administrator when the business chose none in time) turns it into a contract that goes
/// straight to acceptance; too few entries at the deadline send it back to the business, once.
/// </summary>
internal static class ContestPrize
{
    /// <summary>The account that holds the prize from posting until a winner is chosen or it is refunded: the job's escrow.</summary>
    public static LedgerAccount Account(string jobId) => LedgerAccount.JobEscrow(jobId);

    /// <summary>Whether the prize is held (the job's escrow was funded): entries are taken only then.</summary>
    public static async Task<bool> FundedAsync(DbSession db, string jobId) =>
        await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM jobs j WHERE j.id = @Id AND j.funded_at IS NOT NULL", new { Id = jobId }) > 0;

    // The choice, in one conditional UPDATE: of racing choices (the business twice, or the business and an
    // administrator), the database lets one move the contest out of 'open'. The business chooses between the deadline
    // and 14 days after it; an administrator only after that. Either needs the minimum number of entries.
    private const string ChooseByBusinessSql = """
        UPDATE contests SET status = 'awarded', winner_entry_id = @EntryId, chosen_by = @By, closed_at = @Now
        WHERE job_id = @JobId AND status = 'open' AND entries_close_at <= @Now AND choose_by > @Now
          AND (SELECT COUNT(*) FROM contest_entries e WHERE e.job_id = contests.job_id) >= contests.minimum_entries
        """;

    private const string ChooseByAdministratorSql = """
        UPDATE contests SET status = 'awarded', winner_entry_id = @EntryId, chosen_by = @By, closed_at = @Now
        WHERE job_id = @JobId AND status = 'open' AND choose_by <= @Now
          AND (SELECT COUNT(*) FROM contest_entries e WHERE e.job_id = contests.job_id) >= contests.minimum_entries
        """;

    private sealed class Standing
    {
        public ContestStatus Status { get; init; }
        public DateTimeOffset EntriesCloseAt { get; init; }
        public DateTimeOffset ChooseBy { get; init; }
        public int MinimumEntries { get; init; }
        public int EntryCount { get; init; }
    }

    private sealed class Winner
    {
        public string JobId { get; init; } = "";
        public string Title { get; init; } = "";
        public string BusinessId { get; init; } = "";
        public JobCategory Category { get; init; }
        public bool BusinessIsAgent { get; init; }
        public long Prize { get; init; }
        public bool CopyrightTransfers { get; init; }
        public string EntryId { get; init; } = "";
        public string WorkerId { get; init; } = "";
        public bool WorkerIsIndividual { get; init; }
    }

    /// <summary>
    /// <paramref name="entryId"/> wins: the contest is awarded, the prize becomes the winner's contract (AwardJob's
    /// shape, with the bid the prize stands for), funded from the contest's account and closed at once as accepted work,
    /// so that its terms notice, withholding, documents, payment date and payout are those of any contract. The answer
    /// is the contract's id.
    /// </summary>
    public static async Task<string> AwardAsync(DbSession db, string jobId, string entryId, string chosenBy, bool byAdministrator,
        MoneyOptions moneyOptions, ContractsOptions contracts, InvoiceOptions invoices, DateTimeOffset now)
    {
        var entryOfContest = await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM contest_entries e WHERE e.id = @EntryId AND e.job_id = @JobId", new { EntryId = entryId, JobId = jobId });
        if (entryOfContest == 0)
            throw new ValidationException([new ValidationFailure("entryId", "The entry is not an entry of this contest.") { ErrorCode = "notFound" }]);
        var moved = await db.ExecuteAsync(byAdministrator ? ChooseByAdministratorSql : ChooseByBusinessSql,
            new { JobId = jobId, EntryId = entryId, By = chosenBy, Now = now });
        if (moved == 0) throw await RefusalAsync(db, jobId, byAdministrator, now);

        var w = await db.QuerySingleAsync<Winner>(
            """
            SELECT j.id AS job_id, j.title, j.business_id, j.category, b.is_withholding_agent AS business_is_agent, c.prize,
                   c.copyright_transfers, e.id AS entry_id, e.worker_id, u.is_individual AS worker_is_individual
            FROM contests c JOIN jobs j ON j.id = c.job_id JOIN users b ON b.id = j.business_id
            JOIN contest_entries e ON e.id = c.winner_entry_id JOIN users u ON u.id = e.worker_id
            WHERE c.job_id = @JobId
            """, new { JobId = jobId });
        await db.ExecuteAsync("UPDATE jobs SET status = 'awarded' WHERE id = @JobId AND status = 'open'", new { JobId = jobId });

        // The split as at any award: a design prize paid to an individual by a withholding agent is withheld on
        // (Income Tax Act art. 204 §1 (i): design fees); no producer brokers a contest.
        var withholds = Withholding.Applies(w.WorkerIsIndividual, w.BusinessIsAgent, w.Category, moneyOptions.WithheldCategories);
        var split = Split.For(w.Prize, 0, moneyOptions.PlatformFeeBps, withholds);
        var bidId = TimeOrderedId.New();
        // The bid the prize stands for: a contract names one, and the worker's entry was its offer.
        await db.ExecuteAsync(
            """
            INSERT INTO bids (id, job_id, worker_id, amount, delivery_days, message, status, created_at)
            VALUES (@Id, @JobId, @WorkerId, @Amount, 1, @Message, 'accepted', @Now)
            """, new { Id = bidId, JobId = jobId, w.WorkerId, Amount = w.Prize, Message = $"Contest entry {w.EntryId}", Now = now });
        var contractId = TimeOrderedId.New();
        // Delivered with the entry and funded from the prize: the contract is 'submitted' and goes straight to acceptance.
        await db.ExecuteAsync(
            """
            INSERT INTO contracts (id, job_id, bid_id, business_id, worker_id, producer_id, amount, producer_fee, platform_fee,
                                   withholding_tax, status, deadline, created_at, platform_fee_bps, producer_fee_bps, withholds, funded_at)
            VALUES (@Id, @JobId, @BidId, @BusinessId, @WorkerId, NULL, @Amount, @ProducerFee, @PlatformFee,
                    @WithholdingTax, 'submitted', @Now, @Now, @PlatformFeeBps, 0, @Withholds, @Now)
            """,
            new { Id = contractId, JobId = jobId, BidId = bidId, w.BusinessId, w.WorkerId, Amount = w.Prize, split.ProducerFee, split.PlatformFee,
                  split.WithholdingTax, Now = now, moneyOptions.PlatformFeeBps, Withholds = withholds });
        await PaymentDates.RecordDeliveryAsync(db, contractId, now);
        await Terms.WriteFirstAsync(db, contractId, contracts, now, new TermsContest
        {
            EntryId = w.EntryId, Prize = w.Prize, CopyrightTransfersOnPayment = w.CopyrightTransfers,
            Copyright = w.CopyrightTransfers
                ? "The copyright in the winning entry transfers to the business when the prize is paid; entries that did not win stay their authors'."
                : "The copyright in every entry, the winning one included, stays with its author; the business may use the winning entry as the contest's brief said.",
        });
        // The prize moves into the contract's escrow (what the business pays in: the prize less the tax withheld, which
        // the business remits itself), and the withheld part back to the business, as a transaction of its own kind so
        // that the business's statement shows it as withheld tax returned. Their event keys are the contest's own.
        await Ledger.PostAsync(db, LedgerEntryKind.EscrowFunded, $"contest-award:{jobId}", contractId, "Contest prize moved into the winner's escrow", now,
            new(Account(jobId), -split.PaidIn), new(LedgerAccount.Escrow(contractId), split.PaidIn));
        await Ledger.PostForJobAsync(db, LedgerEntryKind.WithholdingReturned, $"contest-withholding:{jobId}", jobId,
            "Withheld tax returned: the business remits it itself", now,
            new(Account(jobId), -(w.Prize - split.PaidIn)), new(LedgerAccount.Business(w.BusinessId), w.Prize - split.PaidIn));

        var contract = await db.QuerySingleAsync<Contract>("SELECT c.* FROM contract_details c WHERE c.id = @Id", new { Id = contractId });
        await Closing.CloseAsync(db, contract, new Outcome.Accepted(), contracts, invoices, now);

        EventFeed.Record(db, EventTypes.ContestWinnerChosen, now, ("jobId", jobId), ("entryId", w.EntryId), ("contractId", contractId), ("workerId", w.WorkerId));
        await Notify.ToAsync(db, w.WorkerId, NotificationKind.ContestWon,
            $"Your entry won \"{w.Title}\": the prize is paid as a contract.", $"contest-won:{jobId}", now, jobId, contractId);
        // The business paid the prize: when the office chose for it (it chose none in its 14 days), it is told so.
        if (byAdministrator)
            await Notify.ToAsync(db, w.BusinessId, NotificationKind.ContestDecidedByAdministrator,
                $"The office chose the winner of \"{w.Title}\" by your ratings; the prize was paid as the winner's contract.",
                $"contest-decided:{jobId}", now, jobId, contractId);
        foreach (var entrant in await db.QueryAsync<string>(
                     "SELECT DISTINCT e.worker_id FROM contest_entries e WHERE e.job_id = @JobId AND e.worker_id <> @WorkerId",
                     new { JobId = jobId, w.WorkerId }))
            await Notify.ToAsync(db, entrant, NotificationKind.ContestClosed,
                $"A winner was chosen for \"{w.Title}\". Your entries stay yours.", $"contest-closed:{jobId}", now, jobId);
        return contractId;
    }

    /// <summary>Why a choice moved nothing, as a 409 the client can word.</summary>
    private static async Task<Exception> RefusalAsync(DbSession db, string jobId, bool byAdministrator, DateTimeOffset now)
    {
        var c = await db.QuerySingleAsync<Standing>(
            """
            SELECT c.status, c.entries_close_at, c.choose_by, c.minimum_entries,
                   (SELECT COUNT(*) FROM contest_entries e WHERE e.job_id = c.job_id) AS entry_count
            FROM contests c WHERE c.job_id = @JobId
            """, new { JobId = jobId });
        if (c.Status != ContestStatus.Open)
            return new ConflictException("The contest is closed: its winner was chosen or its prize refunded.", ConflictCode.ContestClosed);
        if (c.EntryCount < c.MinimumEntries)
            return new ConflictException($"The contest has {c.EntryCount} entries, fewer than its minimum of {c.MinimumEntries}: its prize is refunded, nobody wins.",
                ConflictCode.ContestBelowMinimum);
        if (!byAdministrator && now < c.EntriesCloseAt)
            return new ConflictException("Entries are taken until the deadline; the winner is chosen after it.", ConflictCode.ContestNotJudging);
        if (!byAdministrator)
            return new ConflictException($"The {ContestRules.ChooseDays} days to choose a winner have passed: an administrator decides by your ratings.",
                ConflictCode.ContestNotJudging);
        return new ConflictException($"The business chooses the winner until {ContestRules.ChooseDays} days after the deadline; an administrator only after that.",
            ConflictCode.ContestNotJudging);
    }

    /// <summary>
    /// Fewer entries than the minimum at the deadline: the contest is refunded and the prize goes back to the business,
    /// exactly once (the conditional UPDATE, and the event key behind it). The answer says whether this call refunded.
    /// </summary>
    public static async Task<bool> RefundAsync(DbSession db, string jobId, DateTimeOffset now)
    {
        var moved = await db.ExecuteAsync(
            """
            UPDATE contests SET status = 'refunded', closed_at = @Now
            WHERE job_id = @JobId AND status = 'open' AND entries_close_at <= @Now
              AND (SELECT COUNT(*) FROM contest_entries e WHERE e.job_id = contests.job_id) < contests.minimum_entries
            """, new { JobId = jobId, Now = now });
        if (moved == 0) return false;
        // A prize that never arrived is no longer asked for.
        await db.ExecuteAsync("UPDATE payments SET status = 'cancelled' WHERE job_id = @JobId AND status = 'pending'", new { JobId = jobId });
        var (businessId, title) = await db.QuerySingleAsync<(string, string)>(
            "SELECT j.business_id, j.title FROM jobs j WHERE j.id = @JobId", new { JobId = jobId });
        await db.ExecuteAsync("UPDATE jobs SET status = 'cancelled' WHERE id = @JobId AND status IN ('open', 'unfunded')", new { JobId = jobId });
        var held = await Ledger.BalanceAsync(db, Account(jobId));
        await Ledger.PostForJobAsync(db, LedgerEntryKind.EscrowRefunded, $"contest-refund:{jobId}", jobId,
            "Contest prize refunded: fewer entries than the minimum", now,
            new(Account(jobId), -held), new(LedgerAccount.Business(businessId), held));
        await Notify.ToAsync(db, businessId, NotificationKind.ContestRefunded,
            $"\"{title}\" closed with fewer entries than its minimum: the prize was refunded.", $"contest-refunded:{jobId}", now, jobId);
        foreach (var entrant in await db.QueryAsync<string>(
                     "SELECT DISTINCT e.worker_id FROM contest_entries e WHERE e.job_id = @JobId", new { JobId = jobId }))
            await Notify.ToAsync(db, entrant, NotificationKind.ContestClosed,
                $"\"{title}\" closed with fewer entries than its minimum: nobody wins. Your entries stay yours.", $"contest-closed:{jobId}", now, jobId);
        return true;
    }
}
