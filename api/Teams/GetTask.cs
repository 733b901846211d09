using MediatR;
using Marketplace.Files;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>
/// <c>GET /api/tasks/{id}</c>: a task with its shared files, its history (each delivery with its files) and its written terms in force, for its member and the team's
/// director and leaders (404 for anyone else).
/// </summary>
public static class GetTask
{
    public sealed record Query(string TaskId) : IRequest<TaskDetail>;

    public sealed record TaskDetail
    {
        public required TeamTask Task { get; init; }
        /// <summary>The files the director or a leader shared with the member for this task.</summary>
        public required IReadOnlyList<StoredFile> Files { get; init; }
        public required IReadOnlyList<TaskStep> Steps { get; init; }
        /// <summary>The version of the written terms in force (addressed to the current member).</summary>
        public TaskNotice? Terms { get; init; }
    }

    /// <summary>A task's history in order, on ix_task_steps_task.</summary>
    internal const string StepsSql = """
        SELECT s.id, s.kind, a.display_name AS actor_name, m.display_name AS assignee_name, s.message, s.created_at
        FROM task_steps s JOIN users a ON a.id = s.actor_id JOIN users m ON m.id = s.assignee_id
        WHERE s.task_id = @Id ORDER BY s.id
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, TaskDetail>
    {
        public async Task<TaskDetail> Handle(Query query, CancellationToken ct)
        {
            var access = await TaskAccess.ReadAsync(db, query.TaskId, caller.Id);
            var task = await db.QuerySingleAsync<TeamTask>(TeamTask.ByIdSql, new { Id = query.TaskId });
            var steps = await db.QueryAsync<TaskStep>(StepsSql, new { Id = query.TaskId });
            var shared = await Attachments.OfAsync(db, AttachTo.Task, [query.TaskId]);
            var delivered = await Attachments.OfAsync(db, AttachTo.TaskDelivery, steps.Select(s => s.Id).ToList());
            var notices = await TaskTerms.ReadAsync(db, query.TaskId, access.AssigneeId);
            return new TaskDetail
            {
                Task = task, Files = shared[query.TaskId].ToList(), Steps = steps.Select(s => s with { Files = delivered[s.Id].ToList() }).ToList(),
                Terms = notices.LastOrDefault(n => n.WithdrawnAt is null),
            };
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapGet("/tasks/{id}", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetTask").ProducesProblem(404);
}
