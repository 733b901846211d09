using FluentValidation;
using MediatR;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.TaskJobs;

/// <summary>
/// <c>POST /api/task-jobs/{id}/approvals</c> {submissionIds}: the business approves many answers of its job in one step
/// (一括承認). Answers already reviewed are passed over; the answer counts those this call approved.
/// </summary>
public static class ApproveTaskSubmissions
{
    public sealed record Command : ICommand<Approved>
    {
        [System.Text.Json.Serialization.JsonIgnore] public string JobId { get; init; } = "";
        public IReadOnlyList<string> SubmissionIds { get; init; } = [];
    }

    public sealed record Approved(int Count);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SubmissionIds).NotEmpty().MaxItems(TaskJobRules.BulkMax, "tooManyAnswers", $"At most {TaskJobRules.BulkMax} answers at once.");
            RuleForEach(c => c.SubmissionIds).NotEmpty().PlainText().MaximumLength(64);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IOptions<Money.MoneyOptions> money, IOptions<Contracts.ContractsOptions> terms,
        IOptions<Invoices.InvoiceOptions> invoices) : IRequestHandler<Command, Approved>
    {
        public async Task<Approved> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            if (await db.ExecuteScalarAsync<long>(TaskReview.RunsSql, new { command.JobId, Me = caller.Id }) == 0)
                throw new NotFoundException("No such task job of yours.");
            var answers = await db.QueryAsync<TaskReview.Answer>(
                "SELECT s.id, s.job_id, s.item_id, s.worker_id FROM task_submissions s WHERE s.job_id = @JobId AND s.id IN @Ids",
                new { command.JobId, Ids = command.SubmissionIds.Distinct().ToList() });
            var count = 0;
            foreach (var answer in answers)
                if (await TaskReview.ApproveAsync(db, answer, caller.Id, automatically: false, now)) count++;
            await TaskJobClosing.CloseAsync(db, command.JobId, money.Value, invoices.Value, terms.Value, now);
            return new Approved(count);
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/task-jobs/{id}/approvals", async (string id, Command command, IMediator mediator) =>
                await mediator.Send(command with { JobId = id }))
            .WithName("ApproveTaskSubmissions").ProducesValidationProblem().ProducesProblem(404);
}
