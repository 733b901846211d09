using MediatR;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.TaskJobs;

/// <summary>
/// <c>POST /api/task-submissions/{id}/approve</c>: the job's business (or its producer) approves an answer (409
/// taskSubmissionReviewed if it was already reviewed). The job closes, paying its workers, when every item is approved.
/// </summary>
public static class ApproveTaskSubmission
{
    public sealed record Command(string SubmissionId) : ICommand<TaskSubmission>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IOptions<Money.MoneyOptions> money, IOptions<Contracts.ContractsOptions> terms,
        IOptions<Invoices.InvoiceOptions> invoices)
        : IRequestHandler<Command, TaskSubmission>
    {
        public async Task<TaskSubmission> Handle(Command command, CancellationToken ct)
        {
            var now = clock.GetUtcNow();
            var answer = await TaskReview.ForReviewerAsync(db, command.SubmissionId, caller.Id);
            if (!await TaskReview.ApproveAsync(db, answer, caller.Id, automatically: false, now))
                throw new ConflictException("The answer was already reviewed.", ConflictCode.TaskSubmissionReviewed);
            await TaskJobClosing.CloseAsync(db, answer.JobId, money.Value, invoices.Value, terms.Value, now);
            return await TaskSubmissions.ReadAsync(db, answer.Id);
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/task-submissions/{id}/approve", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("ApproveTaskSubmission").ProducesProblem(404).ProducesProblem(409);
}
