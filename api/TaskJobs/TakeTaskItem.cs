using MediatR;
using Marketplace.Accounts;
using Marketplace.Platform;

namespace Marketplace.TaskJobs;

/// <summary>
/// <c>POST /api/task-jobs/{id}/take</c>: a worker takes the next item of an open task job and has
/// <see cref="TaskJobRules.MinutesToSubmit"/> minutes to submit it. One item at a time: a worker who holds one gets it
/// again. Refused with 409 taskCapReached at the job's per-worker cap, 409 noTaskItemLeft when the pool is empty.
/// Racing takes of one item are decided by a conditional UPDATE: one wins, the other moves to the next item.
/// </summary>
public static class TakeTaskItem
{
    public sealed record Command(string JobId) : ICommand<TaskItem>;

    private sealed class Job
    {
        public string Status { get; init; } = "";
        public DateTimeOffset Deadline { get; init; }
        public string Instructions { get; init; } = "";
        public string Fields { get; init; } = "";
        public int PerWorkerCap { get; init; }
    }

    /// <summary>
    /// The take itself: the item is still in the pool, the worker holds no other live item of the job, and its answers
    /// not rejected plus this one stay within the cap. Of two takes of one item only one finds it still in the pool.
    /// </summary>
    internal const string TakeSql = $"""
        UPDATE task_items SET status = 'taken', worker_id = @Me, taken_at = @Now, due_at = @DueAt
        WHERE id = @Id AND {TaskItems.InPool}
          AND NOT EXISTS (SELECT 1 FROM task_items h WHERE h.worker_id = @Me AND h.job_id = @JobId AND h.status = 'taken' AND h.due_at > @Now)
          AND (SELECT COUNT(*) FROM task_submissions s WHERE s.job_id = @JobId AND s.worker_id = @Me AND s.status <> 'rejected') < @Cap
        """;

    internal const string CandidatesSql = $"SELECT id FROM task_items WHERE job_id = @JobId AND {TaskItems.InPool} ORDER BY number LIMIT @Take";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, TaskItem>
    {
        public async Task<TaskItem> Handle(Command command, CancellationToken ct)
        {
            if (caller.Role != Role.Worker) throw new ForbiddenException("Only a worker takes task items.");
            await EmailConfirmation.RequireAsync(db, caller.Id, "take a task item");
            var now = clock.GetUtcNow();
            var job = await db.QuerySingleOrDefaultAsync<Job>(
                """
                SELECT j.status, j.deadline, t.instructions, t.fields, t.per_worker_cap
                FROM jobs j JOIN task_jobs t ON t.job_id = j.id
                WHERE j.id = @JobId AND EXISTS (SELECT 1 FROM job_viewers v WHERE v.job_id = j.id AND v.user_id = @Me)
                """, new { command.JobId, Me = caller.Id }) ?? throw new NotFoundException("No such task job.");
            if (job.Status != "open" || job.Deadline <= now) throw new ConflictException("The task job is not open for work.", ConflictCode.JobNotOpen);
            var fields = TaskField.Read(job.Fields);
            if (await GetTaskJob.HeldItemAsync(db, command.JobId, caller.Id, job.Instructions, fields, now) is { } held) return held;
            var taken = await db.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM task_submissions s WHERE s.job_id = @JobId AND s.worker_id = @Me AND s.status <> 'rejected'",
                new { command.JobId, Me = caller.Id });
            if (taken >= job.PerWorkerCap)
                throw new ConflictException($"You have done this job's limit of {job.PerWorkerCap} items.", ConflictCode.TaskCapReached);
            var due = now.AddMinutes(TaskJobRules.MinutesToSubmit);
            // A handful of candidates: a take that loses one to a racing take goes on to the next.
            foreach (var id in await db.QueryAsync<string>(CandidatesSql, new { command.JobId, Now = now, Take = 5 }))
            {
                var won = await db.ExecuteAsync(TakeSql,
                    new { Id = id, command.JobId, Me = caller.Id, Now = now, DueAt = due, Cap = job.PerWorkerCap });
                if (won == 1)
                    return await GetTaskJob.HeldItemAsync(db, command.JobId, caller.Id, job.Instructions, fields, now)
                        ?? throw new InvalidOperationException("A taken item is held.");
            }
            throw new ConflictException("No item is left to take.", ConflictCode.NoTaskItemLeft);
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/task-jobs/{id}/take", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .RequireScope(TokenScope.BidsWrite).WithName("TakeTaskItem").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
