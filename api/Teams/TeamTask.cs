using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>
/// assigned → submitted (the member delivered) → approved, or → returned (with a reason) → submitted again. A reassignment
/// keeps an assigned or returned task's status and changes its member.
/// </summary>
public enum TeamTaskStatus { Assigned, Submitted, Approved, Returned }

/// <summary>One member's piece of a team contract.</summary>
public sealed record TeamTask
{
    public required string Id { get; init; }
    public required string ContractId { get; init; }
    public required string TeamId { get; init; }
    public required string TeamName { get; init; }
    public required string JobTitle { get; init; }
    public required string Title { get; init; }
    public required string Instructions { get; init; }
    /// <summary>Yen, consumption tax included: what the member is paid for the task once it is approved and the contract pays.</summary>
    public required long Amount { get; init; }
    public required int Hours { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required string AssigneeId { get; init; }
    public required string AssigneeName { get; init; }
    public required TeamTaskStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }

    private const string Columns = """
        k.id, k.contract_id, k.team_id, t.name AS team_name, j.title AS job_title, k.title, k.instructions, k.amount, k.hours,
               k.due_at, k.assignee_id, a.display_name AS assignee_name, k.status, k.created_at, k.approved_at
        FROM tasks k JOIN teams t ON t.id = k.team_id JOIN contracts c ON c.id = k.contract_id JOIN jobs j ON j.id = c.job_id
        JOIN users a ON a.id = k.assignee_id
        """;

    internal const string ByIdSql = "SELECT " + Columns + " WHERE k.id = @Id";

    /// <summary>A member's tasks across its teams, the soonest due first, on ix_tasks_assignee.</summary>
    internal const string MineSql = "SELECT " + Columns + " WHERE k.assignee_id = @Me ORDER BY k.due_at, k.id";

    /// <summary>A contract's tasks in the order they were made, on ix_tasks_contract.</summary>
    internal const string OfContractSql = "SELECT " + Columns + " WHERE k.contract_id = @Id ORDER BY k.id";
}

public enum TaskStepKind { Assigned, Submitted, Approved, Returned, Reassigned }

/// <summary>What happened to a task: who did it, to whose assignment, with what message (a delivery's note, a return's reason).</summary>
public sealed record TaskStep
{
    public required string Id { get; init; }
    public required TaskStepKind Kind { get; init; }
    public required string ActorName { get; init; }
    public required string AssigneeName { get; init; }
    public required string Message { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>The files a delivery (a <c>submitted</c> step) carried; none for the other steps.</summary>
    public IReadOnlyList<Files.StoredFile> Files { get; init; } = [];
}

/// <summary>Who may see and do what on a task: the one reading of a task's access.</summary>
public static class TaskAccess
{
    public sealed class Row
    {
        public string Id { get; init; } = "";
        public string ContractId { get; init; } = "";
        public string TeamId { get; init; } = "";
        public string AssigneeId { get; init; } = "";
        public string Title { get; init; } = "";
        public TeamTaskStatus Status { get; init; }
        public string DirectorId { get; init; } = "";
        /// <summary>The caller's role in the task's team while it is a member; null otherwise.</summary>
        public TeamRole? CallerRole { get; init; }
        public bool IsRunner => CallerRole is TeamRole.Director or TeamRole.Leader;
    }

    /// <summary>
    /// The task as the caller may see it: its member sees it, and so do the team's director and leaders. Anyone else —
    /// another member of the team, another team's member, a stranger — gets 404: a member sees only its own tasks.
    /// </summary>
    public static async Task<Row> ReadAsync(DbSession db, string taskId, string callerId)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(
            """
            SELECT k.id, k.contract_id, k.team_id, k.assignee_id, k.title, k.status, t.director_id,
                   (SELECT m.role FROM team_members m WHERE m.team_id = k.team_id AND m.user_id = @Me AND m.removed_at IS NULL) AS caller_role
            FROM tasks k JOIN teams t ON t.id = k.team_id
            WHERE k.id = @Id
            """, new { Id = taskId, Me = callerId });
        if (row is null || (row.AssigneeId != callerId && !row.IsRunner)) throw new NotFoundException("No such task.");
        return row;
    }

    public static async Task<Row> RequireRunnerAsync(DbSession db, string taskId, string callerId, string what)
    {
        var row = await ReadAsync(db, taskId, callerId);
        if (!row.IsRunner) throw new ForbiddenException($"Only the team's director or a leader may {what}.");
        return row;
    }

    /// <summary>Writes one step of a task's history and answers its id (a delivery's files are attached to it).</summary>
    public static async Task<string> StepAsync(DbSession db, string taskId, TaskStepKind kind, string actorId, string assigneeId, string message, DateTimeOffset now)
    {
        var id = TimeOrderedId.New();
        await db.ExecuteAsync(
            """
            INSERT INTO task_steps (id, task_id, kind, actor_id, assignee_id, message, created_at)
            VALUES (@Id, @TaskId, @Kind, @ActorId, @AssigneeId, @Message, @Now)
            """, new { Id = id, TaskId = taskId, Kind = WireName.Of(kind), ActorId = actorId, AssigneeId = assigneeId, Message = message, Now = now });
        return id;
    }
}
