using FluentValidation;
using MediatR;
using Marketplace.Events;
using Marketplace.Notifications;
using Marketplace.Platform;
using System.Text.Json.Serialization;

namespace Marketplace.Teams;

/// <summary><c>POST /api/tasks/{id}/return</c> {reason}: the director or a leader sends a delivered task back to its member.</summary>
public static class ReturnTask
{
    public sealed record Command : ICommand<TeamTask>
    {
        [JsonIgnore] public string TaskId { get; init; } = "";
        public string Reason { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotBlank("Reason is required.").PlainMultilineText().MaximumLength(5_000);
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, TeamTask>
    {
        public async Task<TeamTask> Handle(Command command, CancellationToken ct)
        {
            var task = await TaskAccess.RequireRunnerAsync(db, command.TaskId, caller.Id, "return a task");
            var now = clock.GetUtcNow();
            var moved = await db.ExecuteAsync("UPDATE tasks SET status = 'returned' WHERE id = @Id AND status = 'submitted'", new { Id = command.TaskId });
            if (moved == 0) throw new ConflictException("Only a delivered task can be returned.", ConflictCode.TaskStatus);
            await TaskAccess.StepAsync(db, task.Id, TaskStepKind.Returned, caller.Id, task.AssigneeId, command.Reason.Trim(), now);
            EventFeed.Record(db, EventTypes.TaskReturned, now, ("teamId", task.TeamId), ("taskId", task.Id), ("workerId", task.AssigneeId), ("accountId", task.DirectorId));
            await Notify.ToAsync(db, task.AssigneeId, NotificationKind.TaskReturned,
                $"Your task \"{task.Title}\" was returned: {command.Reason.Trim()}", $"task-returned:{task.Id}:{now.UtcTicks}", now, partyId: caller.Id);
            return await db.QuerySingleAsync<TeamTask>(TeamTask.ByIdSql, new { Id = command.TaskId });
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapPost("/tasks/{id}/return", async (string id, Command command, IMediator mediator) =>
                TypedResults.Ok(await mediator.Send(command with { TaskId = id })))
            .WithName("ReturnTask").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
