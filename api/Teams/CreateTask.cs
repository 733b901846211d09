using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Events;
using Marketplace.Files;
using Marketplace.Notifications;
using Marketplace.Platform;
using System.Text.Json.Serialization;

namespace Marketplace.Teams;

/// <summary>
/// <c>POST /api/contracts/{id}/tasks</c>: the team's director or a leader gives one member a piece of a team contract,
/// with its written terms at once (<see cref="TaskTerms"/>). What the tasks may add up to is the worker side's net of the
/// contract — its amount less the platform's fee and the tax withheld — so that every member receives its task amounts in
/// full (less its own withholding) and the director's share, the rest, never falls below zero (docs/teams.md, "Money").
/// The files the caller attaches are shared with the task's member (and follow the task on a reassignment).
/// </summary>
public static class CreateTask
{
    public sealed record Command : ICommand<TeamTask>
    {
        [JsonIgnore] public string ContractId { get; init; } = "";
        public string Title { get; init; } = "";
        public string Instructions { get; init; } = "";
        public long Amount { get; init; }
        public int Hours { get; init; }
        public DateTimeOffset DueAt { get; init; }
        public string AssigneeId { get; init; } = "";
        /// <summary>The caller's files shared with the member for this task (the manual, the client's material), uploaded first with POST /api/files.</summary>
        public IReadOnlyList<string>? FileIds { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Title).NotBlank("Title is required.").PlainText().MaximumLength(200);
            RuleFor(c => c.Instructions).PlainMultilineText().MaximumLength(10_000);
            RuleFor(c => c.Amount).InclusiveBetween(1, Jobs.JobRules.BudgetMaxYen);
            RuleFor(c => c.Hours).InclusiveBetween(0, 1_000);
            RuleFor(c => c.AssigneeId).NotEmpty().PlainText().MaximumLength(64);
            this.FileIdsRule(c => c.FileIds);
        }
    }

    private sealed class Order
    {
        public string TeamId { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset Deadline { get; init; }
        public long Cap { get; init; }
        public long Tasked { get; init; }
    }

    /// <summary>
    /// The rule is decided in the INSERT itself: of two task creations at once, the database lets the second see the first's
    /// amount (the command's SERIALIZABLE transaction is retried on a conflict), so the tasks never add up to more than the cap.
    /// </summary>
    internal const string InsertSql = """
        INSERT INTO tasks (id, contract_id, team_id, title, instructions, amount, hours, due_at, assignee_id, status, created_by, created_at)
        SELECT @Id, c.id, c.team_id, @Title, @Instructions, @Amount, @Hours, @DueAt, @AssigneeId, 'assigned', @Me, @Now
        FROM contracts c
        WHERE c.id = @ContractId AND c.status NOT IN ('completed', 'cancelled') AND @DueAt <= c.deadline
          AND (SELECT COALESCE(SUM(k.amount), 0) FROM tasks k WHERE k.contract_id = c.id) + @Amount
              <= c.amount - c.platform_fee - c.withholding_tax
        """;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, TeamTask>
    {
        public async Task<TeamTask> Handle(Command command, CancellationToken ct)
        {
            var order = await db.QuerySingleOrDefaultAsync<Order>(
                """
                SELECT c.team_id, c.status, c.deadline, c.amount - c.platform_fee - c.withholding_tax AS cap,
                       (SELECT COALESCE(SUM(k.amount), 0) FROM tasks k WHERE k.contract_id = c.id) AS tasked
                FROM contracts c WHERE c.id = @ContractId AND c.team_id IS NOT NULL
                  AND EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = c.team_id AND m.user_id = @Me AND m.removed_at IS NULL)
                """, new { command.ContractId, Me = caller.Id })
                ?? throw new NotFoundException("No such contract.");
            await Teams.RequireRunnerAsync(db, order.TeamId, caller.Id, "split the order into tasks");
            var now = clock.GetUtcNow();
            if (await Teams.RoleOfAsync(db, order.TeamId, command.AssigneeId) is null)
                throw new ValidationException([new ValidationFailure("assigneeId", "The assignee is not a member of the team.")]);
            if (command.DueAt <= now)
                throw new ValidationException([new ValidationFailure("dueAt", "The due date is in the past.")]);
            if (command.DueAt > order.Deadline)
                throw new ValidationException([new ValidationFailure("dueAt", $"A task is due no later than the contract's deadline ({order.Deadline:O}).")]);

            var id = TimeOrderedId.New();
            var inserted = await db.ExecuteAsync(InsertSql,
                new { Id = id, command.ContractId, Title = command.Title.Trim(), Instructions = command.Instructions.Trim(), command.Amount,
                      command.Hours, command.DueAt, command.AssigneeId, Me = caller.Id, Now = now });
            if (inserted == 0)
            {
                if (order.Status is "completed" or "cancelled")
                    throw new ConflictException($"The contract is {order.Status}: no new tasks.", ConflictCode.ContractStatus);
                throw new ConflictException(
                    $"The tasks would add up to more than the contract's worker net ({order.Cap} yen: the amount less the platform fee and the tax withheld); {Math.Max(0, order.Cap - order.Tasked)} yen is left.",
                    ConflictCode.TasksAboveShare);
            }
            await TaskAccess.StepAsync(db, id, TaskStepKind.Assigned, caller.Id, command.AssigneeId, "", now);
            // The task's own column: its readers are the task's current member and the team's runners (file_audience, 0043).
            await Attachments.AttachAsync(db, caller.Id, command.FileIds, AttachTo.Task, id);
            await TaskTerms.WriteAsync(db, id, now);
            var task = await db.QuerySingleAsync<TeamTask>(TeamTask.ByIdSql, new { Id = id });
            var director = await db.ExecuteScalarAsync<string>("SELECT t.director_id FROM teams t WHERE t.id = @Id", new { Id = order.TeamId });
            EventFeed.Record(db, EventTypes.TaskAssigned, now, ("teamId", order.TeamId), ("taskId", id), ("workerId", command.AssigneeId), ("accountId", director!));
            await Notify.ToAsync(db, command.AssigneeId, NotificationKind.TaskAssigned,
                $"New task \"{task.Title}\" (¥{task.Amount:N0}) from the team \"{task.TeamName}\".", $"task-assigned:{id}:1", now, partyId: caller.Id);
            return task;
        }
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapPost("/contracts/{id}/tasks", async (string id, Command command, IMediator mediator) =>
            {
                var task = await mediator.Send(command with { ContractId = id });
                return TypedResults.Created($"/api/tasks/{task.Id}", task);
            })
            .WithName("CreateTask").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
