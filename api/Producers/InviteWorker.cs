using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Marketplace.Jobs;
using Marketplace.Notifications;
using Marketplace.Platform;
using System.Text.Json.Serialization;
using Marketplace.Events;

namespace Marketplace.Producers;

/// <summary>The job's business or its producer asks a suitable worker to bid.</summary>
public static class InviteWorker
{
    public sealed record Command : ICommand<Invitation>
    {
        [JsonIgnore] public string JobId { get; init; } = "";
        public string WorkerId { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.WorkerId).NotEmpty().PlainText().MaximumLength(64);
    }

    private sealed class Target
    {
        public string Id { get; init; } = "";
        public string Title { get; init; } = "";
        public JobStatus Status { get; init; }
        public bool Runs { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Invitation>
    {
        public async Task<Invitation> Handle(Command command, CancellationToken ct)
        {
            var job = await db.QuerySingleOrDefaultAsync<Target>(
                """
                SELECT j.id, j.title, j.status,
                       CASE WHEN EXISTS (SELECT 1 FROM job_audience a WHERE a.job_id = j.id AND a.user_id = @Me AND a.relation IN ('business', 'producer')) THEN 1 ELSE 0 END AS runs
                FROM jobs j
                WHERE j.id = @JobId AND EXISTS (SELECT 1 FROM job_viewers v WHERE v.job_id = j.id AND v.user_id = @Me)
                """, new { command.JobId, Me = caller.Id })
                ?? throw new NotFoundException("No such job.");
            if (!job.Runs) throw new ForbiddenException("Only the job's business or its producer invites workers.");
            if (job.Status != JobStatus.Open) throw new ConflictException("Workers are invited only to open jobs.", ConflictCode.JobNotOpen);
            var isWorker = await db.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM users WHERE id = @WorkerId AND role = 'worker'", new { command.WorkerId });
            if (isWorker == 0) throw new ValidationException([new ValidationFailure("workerId", "No worker has this id.")]);
            var id = TimeOrderedId.New();
            var now = clock.GetUtcNow();
            try
            {
                await db.ExecuteAsync(
                    "INSERT INTO invitations (id, job_id, worker_id, invited_by, created_at) VALUES (@Id, @JobId, @WorkerId, @Me, @Now)",
                    new { Id = id, command.JobId, command.WorkerId, Me = caller.Id, Now = now });
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                throw new ConflictException("This worker is already invited to this job.", ConflictCode.AlreadyInvited);
            }
            await Notify.ToAsync(db, command.WorkerId, NotificationKind.Invited, $"You are invited to bid on \"{job.Title}\".", $"invite:{id}", now, job.Id, partyId: caller.Id);
            EventFeed.Record(db, EventTypes.InvitationSent, now, ("jobId", job.Id), ("invitationId", id), ("workerId", command.WorkerId));
            return await db.QuerySingleAsync<Invitation>("SELECT i.* FROM invitation_details i WHERE i.id = @Id", new { Id = id });
        }
    }

    public static void Map(IEndpointRouteBuilder producers) =>
        producers.MapPost("/jobs/{id}/invitations", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created("/api/me/invitations", await mediator.Send(command with { JobId = id })))
            .WithName("InviteWorker").RequireScope(TokenScope.JobsWrite).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
