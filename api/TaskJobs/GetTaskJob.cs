using MediatR;
using Marketplace.Jobs;
using Marketplace.Platform;

namespace Marketplace.TaskJobs;

/// <summary>
/// <c>GET /api/task-jobs/{id}</c>: a task job to whoever may see the job (job_viewers: everyone signed in while it is
/// open, its business and producers always, and the workers who answered it) and to administrators in every state, as
/// a contest is (they pay its workers and settle what goes wrong); a worker also reads the item it holds, its own
/// answers' counts and, after the close, its pay and the date it is owed by; the business and administrators the counts
/// to review. Anyone else finds no job (404).
/// </summary>
public static class GetTaskJob
{
    public sealed record Query(string JobId) : IRequest<TaskJob>;

    private sealed class Row
    {
        public string JobId { get; init; } = "";
        public string BusinessId { get; init; } = "";
        public string BusinessName { get; init; } = "";
        public string Title { get; init; } = "";
        public string Instructions { get; init; } = "";
        public JobCategory Category { get; init; }
        public DateTimeOffset Deadline { get; init; }
        public string? Region { get; init; }
        public JobStatus Status { get; init; }
        public long PricePerItem { get; init; }
        public int ItemCount { get; init; }
        public int PerWorkerCap { get; init; }
        public string Fields { get; init; } = "";
        public DateTimeOffset? FundedAt { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }
        /// <summary>The caller is the job's business or one of its producers: it reviews the answers.</summary>
        public int Runs { get; init; }
        /// <summary>The caller is an administrator: it reads the job and its counts, read-only.</summary>
        public int Administers { get; init; }
    }

    internal const string Sql = """
        SELECT j.id AS job_id, j.business_id, u.display_name AS business_name, j.title, t.instructions, j.category, j.deadline, j.region,
               j.status, t.price_per_item, t.item_count, t.per_worker_cap, t.fields, j.funded_at, t.closed_at,
               CASE WHEN EXISTS (SELECT 1 FROM job_audience a WHERE a.job_id = j.id AND a.user_id = @Me AND a.relation IN ('business', 'producer'))
                    THEN 1 ELSE 0 END AS runs,
               CASE WHEN EXISTS (SELECT 1 FROM users m WHERE m.id = @Me AND m.role = 'administrator') THEN 1 ELSE 0 END AS administers
        FROM jobs j JOIN task_jobs t ON t.job_id = j.id JOIN users u ON u.id = j.business_id
        WHERE j.id = @JobId
          AND (EXISTS (SELECT 1 FROM job_viewers v WHERE v.job_id = j.id AND v.user_id = @Me)
               OR EXISTS (SELECT 1 FROM task_submissions s WHERE s.job_id = j.id AND s.worker_id = @Me)
               OR EXISTS (SELECT 1 FROM users m WHERE m.id = @Me AND m.role = 'administrator'))
        """;

    internal const string CountsSql = """
        SELECT COALESCE(SUM(CASE WHEN s.status = 'submitted' THEN 1 ELSE 0 END), 0) AS submitted,
               COALESCE(SUM(CASE WHEN s.status = 'approved' THEN 1 ELSE 0 END), 0) AS approved,
               COALESCE(SUM(CASE WHEN s.status = 'rejected' THEN 1 ELSE 0 END), 0) AS rejected
        FROM task_submissions s WHERE s.job_id = @JobId AND (s.worker_id = @WorkerId OR @WorkerId IS NULL)
        """;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, TaskJob>
    {
        public async Task<TaskJob> Handle(Query query, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var row = await db.QuerySingleOrDefaultAsync<Row>(Sql, new { query.JobId, Me = caller.Id }) ?? throw new NotFoundException("No such task job.");
            var fields = TaskField.Read(row.Fields);
            var left = await db.ExecuteScalarAsync<int>(TaskItems.CountLeftSql, new { query.JobId, Now = now });
            var job = new TaskJob
            {
                JobId = row.JobId, BusinessId = row.BusinessId, BusinessName = row.BusinessName, Title = row.Title, Instructions = row.Instructions,
                Category = row.Category, Deadline = row.Deadline, Region = row.Region, Status = row.Status, PricePerItem = row.PricePerItem,
                ItemCount = row.ItemCount, ItemsLeft = left, PerWorkerCap = row.PerWorkerCap, Fields = fields,
                EscrowTotal = row.PricePerItem * row.ItemCount, FundedAt = row.FundedAt, ClosedAt = row.ClosedAt,
            };
            // The counts as the business sees them; an administrator never reads a worker's own item or pay here.
            if (row.Runs == 1 || row.Administers == 1)
                return job with { Review = await db.QuerySingleAsync<ReviewCounts>(CountsSql, new { query.JobId, WorkerId = (string?)null }) };
            if (caller.Role != Role.Worker) return job;
            return job with
            {
                MyItem = await HeldItemAsync(db, query.JobId, caller.Id, row.Instructions, fields, now),
                Mine = await db.QuerySingleAsync<ReviewCounts>(CountsSql, new { query.JobId, WorkerId = caller.Id }),
                // Only a closed job has paid anyone: a worker's item screen, read while the job is open, skips the read.
                // bank_account_missing (0 or 1 on every engine) lands in a bool through Dapper's conversion.
                MyPay = row.Status != JobStatus.Completed ? null : await db.QuerySingleOrDefaultAsync<MyTaskJobPay>(
                    """
                    SELECT p.gross, p.platform_fee, p.withholding_tax, p.net, p.payment_due_on,
                           CASE WHEN EXISTS (SELECT 1 FROM bank_accounts ba WHERE ba.worker_id = p.worker_id) THEN 0 ELSE 1 END AS bank_account_missing
                    FROM task_job_pay p WHERE p.job_id = @JobId AND p.worker_id = @WorkerId AND p.payment_due_on IS NOT NULL
                    """,
                    new { query.JobId, WorkerId = caller.Id }),
            };
        }
    }

    private sealed class HeldRow
    {
        public string Id { get; init; } = "";
        public int Number { get; init; }
        public string? Inputs { get; init; }
        public DateTimeOffset DueAt { get; init; }
    }

    /// <summary>The item the worker holds in the job and may still submit, on ix_task_items_worker.</summary>
    internal static async Task<TaskItem?> HeldItemAsync(DbSession db, string jobId, string workerId, string instructions,
        IReadOnlyList<TaskField> fields, DateTimeOffset now)
    {
        var held = await db.QuerySingleOrDefaultAsync<HeldRow>(
            "SELECT id, number, inputs, due_at FROM task_items WHERE worker_id = @WorkerId AND job_id = @JobId AND status = 'taken' AND due_at > @Now",
            new { JobId = jobId, WorkerId = workerId, Now = now });
        if (held is null) return null;
        var inputs = TaskInstructions.Read(held.Inputs);
        return new TaskItem
        {
            Id = held.Id, JobId = jobId, Number = held.Number, Instructions = TaskInstructions.For(instructions, inputs), Inputs = inputs,
            Fields = fields, DueAt = held.DueAt,
        };
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/task-jobs/{id}", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetTaskJob").ProducesProblem(404);
}
