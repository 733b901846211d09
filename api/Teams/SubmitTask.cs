using FluentValidation;
using MediatR;
using Marketplace.Events;
using Marketplace.Files;
using Marketplace.Notifications;
using Marketplace.Platform;
using System.Text.Json.Serialization;

namespace Marketplace.Teams;

/// <summary>
/// <c>POST /api/tasks/{id}/submissions</c> {message, fileIds}: the task's member delivers it to the team's director (an assigned or
/// returned task; one conditional UPDATE decides it). The director then approves or returns it.
/// </summary>
public static class SubmitTask
{
    public sealed record Command : ICommand<TeamTask>
    {
        [JsonIgnore] public string TaskId { get; init; } = "";
        public string Message { get; init; } = "";
        /// <summary>The member's files delivered with the task, uploaded first with POST /api/files.</summary>
        public IReadOnlyList<string>? FileIds { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Message).NotBlank("Message is required.").PlainMultilineText().MaximumLength(5_000);
            this.FileIdsRule(c => c.FileIds);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, TeamTask>
    {
        public async Task<TeamTask> Handle(Command command, CancellationToken ct)
        {
            var task = await TaskAccess.ReadAsync(db, command.TaskId, caller.Id);
            if (task.AssigneeId != caller.Id) throw new ForbiddenException("Only the task's member delivers it.");
            var now = clock.GetUtcNow();
            var moved = await db.ExecuteAsync(
                """
                UPDATE tasks SET status = 'submitted'
                WHERE id = @Id AND assignee_id = @Me AND status IN ('assigned', 'returned')
                  AND EXISTS (SELECT 1 FROM contracts c WHERE c.id = tasks.contract_id AND c.status NOT IN ('completed', 'cancelled'))
                """, new { Id = command.TaskId, Me = caller.Id });
            if (moved == 0) throw new ConflictException("Only an assigned or returned task of an open contract can be delivered.", ConflictCode.TaskStatus);
            var step = await TaskAccess.StepAsync(db, command.TaskId, TaskStepKind.Submitted, caller.Id, caller.Id, command.Message.Trim(), now);
            // The delivery's files stay with this step of the task's history (a later delivery has its own).
            await Attachments.AttachAsync(db, caller.Id, command.FileIds, AttachTo.TaskDelivery, step);
            EventFeed.Record(db, EventTypes.TaskSubmitted, now, ("teamId", task.TeamId), ("taskId", task.Id), ("workerId", caller.Id), ("accountId", task.DirectorId));
            await Notify.ToAsync(db, task.DirectorId, NotificationKind.TaskSubmitted,
                $"The task \"{task.Title}\" was delivered.", $"task-submitted:{task.Id}:{now.UtcTicks}", now, partyId: caller.Id);
            return await db.QuerySingleAsync<TeamTask>(TeamTask.ByIdSql, new { Id = command.TaskId });
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapPost("/tasks/{id}/submissions", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/tasks/{id}", await mediator.Send(command with { TaskId = id })))
            .WithName("SubmitTask").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
