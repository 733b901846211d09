using MediatR;
using Marketplace.Events;
using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary>
/// <c>POST /api/tasks/{id}/approve</c>: the team's director or a leader approves a delivered task while the contract is
/// open. An approved task's amount is paid to its member when the contract pays (docs/teams.md, "Money"); a task never
/// approved is paid to no one and its amount stays in the director's share.
/// </summary>
public static class ApproveTask
{
    public sealed record Command(string TaskId) : ICommand<TeamTask>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, TeamTask>
    {
        public async Task<TeamTask> Handle(Command command, CancellationToken ct)
        {
            var task = await TaskAccess.RequireRunnerAsync(db, command.TaskId, caller.Id, "approve a task");
            var now = clock.GetUtcNow();
            // Of two approvals at once (or an approval racing the contract's close) the database lets one through.
            var moved = await db.ExecuteAsync(
                """
                UPDATE tasks SET status = 'approved', approved_at = @Now
                WHERE id = @Id AND status = 'submitted'
                  AND EXISTS (SELECT 1 FROM contracts c WHERE c.id = tasks.contract_id AND c.status NOT IN ('completed', 'cancelled'))
                """, new { Id = command.TaskId, Now = now });
            if (moved == 0) throw new ConflictException("Only a delivered task of an open contract can be approved.", ConflictCode.TaskStatus);
            await TaskAccess.StepAsync(db, task.Id, TaskStepKind.Approved, caller.Id, task.AssigneeId, "", now);
            EventFeed.Record(db, EventTypes.TaskApproved, now, ("teamId", task.TeamId), ("taskId", task.Id), ("workerId", task.AssigneeId), ("accountId", task.DirectorId));
            await Notify.ToAsync(db, task.AssigneeId, NotificationKind.TaskApproved,
                $"Your task \"{task.Title}\" was approved.", $"task-approved:{task.Id}", now, partyId: caller.Id);
            return await db.QuerySingleAsync<TeamTask>(TeamTask.ByIdSql, new { Id = command.TaskId });
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapPost("/tasks/{id}/approve", async (string id, IMediator mediator) => TypedResults.Ok(await mediator.Send(new Command(id))))
            .WithName("ApproveTask").ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
