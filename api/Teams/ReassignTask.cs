using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Events;
using Marketplace.Notifications;
using Marketplace.Platform;
using System.Text.Json.Serialization;

namespace Marketplace.Teams;

/// <summary>
/// <c>POST /api/tasks/{id}/reassign</c> {assigneeId}: the director or a leader moves an assigned or returned task — with
/// its history — to another member in one step (a member who must rest is covered). The written terms follow the task:
/// the old member's version is withdrawn and kept, the new member gets its own. Both members are told.
/// </summary>
public static class ReassignTask
{
    public sealed record Command : ICommand<TeamTask>
    {
        [JsonIgnore] public string TaskId { get; init; } = "";
        public string AssigneeId { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.AssigneeId).NotEmpty().PlainText().MaximumLength(64);
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, TeamTask>
    {
        public async Task<TeamTask> Handle(Command command, CancellationToken ct)
        {
            var task = await TaskAccess.RequireRunnerAsync(db, command.TaskId, caller.Id, "reassign a task");
            if (await Teams.RoleOfAsync(db, task.TeamId, command.AssigneeId) is null)
                throw new ValidationException([new ValidationFailure("assigneeId", "The new assignee is not a member of the team.")]);
            if (command.AssigneeId == task.AssigneeId)
                throw new ValidationException([new ValidationFailure("assigneeId", "The task is already this member's.")]);
            var now = clock.GetUtcNow();
            // The member it moves from is part of the condition: of two reassignments at once, one moves it.
            var moved = await db.ExecuteAsync(
                """
                UPDATE tasks SET assignee_id = @New
                WHERE id = @Id AND assignee_id = @Old AND status IN ('assigned', 'returned')
                  AND EXISTS (SELECT 1 FROM contracts c WHERE c.id = tasks.contract_id AND c.status NOT IN ('completed', 'cancelled'))
                """, new { Id = task.Id, New = command.AssigneeId, Old = task.AssigneeId });
            if (moved == 0) throw new ConflictException("Only an assigned or returned task of an open contract can be reassigned.", ConflictCode.TaskStatus);
            await TaskAccess.StepAsync(db, task.Id, TaskStepKind.Reassigned, caller.Id, command.AssigneeId, "", now);
            await TaskTerms.WithdrawAsync(db, task.Id, now);
            await TaskTerms.WriteAsync(db, task.Id, now);
            EventFeed.Record(db, EventTypes.TaskReassigned, now, ("teamId", task.TeamId), ("taskId", task.Id), ("workerId", command.AssigneeId), ("accountId", task.AssigneeId));
            await Notify.ToAsync(db, command.AssigneeId, NotificationKind.TaskAssigned,
                $"The task \"{task.Title}\" is now yours.", $"task-assigned:{task.Id}:{now.UtcTicks}", now, partyId: caller.Id);
            await Notify.ToAsync(db, task.AssigneeId, NotificationKind.TaskReassigned,
                $"The task \"{task.Title}\" went to another member; its terms to you are withdrawn.", $"task-reassigned:{task.Id}:{now.UtcTicks}", now, partyId: caller.Id);
            return await db.QuerySingleAsync<TeamTask>(TeamTask.ByIdSql, new { Id = command.TaskId });
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapPost("/tasks/{id}/reassign", async (string id, Command command, IMediator mediator) =>
                TypedResults.Ok(await mediator.Send(command with { TaskId = id })))
            .WithName("ReassignTask").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
