using Marketplace.Contracts;
using Marketplace.Invoices;
using Marketplace.Jobs;
using Marketplace.Money;
using Marketplace.Platform;

namespace Marketplace.TaskJobs;

/// <summary>
/// Closing a task job, the one step that the last approval and the clock after the deadline take: the job moves to
/// completed in one conditional UPDATE (once every item is approved, or after the deadline once no answer awaits review
/// and no worker still holds an item), then each worker is paid the approved items in one release out of the job's
/// escrow (the worker's net, the platform's fee, and the tax withheld on that worker's total back to the business, which
/// remits it itself) with its documents (issue 24: its invoice or receipt, the operator's fee invoice, the withholding
/// notice) and the date it is owed by (Freelance Act art. 4), and what the escrow still holds goes back to the business.
/// </summary>
internal static class TaskJobClosing
{
    private sealed class Terms
    {
        public string BusinessId { get; init; } = "";
        public string Title { get; init; } = "";
        public JobCategory Category { get; init; }
        public long PricePerItem { get; init; }
        public long PlatformFeeBps { get; init; }
        public bool BusinessWithholds { get; init; }
    }

    private sealed class Earned
    {
        public string WorkerId { get; init; } = "";
        public long Items { get; init; }
        public bool Individual { get; init; }
        /// <summary>The day the business received this worker's first answer it approved: the law's 60 days run from it.</summary>
        public DateTimeOffset FirstReceived { get; init; }
    }

    /// <summary>Each worker's approved items in the job, on ix_task_submissions_worker (job_id, worker_id, status).</summary>
    internal const string EarnedSql = """
        SELECT s.worker_id, COUNT(*) AS items, MAX(CASE WHEN w.is_individual = TRUE THEN 1 ELSE 0 END) AS individual,
               MIN(s.submitted_at) AS first_received
        FROM task_submissions s JOIN users w ON w.id = s.worker_id
        WHERE s.job_id = @Id AND s.status = 'approved'
        GROUP BY s.worker_id ORDER BY s.worker_id
        """;

    /// <summary>Closes the job if it may close now; the answer says whether this call closed it.</summary>
    public static async Task<bool> CloseAsync(DbSession db, string jobId, MoneyOptions money, InvoiceOptions invoices, ContractsOptions terms,
        DateTimeOffset now)
    {
        var closed = await db.ExecuteAsync(
            """
            UPDATE jobs SET status = 'completed'
            WHERE id = @Id AND format = 'task' AND status = 'open'
              AND NOT EXISTS (SELECT 1 FROM task_submissions s WHERE s.job_id = @Id AND s.status = 'submitted')
              AND NOT EXISTS (SELECT 1 FROM task_items i WHERE i.job_id = @Id AND i.status = 'taken' AND i.due_at > @Now)
              AND (deadline <= @Now OR NOT EXISTS (SELECT 1 FROM task_items i WHERE i.job_id = @Id AND i.status <> 'approved'))
            """, new { Id = jobId, Now = now });
        if (closed == 0) return false;
        await db.ExecuteAsync("UPDATE task_jobs SET closed_at = @Now WHERE job_id = @Id", new { Id = jobId, Now = now });
        var job = await db.QuerySingleAsync<Terms>(
            """
            SELECT j.business_id, j.title, j.category, t.price_per_item, t.platform_fee_bps, b.is_withholding_agent AS business_withholds
            FROM jobs j JOIN task_jobs t ON t.job_id = j.id JOIN users b ON b.id = j.business_id WHERE j.id = @Id
            """, new { Id = jobId });
        var earned = await db.QueryAsync<Earned>(EarnedSql, new { Id = jobId });
        foreach (var worker in earned)
        {
            var total = worker.Items * job.PricePerItem;
            var withholds = Withholding.Applies(worker.Individual, job.BusinessWithholds, job.Category, money.WithheldCategories);
            var split = Split.For(total, 0, job.PlatformFeeBps, withholds);
            await Ledger.PostForJobAsync(db, LedgerEntryKind.EscrowReleased, $"task-release:{jobId}:{worker.WorkerId}", jobId,
                $"Task job: {worker.Items} approved items paid", now,
                new(LedgerAccount.JobEscrow(jobId), -(total - split.WithholdingTax)),
                new(LedgerAccount.Worker(worker.WorkerId), split.WorkerNet),
                new(LedgerAccount.Platform, split.PlatformFee));
            // The business paid the whole price in; the tax withheld on this worker's total goes back to it to remit, as
            // a transaction of its own kind, which its statement shows as withheld tax returned.
            await Ledger.PostForJobAsync(db, LedgerEntryKind.WithholdingReturned, $"task-withholding:{jobId}:{worker.WorkerId}", jobId,
                "Withheld tax returned: the business remits it itself", now,
                new(LedgerAccount.JobEscrow(jobId), -split.WithholdingTax),
                new(LedgerAccount.Business(job.BusinessId), split.WithholdingTax));
            // What this worker was paid, as its and the business's statements read it (earnings; tax to remit), and as
            // its documents bill it: the one record both are written from.
            var pay = new TaskJobPay(total, split.PlatformFee, split.WithholdingTax, split.WorkerNet);
            // Owed as a contract's pay is: the terms' days after the close, never later than day 60 from the first answer
            // approved (each item is work received; paying all by the earliest item's day pays each one in time).
            await db.ExecuteAsync(
                """
                INSERT INTO task_job_pay (job_id, worker_id, gross, platform_fee, withholding_tax, net, paid_at, payment_due_on)
                VALUES (@JobId, @WorkerId, @Gross, @PlatformFee, @WithholdingTax, @Net, @Now, @DueOn)
                """,
                new { JobId = jobId, worker.WorkerId, pay.Gross, pay.PlatformFee, pay.WithholdingTax, pay.Net, Now = now,
                      DueOn = PaymentDates.Due(now, worker.FirstReceived, terms.PaymentDays) });
            await Documents.IssueForTaskJobAsync(db, jobId, job.BusinessId, worker.WorkerId, job.Title, worker.Items, pay, invoices, now);
        }
        var left = await Escrow.JobBalanceAsync(db, jobId);
        await Ledger.PostForJobAsync(db, LedgerEntryKind.EscrowRefunded, $"task-refund:{jobId}", jobId, "Task job closed: unused escrow refunded", now,
            new(LedgerAccount.JobEscrow(jobId), -left), new(LedgerAccount.Business(job.BusinessId), left));
        return true;
    }
}
