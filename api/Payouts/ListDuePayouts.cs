using MediatR;
using Marketplace.Money;
using Marketplace.Platform;

namespace Marketplace.Payouts;

/// <summary>
/// Released pay that has not reached a worker's bank yet, by the payment date its contract's terms (or its task job's
/// close) fixed (the Freelance Act, article 4: at most 60 days after delivery), earliest first, so that what is due within 7 days leads the list.
/// Pay counts as transferred once a batch whose cutoff came after the release was marked paid (and not returned).
/// </summary>
public static class ListDuePayouts
{
    public sealed record Query : IRequest<IReadOnlyList<DuePayout>>;

    public sealed record DuePayout
    {
        /// <summary>The contract paid; null for a task job's pay to one worker (issue 24), which has none.</summary>
        public string? ContractId { get; init; }
        /// <summary>A released milestone's pay (issue 24), due by its own date; null for the contract's own release.</summary>
        public string? MilestoneId { get; init; }
        public string? MilestoneTitle { get; init; }
        public required string JobId { get; init; }
        public required string JobTitle { get; init; }
        public required string WorkerId { get; init; }
        public required string WorkerName { get; init; }
        /// <summary>The day the worker must be paid by (Japan), from the contract's terms (a milestone's: from its own delivery).</summary>
        public required DateOnly PaymentDueOn { get; init; }
        /// <summary>What the release credited to the worker for this contract, or for this milestone.</summary>
        public required long Net { get; init; }
        /// <summary>Due within <see cref="WarningDays"/> days (or already late): pay it in the next batch.</summary>
        public required bool DueSoon { get; init; }
        public required bool Late { get; init; }
        /// <summary>The worker's account is suspended: no batch pays it until an administrator reinstates it.</summary>
        public bool WorkerSuspended { get; init; }
        /// <summary>口座未登録: the worker has saved no bank account, so no batch gathers this pay (she is told by mail at release).</summary>
        public bool BankAccountMissing { get; init; }
        /// <summary>The worker's account is held since a transfer came back, until she saves it again.</summary>
        public bool BankAccountHeld { get; init; }
        /// <summary>What an administrator's warning of this pay is keyed by (once per row), not part of the answer.</summary>
        internal string WarningKey { get; init; } = "";
    }

    /// <summary>How far ahead an administrator is warned.</summary>
    public const int WarningDays = 7;

    /// <summary>At most this many, earliest first: an operator pays these before looking further.</summary>
    public const int Take = 200;

    internal sealed class Row
    {
        public string? ContractId { get; init; }
        public string? MilestoneId { get; init; }
        public string? MilestoneTitle { get; init; }
        public string JobId { get; init; } = "";
        public string JobTitle { get; init; } = "";
        public string WorkerId { get; init; } = "";
        public string WorkerName { get; init; } = "";
        public DateOnly PaymentDueOn { get; init; }
        public string ReleaseKey { get; init; } = "";
        public DateTimeOffset? WorkerSuspendedAt { get; init; }
        public long BankAccountMissing { get; init; }
        public long BankAccountHeld { get; init; }
        public string WarningKey { get; init; } = "";
    }

    /// <summary>
    /// Unpaid released pay of contracts, by payment date, on ix_contracts_payment_due: each contract's own release or
    /// settlement (the row names its ledger posting; a milestone contract that its milestones' releases completed has
    /// none, and takes no place in the list). @Until bounds it (DateOnly.MaxValue for all).
    /// </summary>
    internal const string DueSql = """
        SELECT c.id AS contract_id, NULL AS milestone_id, NULL AS milestone_title, c.job_id, j.title AS job_title, c.worker_id,
               u.display_name AS worker_name, c.payment_due_on, 'release:' || c.id AS release_key, c.id AS warning_key, u.suspended_at AS worker_suspended_at,
               CASE WHEN EXISTS (SELECT 1 FROM bank_accounts ba WHERE ba.worker_id = c.worker_id) THEN 0 ELSE 1 END AS bank_account_missing,
               CASE WHEN EXISTS (SELECT 1 FROM bank_accounts ba WHERE ba.worker_id = c.worker_id AND ba.held_reason IS NOT NULL) THEN 1 ELSE 0 END
                   AS bank_account_held
        FROM contracts c JOIN jobs j ON j.id = c.job_id JOIN users u ON u.id = c.worker_id
        WHERE c.payment_due_on <= @Until AND c.released_at IS NOT NULL
          AND EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.event_key = 'release:' || c.id)
          AND NOT EXISTS (SELECT 1 FROM payouts p JOIN payout_batches b ON b.id = p.batch_id
                          WHERE p.worker_id = c.worker_id AND p.status = 'paid' AND b.cutoff >= c.released_at)
        ORDER BY c.payment_due_on, c.id LIMIT @Take
        """;

    /// <summary>
    /// The members' pay of released team contracts (issue 23), by the contract's payment date: the release credits each
    /// member its own share (team_shares), owed by the same date as the director's, who is the contract's row above.
    /// </summary>
    internal const string TeamMembersDueSql = """
        SELECT c.id AS contract_id, NULL AS milestone_id, NULL AS milestone_title, c.job_id, j.title AS job_title, s.user_id AS worker_id,
               u.display_name AS worker_name, c.payment_due_on, 'release:' || c.id AS release_key, c.id || ':' || s.user_id AS warning_key,
               u.suspended_at AS worker_suspended_at,
               CASE WHEN EXISTS (SELECT 1 FROM bank_accounts ba WHERE ba.worker_id = s.user_id) THEN 0 ELSE 1 END AS bank_account_missing,
               CASE WHEN EXISTS (SELECT 1 FROM bank_accounts ba WHERE ba.worker_id = s.user_id AND ba.held_reason IS NOT NULL) THEN 1 ELSE 0 END
                   AS bank_account_held
        FROM contracts c JOIN team_shares s ON s.contract_id = c.id JOIN jobs j ON j.id = c.job_id JOIN users u ON u.id = s.user_id
        WHERE c.payment_due_on <= @Until AND c.released_at IS NOT NULL AND c.team_id IS NOT NULL AND s.user_id <> c.worker_id
          AND NOT EXISTS (SELECT 1 FROM payouts p JOIN payout_batches b ON b.id = p.batch_id
                          WHERE p.worker_id = s.user_id AND p.status = 'paid' AND b.cutoff >= c.released_at)
        ORDER BY c.payment_due_on, c.id LIMIT @Take
        """;

    /// <summary>
    /// Unpaid released milestones (issue 24), by payment date, on ix_milestones_payment_due: each is paid by its own date
    /// while its contract goes on. Only a released milestone has a payment date.
    /// </summary>
    internal const string MilestonesDueSql = """
        SELECT c.id AS contract_id, m.id AS milestone_id, m.title AS milestone_title, c.job_id, j.title AS job_title, c.worker_id,
               u.display_name AS worker_name, m.payment_due_on, 'milestone-release:' || m.id AS release_key, m.id AS warning_key, u.suspended_at AS worker_suspended_at,
               CASE WHEN EXISTS (SELECT 1 FROM bank_accounts ba WHERE ba.worker_id = c.worker_id) THEN 0 ELSE 1 END AS bank_account_missing,
               CASE WHEN EXISTS (SELECT 1 FROM bank_accounts ba WHERE ba.worker_id = c.worker_id AND ba.held_reason IS NOT NULL) THEN 1 ELSE 0 END
                   AS bank_account_held
        FROM milestones m JOIN contracts c ON c.id = m.contract_id JOIN jobs j ON j.id = c.job_id JOIN users u ON u.id = c.worker_id
        WHERE m.payment_due_on <= @Until
          AND NOT EXISTS (SELECT 1 FROM payouts p JOIN payout_batches b ON b.id = p.batch_id
                          WHERE p.worker_id = c.worker_id AND p.status = 'paid' AND b.cutoff >= m.accepted_at)
        ORDER BY m.payment_due_on, m.id LIMIT @Take
        """;

    /// <summary>
    /// Unpaid task-job pay (issue 24), by payment date, on ix_task_job_pay_due: each worker's approved items, paid at the
    /// job's close and owed by the date the close fixed (Freelance Act art. 4, from the worker's first answer approved).
    /// </summary>
    internal const string TaskJobsDueSql = """
        SELECT NULL AS contract_id, NULL AS milestone_id, NULL AS milestone_title, p.job_id, j.title AS job_title, p.worker_id,
               u.display_name AS worker_name, p.payment_due_on, 'task-release:' || p.job_id || ':' || p.worker_id AS release_key,
               'task:' || p.job_id || ':' || p.worker_id AS warning_key, u.suspended_at AS worker_suspended_at,
               CASE WHEN EXISTS (SELECT 1 FROM bank_accounts ba WHERE ba.worker_id = p.worker_id) THEN 0 ELSE 1 END AS bank_account_missing,
               CASE WHEN EXISTS (SELECT 1 FROM bank_accounts ba WHERE ba.worker_id = p.worker_id AND ba.held_reason IS NOT NULL) THEN 1 ELSE 0 END
                   AS bank_account_held
        FROM task_job_pay p JOIN jobs j ON j.id = p.job_id JOIN users u ON u.id = p.worker_id
        WHERE p.payment_due_on <= @Until
          AND NOT EXISTS (SELECT 1 FROM payouts po JOIN payout_batches b ON b.id = po.batch_id
                          WHERE po.worker_id = p.worker_id AND po.status = 'paid' AND b.cutoff >= p.paid_at)
        ORDER BY p.payment_due_on, p.job_id, p.worker_id LIMIT @Take
        """;

    /// <summary>
    /// The worker's credit from one release: the contract's (acceptance, lapse, cancellation or decision, keyed
    /// release:{contract}), one milestone's (milestone-release:{milestone}) or a task job's to one worker
    /// (task-release:{job}:{worker}), on ux_ledger_transactions_event. A
    /// milestone contract's own release key holds only what a cancellation settled, so no yen is counted twice.
    /// </summary>
    internal const string NetSql = """
        SELECT COALESCE(SUM(e.amount), 0) FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id
        WHERE t.event_key = @ReleaseKey AND t.kind IN ('escrowReleased', 'escrowSettled') AND e.account = @Worker
        """;

    /// <summary>Released pay not yet transferred and due by <paramref name="until"/>, earliest first, at most <paramref name="take"/>.</summary>
    internal static async Task<IReadOnlyList<DuePayout>> ReadAsync(DbSession db, DateOnly until, DateOnly today, int take = Take)
    {
        // Each list in its index's order, then the earliest of them.
        var rows = (await db.QueryAsync<Row>(DueSql, new { Until = until, Take = take }))
            .Concat(await db.QueryAsync<Row>(MilestonesDueSql, new { Until = until, Take = take }))
            .Concat(await db.QueryAsync<Row>(TeamMembersDueSql, new { Until = until, Take = take }))
            .Concat(await db.QueryAsync<Row>(TaskJobsDueSql, new { Until = until, Take = take }))
            .OrderBy(r => r.PaymentDueOn).ThenBy(r => r.ReleaseKey, StringComparer.Ordinal).ThenBy(r => r.WorkerId, StringComparer.Ordinal)
            .Take(take).ToList();
        var due = new List<DuePayout>(rows.Count);
        foreach (var r in rows)
        {
            var dueOn = r.PaymentDueOn;
            var net = await db.ExecuteScalarAsync<long>(NetSql, new { r.ReleaseKey, Worker = LedgerAccount.Worker(r.WorkerId).Key });
            if (net <= 0) continue; // a cancellation that paid the worker nothing, or a milestone contract completed by its milestones' releases
            due.Add(new DuePayout
            {
                ContractId = r.ContractId, MilestoneId = r.MilestoneId, MilestoneTitle = r.MilestoneTitle, JobId = r.JobId, JobTitle = r.JobTitle, WorkerId = r.WorkerId, WorkerName = r.WorkerName, PaymentDueOn = dueOn, Net = net,
                DueSoon = dueOn <= today.AddDays(WarningDays), Late = dueOn < today, WorkerSuspended = r.WorkerSuspendedAt is not null,
                BankAccountMissing = r.BankAccountMissing == 1, BankAccountHeld = r.BankAccountHeld == 1, WarningKey = r.WarningKey,
            });
        }
        return due;
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<DuePayout>>
    {
        public async Task<IReadOnlyList<DuePayout>> Handle(Query query, CancellationToken ct)
        {
            await caller.RequireAdministratorAsync(db, "see the payments due");
            return await ReadAsync(db, DateOnly.MaxValue, JapanTime.DayOf(clock.GetUtcNow()));
        }
    }

    public static void Map(IEndpointRouteBuilder payouts) =>
        payouts.MapGet("/admin/payouts/due", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("ListDuePayouts").ProducesProblem(403);
}
