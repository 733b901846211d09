using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Jobs;

/// <summary>
/// Jobs newest first, keyset-paged. Everyone signed in sees open jobs; a job in another state only its audience
/// (job_audience: its business, the producers acting for that business, its bidders). A page is read from
/// index-ordered streams — the open board, and the jobs of the caller's own relation — each reading only the rows
/// of the page plus one, merged by id: an OR of the two rules in one WHERE would make SQLite collect and sort every match.
/// </summary>
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
            RuleFor(q => q.Status).PlainText().Must(s => s is null || Wire.TryParse<JobStatus>(s, out _))
                .WithMessage($"Status must be one of: {Wire.Names<JobStatus>()}.");
            RuleFor(q => q.Category).PlainText().Must(s => s is null || Wire.TryParse<JobCategory>(s, out _))
                .WithMessage($"Category must be one of: {Wire.Names<JobCategory>()}.");
            RuleFor(q => q.Q).PlainText().MaximumLength(200);
            RuleFor(q => q.Region).PlainText().MaximumLength(JobRules.RegionMax);
            RuleFor(q => q.MinBudget).InclusiveBetween(0, JobRules.BudgetMaxYen);
            RuleFor(q => q.MaxBudget).InclusiveBetween(0, JobRules.BudgetMaxYen);
            RuleFor(q => q.Cursor).PlainText().ValidCursor();
        }
    }

    // Every stream applies the same filters to the rows its index yields; none of them can pick another index.
    private const string Filters = """
          AND (j.category = @Category OR @Category IS NULL)
          AND (j.region = @Region OR @Region IS NULL)
          AND (j.budget_max >= @MinBudget OR @MinBudget IS NULL)
          AND (j.budget_min <= @MaxBudget OR @MaxBudget IS NULL)
          AND (@Pattern IS NULL OR j.title LIKE @Pattern ESCAPE '\' OR j.description LIKE @Pattern ESCAPE '\')
        """;

    /// <summary>Jobs in one status, on ix_jobs_status (status, id): the open board.</summary>
    internal const string InStatus = $"""
        SELECT j.* FROM job_details j
        WHERE j.status = @Status AND j.id < @After
        {Filters}
        ORDER BY j.id DESC LIMIT @Take
        """;

    /// <summary>A business's own jobs, on ix_jobs_business (business_id, id); a producer reads each client's this way.</summary>
    internal const string OfBusiness = $"""
        SELECT j.* FROM job_details j
        WHERE j.business_id = @BusinessId AND j.id < @After
          AND (j.status = @Status OR @Status IS NULL) AND (j.status <> 'open' OR @WithOpen = 1)
        {Filters}
        ORDER BY j.id DESC LIMIT @Take
        """;

    /// <summary>
    /// The jobs a worker bid on, walking ix_bids_worker_job (worker_id, job_id) backwards, one row per job (its latest
    /// bid; a withdrawn bid and a new one are two rows): a page stops after its rows however many jobs the worker bid on.
    /// </summary>
    internal const string BidOnBy = $"""
        SELECT j.* FROM bids b JOIN job_details j ON j.id = b.job_id
        WHERE b.worker_id = @Me AND b.job_id < @After
          AND NOT EXISTS (SELECT 1 FROM bids later WHERE later.worker_id = b.worker_id AND later.job_id = b.job_id AND later.id > b.id)
          AND (j.status = @Status OR @Status IS NULL) AND (j.status <> 'open' OR @WithOpen = 1)
        {Filters}
        ORDER BY b.job_id DESC LIMIT @Take
        """;

    /// <summary>The businesses a producer acts for (producer_clients: its active links).</summary>
    internal const string Clients = "SELECT pc.business_id FROM producer_clients pc WHERE pc.producer_id = @Me";

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Page<Job>>
    {
        public async Task<Page<Job>> Handle(Query query, CancellationToken ct)
        {
            var limit = Paging.Clamp(query.Limit);
            var status = Wire.TryParse<JobStatus>(query.Status, out var parsed) ? parsed : (JobStatus?)null;
            var mine = query.Mine == true;
            object Args(JobStatus? inStatus, string? businessId = null) => new
            {
                Me = caller.Id, After = Paging.After(query.Cursor), Take = limit + 1, BusinessId = businessId,
                Status = inStatus is null ? null : Wire.Name(inStatus.Value),
                Category = Wire.TryParse<JobCategory>(query.Category, out var c) ? Wire.Name(c) : null,
                Region = string.IsNullOrWhiteSpace(query.Region) ? null : query.Region.Trim(),
                query.MinBudget, query.MaxBudget,
                Pattern = string.IsNullOrWhiteSpace(query.Q) ? null : "%" + EscapeLike(query.Q.Trim()) + "%",
                // Without a status the open board holds the open jobs; the caller's own stream adds the others.
                WithOpen = mine || status is not null,
            };

            var streams = new List<IEnumerable<Job>>();
            if (!mine && status is null or JobStatus.Open)
                streams.Add(await db.QueryAsync<Job>(InStatus, Args(JobStatus.Open)));
            if (mine || status is not JobStatus.Open)
            {
                switch (caller.Role)
                {
                    case Role.Business:
                        streams.Add(await db.QueryAsync<Job>(OfBusiness, Args(status, caller.Id)));
                        break;
                    case Role.Worker:
                        streams.Add(await db.QueryAsync<Job>(BidOnBy, Args(status)));
                        break;
                    case Role.Producer:
                        // A producer has a handful of clients: one indexed page each, merged below.
                        foreach (var client in await db.QueryAsync<string>(Clients, new { Me = caller.Id }))
                            streams.Add(await db.QueryAsync<Job>(OfBusiness, Args(status, client)));
                        break;
                }
            }
            return Paging.Merge(streams, limit, j => j.Id);
        }

        private static string EscapeLike(string text) =>
            text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
    }

    public static void Map(IEndpointRouteBuilder jobs) =>
        jobs.MapGet("/jobs", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListJobs").ProducesValidationProblem().ProducesProblem(401);
}
