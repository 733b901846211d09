using Dapper;
using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Jobs;

public static class ListJobs
{
    public sealed record Query : IRequest<Page<Job>>
    {
        /// <summary>open, awarded, completed or cancelled.</summary>
        public string? Status { get; init; }
        /// <summary>design, translation, transcription, writing, dataEntry or other.</summary>
        public string? Category { get; init; }
        /// <summary>Words to find in the title or description.</summary>
        public string? Q { get; init; }
        public string? Region { get; init; }
        /// <summary>Yen: only jobs whose budget reaches at least this much.</summary>
        public long? MinBudget { get; init; }
        /// <summary>Yen: only jobs whose budget starts at or below this.</summary>
        public long? MaxBudget { get; init; }
        /// <summary>Only the caller's jobs: a business's own, a producer's clients', a worker's bid-on.</summary>
        public bool? Mine { get; init; }
        public int? Limit { get; init; }
        public string? Cursor { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).Must(s => s is null || Wire.TryParse<JobStatus>(s, out _))
                .WithMessage($"Status must be one of: {Wire.Names<JobStatus>()}.");
            RuleFor(q => q.Category).Must(s => s is null || Wire.TryParse<JobCategory>(s, out _))
                .WithMessage($"Category must be one of: {Wire.Names<JobCategory>()}.");
            RuleFor(q => q.Q).MaximumLength(200);
            RuleFor(q => q.Region).MaximumLength(JobRules.RegionMax);
            RuleFor(q => q.MinBudget).InclusiveBetween(0, JobRules.BudgetMaxYen);
            RuleFor(q => q.MaxBudget).InclusiveBetween(0, JobRules.BudgetMaxYen);
            RuleFor(q => q.Cursor).ValidCursor();
        }
    }

    public sealed class Handler(Db db, Caller caller) : IRequestHandler<Query, Page<Job>>
    {
        public async Task<Page<Job>> Handle(Query query, CancellationToken ct)
        {
            var limit = Paging.Clamp(query.Limit);
            await using var connection = await db.OpenAsync(ct);
            var rows = await connection.QueryAsync<Job>(
                $"""
                {JobSql.Select}
                WHERE {JobSql.VisibleTo}
                  AND (@Status IS NULL OR j.status = @Status)
                  AND (@Category IS NULL OR j.category = @Category)
                  AND (@Region IS NULL OR j.region = @Region)
                  AND (@MinBudget IS NULL OR j.budget_max >= @MinBudget)
                  AND (@MaxBudget IS NULL OR j.budget_min <= @MaxBudget)
                  AND (@Pattern IS NULL OR j.title LIKE @Pattern ESCAPE '\' OR j.description LIKE @Pattern ESCAPE '\')
                  AND (@Mine = 0 OR j.business_id = @Me OR {Producers.ProducerSql.ActsFor("j.business_id")}
                       OR EXISTS (SELECT 1 FROM bids mb WHERE mb.job_id = j.id AND mb.worker_id = @Me))
                  AND (@After IS NULL OR j.id < @After)
                ORDER BY j.id DESC
                {db.Dialect.Limit("@Take")}
                """,
                new
                {
                    Me = caller.Id,
                    Status = Normalized<JobStatus>(query.Status),
                    Category = Normalized<JobCategory>(query.Category),
                    Region = string.IsNullOrWhiteSpace(query.Region) ? null : query.Region.Trim(),
                    Pattern = string.IsNullOrWhiteSpace(query.Q) ? null : "%" + EscapeLike(query.Q.Trim()) + "%",
                    query.MinBudget,
                    query.MaxBudget,
                    Mine = query.Mine == true,
                    After = Paging.Decode(query.Cursor),
                    Take = limit + 1,
                });
            return Paging.From(rows.AsList(), limit, j => j.Id);
        }

        private static string? Normalized<T>(string? value) where T : struct, Enum =>
            Wire.TryParse<T>(value, out var parsed) ? Wire.Name(parsed) : null;

        private static string EscapeLike(string text) =>
            text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
    }
}
