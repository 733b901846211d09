using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Notifications;
using Marketplace.Platform;
using Marketplace.Events;

namespace Marketplace.Conversations;

/// <summary>
/// <c>POST /api/questions/{id}/answer</c> {body, public}: the job's business, or its producer with the right to post
/// jobs, answers once. A public answer is shown to every worker who can see the job, without the asker's name.
/// </summary>
public static class AnswerQuestion
{
    public sealed record Command : ICommand<Question>
    {
        [JsonIgnore] public string QuestionId { get; init; } = "";
        public string Body { get; init; } = "";
        public bool Public { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Body).NotBlank("Body is required.").PlainMultilineText().MaximumLength(AskQuestion.BodyMax).NoContactDetails();
    }

    private sealed class Asked
    {
        public string JobId { get; init; } = "";
        public string AskerId { get; init; } = "";
        public bool Visible { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<Command, Question>
    {
        public async Task<Question> Handle(Command command, CancellationToken ct)
        {
            var asked = await db.QuerySingleOrDefaultAsync<Asked>(
                "SELECT q.job_id, q.asker_id, CASE WHEN q.asker_id = @Me OR q.answer_public = TRUE THEN 1 ELSE 0 END AS visible FROM questions q WHERE q.id = @Id",
                new { Id = command.QuestionId, Me = caller.Id });
            var job = asked is null ? null : await JobAccess.ForAsync(db, asked.JobId, caller.Id);
            if (asked is null || job is null) throw new NotFoundException("No such question.");
            if (!job.RunsJob)
            {
                // Someone who may read the question (its asker) learns why; to anyone else it does not exist.
                if (asked.Visible) throw new ForbiddenException("Only the job's business, or its producer allowed to post jobs, answers questions.");
                if (await db.ExecuteScalarAsync<long>(
                        "SELECT COUNT(*) FROM job_audience a WHERE a.job_id = @JobId AND a.user_id = @Me AND a.relation IN ('business', 'producer')",
                        new { asked.JobId, Me = caller.Id }) == 0)
                    throw new NotFoundException("No such question.");
                throw new ForbiddenException("Only the job's business, or its producer allowed to post jobs, answers questions.");
            }
            var now = clock.GetUtcNow();
            var answered = await db.ExecuteAsync(
                """
                UPDATE questions SET answer = @Body, answer_public = @Public, answered_by = @Me, answered_at = @Now
                WHERE id = @Id AND answered_at IS NULL
                """, new { Id = command.QuestionId, Body = command.Body.Trim(), command.Public, Me = caller.Id, Now = now });
            if (answered == 0) throw new ConflictException("This question has been answered already.", ConflictCode.QuestionAnswered);
            await Notify.ToAsync(db, asked.AskerId, NotificationKind.QuestionAnswered, $"Your question about \"{job.Title}\" was answered.",
                $"answer:{command.QuestionId}", now, job.Id);
            EventFeed.Record(db, EventTypes.QuestionAnswered, now, ("jobId", job.Id), ("questionId", command.QuestionId), ("workerId", asked.AskerId));
            var all = await mediator.Send(new ListQuestions.Query(job.Id), ct);
            return all.Single(q => q.Id == command.QuestionId);
        }
    }

    public static void Map(IEndpointRouteBuilder conversations) =>
        conversations.MapPost("/questions/{id}/answer", (string id, Command command, IMediator mediator) =>
                mediator.Send(command with { QuestionId = id }))
            .WithName("AnswerQuestion").RequireScope(TokenScope.JobsWrite).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
}
