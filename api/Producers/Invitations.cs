using Dapper;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Jobs;
using Marketplace.Platform;
using System.Text.Json.Serialization;

namespace Marketplace.Producers;

public sealed record Invitation
{
    public required string Id { get; init; }
    public required string JobId { get; init; }
    public required string JobTitle { get; init; }
    public required JobStatus JobStatus { get; init; }
    public required string WorkerId { get; init; }
    public required string InvitedBy { get; init; }
    public required string InvitedByName { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

internal static class InvitationSql
{
    public const string Select = """
        SELECT i.id, i.job_id, j.title AS job_title, j.status AS job_status, i.worker_id, i.invited_by,
               u.display_name AS invited_by_name, i.created_at
        FROM invitations i JOIN jobs j ON j.id = i.job_id JOIN users u ON u.id = i.invited_by
        """;
}

/// <summary>The job's business or its producer asks a suitable worker to bid.</summary>
public static class InviteWorker
{
    public sealed record Command : IRequest<Invitation>
    {
        [JsonIgnore] public string JobId { get; init; } = "";
        public string WorkerId { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.WorkerId).NotEmpty().MaximumLength(64);
    }

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Invitation>
    {
        public Task<Invitation> Handle(Command command, CancellationToken ct) => db.InTransactionAsync(async (connection, tx) =>
        {
            var job = await JobSql.GetVisibleAsync(connection, command.JobId, caller, tx);
            if (!job.IsRunBy(caller, await ProducerSql.ActiveAsync(connection, job.BusinessId, caller.Id, tx)))
                throw new ForbiddenException("Only the job's business or its producer invites workers.");
            if (job.Status != JobStatus.Open) throw new ConflictException("Workers are invited only to open jobs.");
            var isWorker = await connection.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM users WHERE id = @WorkerId AND role = 'worker'", new { command.WorkerId }, tx);
            if (isWorker == 0) throw new ValidationException([new ValidationFailure("workerId", "No worker has this id.")]);
            var id = Wire.NewId();
            var now = clock.GetUtcNow();
            try
            {
                await connection.ExecuteAsync(
                    "INSERT INTO invitations (id, job_id, worker_id, invited_by, created_at) VALUES (@Id, @JobId, @WorkerId, @Me, @Now)",
                    new { Id = id, command.JobId, command.WorkerId, Me = caller.Id, Now = now }, tx);
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                throw new ConflictException("This worker is already invited to this job.");
            }
            await Notifications.Notify.ToAsync(connection, tx, command.WorkerId, Notifications.NotificationKind.Invited,
                $"You are invited to bid on \"{job.Title}\".", $"invite:{id}", now, job.Id);
            return await connection.QuerySingleAsync<Invitation>($"{InvitationSql.Select} WHERE i.id = @Id", new { Id = id }, tx);
        }, ct);
    }
}

public static class ListMyInvitations
{
    public sealed record Query : IRequest<IReadOnlyList<Invitation>>;

    public sealed class Handler(Db db, Caller caller) : IRequestHandler<Query, IReadOnlyList<Invitation>>
    {
        public async Task<IReadOnlyList<Invitation>> Handle(Query query, CancellationToken ct)
        {
            caller.Require(Role.Worker, "receive invitations");
            await using var connection = await db.OpenAsync(ct);
            return (await connection.QueryAsync<Invitation>(
                $"{InvitationSql.Select} WHERE i.worker_id = @Me ORDER BY i.id DESC {db.Dialect.Limit("100")}", new { Me = caller.Id })).AsList();
        }
    }
}

public static class InvitationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("").RequireAuthorization().WithTags("Producers");
        group.MapPost("/jobs/{id}/invitations", async (string id, InviteWorker.Command command, IMediator mediator) =>
                TypedResults.Created("/api/me/invitations", await mediator.Send(command with { JobId = id })))
            .WithName("InviteWorker").ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        group.MapGet("/me/invitations", (IMediator mediator) => mediator.Send(new ListMyInvitations.Query()))
            .WithName("ListMyInvitations").ProducesProblem(403);
    }
}
