using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.TaskJobs;

/// <summary>
/// <c>GET /api/task-jobs/{id}/submissions?status=&amp;after=</c>: the job's answers for its business (or producer) to
/// review, oldest first, a page at a time (status submitted by default); a worker reads its own with <c>mine=true</c>.
/// </summary>
public static class ListTaskSubmissions
{
    public sealed record Query : IRequest<IReadOnlyList<TaskSubmission>>
    {
        [Microsoft.AspNetCore.Mvc.FromRoute(Name = "id")] public string JobId { get; init; } = "";
        public string? Status { get; init; }
        /// <summary>The last answer's id of the page before.</summary>
        public string? After { get; init; }
        public bool? Mine { get; init; }
    }

    public const int PageSize = 100;

    /// <summary>A page of a job's answers in id order, on ix_task_submissions_job (job_id, id).</summary>
    internal const string Sql = "SELECT " + TaskSubmissions.Columns + TaskSubmissions.From + """
         WHERE s.job_id = @JobId AND (s.status = @Status OR @Status IS NULL) AND (s.worker_id = @Me OR @Mine = FALSE)
           AND (s.id > @After OR @After IS NULL)
        ORDER BY s.id LIMIT @Take
        """;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).PlainText().Must(s => s is null || WireName.TryParse<TaskSubmissionStatus>(s, out _))
                .WithMessage($"Status must be one of: {WireName.AllOf<TaskSubmissionStatus>()}.");
            RuleFor(q => q.After).PlainText().MaximumLength(64);
            RuleFor(q => q.JobId).PlainText().MaximumLength(64);
        }
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<TaskSubmission>>
    {
        public async Task<IReadOnlyList<TaskSubmission>> Handle(Query query, CancellationToken ct)
        {
            var mine = query.Mine == true;
            if (!mine && await db.ExecuteScalarAsync<long>(TaskReview.RunsSql, new { query.JobId, Me = caller.Id }) == 0)
                throw new NotFoundException("No such task job of yours.");
            var status = WireName.TryParse<TaskSubmissionStatus>(query.Status, out var s) ? WireName.Of(s) : mine ? null : "submitted";
            var rows = await db.QueryAsync<TaskSubmissions.Row>(Sql, new { query.JobId, Status = status, Me = caller.Id, Mine = mine, query.After, Take = PageSize });
            return rows.Select(r => r.ToSubmission()).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/task-jobs/{id}/submissions", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListTaskSubmissions").ProducesValidationProblem().ProducesProblem(404);
}
