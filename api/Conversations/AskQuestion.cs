using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;
using Marketplace.Events;

namespace Marketplace.Conversations;

/// <summary><c>POST /api/jobs/{id}/questions</c>: a worker asks about an open job before bidding ("is the deadline flexible?").</summary>
public static class AskQuestion
{
    public const int BodyMax = 2_000;

    public sealed record Command : ICommand<Question>
    {
        [JsonIgnore] public string JobId { get; init; } = "";
        public string Body { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Body).NotBlank("Body is required.").PlainMultilineText().MaximumLength(BodyMax).NoContactDetails();
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Question>
    {
        public async Task<Question> Handle(Command command, CancellationToken ct)
        {
            var job = await JobAccess.ForAsync(db, command.JobId, caller.Id) ?? throw new NotFoundException("No such job.");
            caller.Require(Role.Worker, "ask a question about a job");
            var now = clock.GetUtcNow();
            var id = TimeOrderedId.New();
            // The state check and the insert are one statement: a job closed meanwhile takes no question.
            var asked = await db.ExecuteAsync(
                """
                INSERT INTO questions (id, job_id, asker_id, body, created_at)
                SELECT @Id, j.id, @Me, @Body, @Now FROM jobs j WHERE j.id = @JobId AND j.status = 'open'
                """, new { Id = id, command.JobId, Me = caller.Id, Body = command.Body.Trim(), Now = now });
            if (asked == 0) throw new ConflictException($"Questions are asked while a job is open; this one is {job.Status}.", ConflictCode.JobNotOpen);
            foreach (var runner in new[] { job.BusinessId, job.ProducerId }.OfType<string>().Distinct())
                await Notify.ToAsync(db, runner, NotificationKind.QuestionAsked, $"A worker asked a question about \"{job.Title}\".",
                    $"question:{id}", now, job.Id);
            EventFeed.Record(db, EventTypes.QuestionAsked, now, ("jobId", job.Id), ("questionId", id), ("workerId", caller.Id));
            return new Question { Id = id, JobId = job.Id, Body = command.Body.Trim(), Mine = true, AskerName = null, CreatedAt = now };
        }
    }

    public static void Map(IEndpointRouteBuilder conversations) =>
        conversations.MapPost("/jobs/{id}/questions", async (string id, Command command, IMediator mediator) =>
                TypedResults.Created($"/api/jobs/{id}/questions", await mediator.Send(command with { JobId = id })))
            .WithName("AskQuestion").RequireScope(TokenScope.JobsWrite).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
