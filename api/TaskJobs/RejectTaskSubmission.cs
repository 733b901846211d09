using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.TaskJobs;

/// <summary>
/// <c>POST /api/task-submissions/{id}/reject</c> {reason}: the job's business (or its producer) rejects an answer with
/// a reason the worker reads; the item returns to the pool. A worker's rejections in a job are capped
/// (<see cref="TaskReview.RejectAsync"/>): beyond the cap the answer is refused with 409 rejectionCapReached.
/// </summary>
public static class RejectTaskSubmission
{
    public sealed record Command : ICommand<TaskSubmission>
    {
        [JsonIgnore] public string SubmissionId { get; init; } = "";
        public string Reason { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).NotBlank("Give the worker a reason.").PlainMultilineText().MaximumLength(TaskJobRules.ReasonMax);
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, TaskSubmission>
    {
        public async Task<TaskSubmission> Handle(Command command, CancellationToken ct)
        {
            var answer = await TaskReview.ForReviewerAsync(db, command.SubmissionId, caller.Id);
            await TaskReview.RejectAsync(db, answer, caller.Id, command.Reason.Trim(), clock.GetUtcNow());
            return await TaskSubmissions.ReadAsync(db, answer.Id);
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/task-submissions/{id}/reject", async (string id, Command command, IMediator mediator) =>
                await mediator.Send(command with { SubmissionId = id }))
            .WithName("RejectTaskSubmission").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
}
