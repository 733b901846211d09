using FluentValidation;
using MediatR;
using Marketplace.Platform;
using Marketplace.Search;

namespace Marketplace.Jobs;

/// <summary>A page of jobs; on the first page of the board, how many match (exact up to 1,000, then "1,000+").</summary>
public sealed record JobPage(IReadOnlyList<Job> Items, string? NextCursor)
{
    /// <summary>Matching jobs, counted up to <see cref="JobSearch.CountCap"/>; only on a first page of the open board.</summary>
    public int? Total { get; init; }
    /// <summary>More jobs match than <see cref="Total"/> says ("1,000+").</summary>
    public bool TotalCapped { get; init; }
}

/// <summary>
/// The job board and the caller's own jobs. Visitors see the public board (open jobs that are not members-only);
/// everyone signed in sees the open board (a worker also its members-only jobs) and the jobs of their own relation
/// (job_audience: a business's own, its producers', a worker's bid-on). The board is <see cref="JobSearch"/>'s; the
/// caller's own streams are read from their indexes, newest first (<see cref="TextSearch.JobsOfBusiness"/>,
/// <see cref="TextSearch.JobsBidOnBy"/>: the words are checked through the engine's index), and merged with the board
/// by id. Orders other than newest are the board's alone.
/// </summary>
public static class ListJobs
{
    public sealed record Query : IRequest<JobPage>
    {
        /// <summary>open, awarded, completed or cancelled.</summary>
        public string? Status { get; init; }
        /// <summary>design, translation, transcription, writing, dataEntry or other.</summary>
        public string? Category { get; init; }
        /// <summary>Words to find in the title or description (Japanese by character bigrams; see the README).</summary>
        public string? Q { get; init; }
        /// <summary>A region or its beginning: 秋田県 finds 秋田県湯沢市.</summary>
        public string? Region { get; init; }
        /// <summary>Yen: only jobs whose budget reaches at least this much.</summary>
        public long? MinBudget { get; init; }
        /// <summary>Yen: only jobs whose budget starts at or below this.</summary>
        public long? MaxBudget { get; init; }
        /// <summary>Only jobs due at or before this time.</summary>
        public DateTimeOffset? DeadlineBefore { get; init; }
        /// <summary>Only jobs posted at or after this time.</summary>
        public DateTimeOffset? PostedSince { get; init; }
        /// <summary>Only beginner jobs (入門案件), which workers with few accepted contracts may bid on.</summary>
        public bool? Beginners { get; init; }
        /// <summary>relevance (the default with words), newest (the default without), budget (highest first) or deadline (soonest first).</summary>
        public string? Sort { get; init; }
        /// <summary>Only the caller's jobs: a business's own, a producer's clients', a worker's bid-on.</summary>
        public bool? Mine { get; init; }
        public int? Limit { get; init; }
        public string? Cursor { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).PlainText().Must(s => s is null || WireName.TryParse<JobStatus>(s, out _))
                .WithMessage($"Status must be one of: {WireName.AllOf<JobStatus>()}.");
            RuleFor(q => q.Category).PlainText().Must(s => s is null || WireName.TryParse<JobCategory>(s, out _))
                .WithMessage($"Category must be one of: {WireName.AllOf<JobCategory>()}.");
            RuleFor(q => q.Q).SearchWords();
            RuleFor(q => q.Region).PlainText().MaximumLength(JobRules.RegionMax);
            RuleFor(q => q.MinBudget).InclusiveBetween(0, JobRules.BudgetMaxYen);
            RuleFor(q => q.MaxBudget).InclusiveBetween(0, JobRules.BudgetMaxYen);
            RuleFor(q => q.Sort).PlainText().Must(s => s is null || WireName.TryParse<JobSort>(s, out _))
                .WithMessage($"Sort must be one of: {WireName.AllOf<JobSort>()}.");
            RuleFor(q => q.Sort).Must((q, s) => !WireName.TryParse<JobSort>(s, out var sort) || sort == JobSort.Newest
                                                  || (q.Mine != true && (q.Status is null || WireName.TryParse<JobStatus>(q.Status, out var st) && st == JobStatus.Open)))
                .WithMessage("Only newest orders your own jobs or jobs in another status; the other sorts order the open board.")
                .WithErrorCode("sortNeedsOpenBoard");
            RuleFor(q => q.Cursor).PlainText()
                .Must(c => string.IsNullOrEmpty(c) || Paging.Decode(c) is not null || SearchCursor.Decode(c) is not null)
                .WithMessage("The cursor is not one this API issued.");
        }
    }

    /// <summary>The businesses a producer acts for (producer_clients: its active links).</summary>
    internal const string Clients = "SELECT pc.business_id FROM producer_clients pc WHERE pc.producer_id = @Me";

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IConfiguration configuration) : IRequestHandler<Query, JobPage>
    {
        public async Task<JobPage> Handle(Query query, CancellationToken ct)
        {
            var mine = query.Mine == true;
            if (mine && !caller.IsSignedIn) throw new UnauthorizedAccessException("Sign in to list your own jobs.");
            var limit = Paging.Clamp(query.Limit);
            var status = WireName.TryParse<JobStatus>(query.Status, out var parsed) ? parsed : (JobStatus?)null;
            var search = new JobQuery
            {
                Text = query.Q, Category = WireName.TryParse<JobCategory>(query.Category, out var category) ? WireName.Of(category) : null,
                Region = query.Region, MinBudget = query.MinBudget, MaxBudget = query.MaxBudget,
                DeadlineBefore = query.DeadlineBefore, PostedSince = query.PostedSince, BeginnersOnly = query.Beginners == true,
                Sort = WireName.TryParse<JobSort>(query.Sort, out var sort) ? sort : null,
                // Members-only jobs are for signed-in workers; visitors and other roles see them only through their own relation.
                SeesMembersOnly = caller.IsSignedIn && caller.Role == Role.Worker,
            };
            var onBoard = !mine && status is null or JobStatus.Open;
            JobPage page;
            MatchCount? count = null;
            if (onBoard && search.Order != JobSort.Newest)
            {
                var ordered = await JobSearch.OrderedAsync<Job>(db, search, query.Cursor, limit, clock.GetUtcNow(),
                    TimeSpan.FromSeconds(configuration.GetValue("Search:DocumentCountSeconds", Ranking.DocumentCountLife.TotalSeconds)));
                page = new JobPage(ordered.Items, ordered.NextCursor);
                count = ordered.Count;
            }
            else
            {
                var streams = new List<IReadOnlyList<Job>>();
                if (onBoard) streams.Add(await JobSearch.NewestAsync<Job>(db, search, query.Cursor, limit + 1));
                // Without a status the board holds the open jobs; the caller's own streams add the others.
                if (caller.IsSignedIn && (mine || status is not JobStatus.Open))
                    streams.AddRange(await OwnAsync(search, status, withOpen: mine || status is not null, query.Cursor, limit));
                var merged = Paging.Merge(streams, limit, j => j.Id);
                page = new JobPage(merged.Items, merged.NextCursor);
            }

            // The count, on the first page of the board only: a next page keeps the first page's figure. A first window
            // read one match past the cap: that is the count (the same match and filters), for free.
            if (onBoard && string.IsNullOrEmpty(query.Cursor))
            {
                var total = count ?? await JobSearch.CountAsync(db, search);
                page = page with { Total = total.Total, TotalCapped = total.Capped };
            }
            page = page with { Items = await JobFormats.WithFormatsAsync(db, page.Items, clock.GetUtcNow()) };
            if (search.Words.Count > 0)
            {
                var terms = SearchText.QueryTerms(query.Q);
                page = page with { Items = page.Items.Select(j => j with { Match = JobMatch.Of(j.Title, j.Description, terms) }).ToList() };
            }
            return page;
        }

        /// <summary>The caller's own jobs after the cursor, newest first: the jobs a worker bid on, or one stream per business the caller runs.</summary>
        private async Task<List<IReadOnlyList<Job>>> OwnAsync(JobQuery search, JobStatus? status, bool withOpen, string? cursor, int limit)
        {
            var engine = TextSearch.Of(db);
            var values = search.Parameters(engine);
            values.AddDynamicParams(new
            {
                Me = caller.Id, Status = status is null ? null : WireName.Of(status.Value), WithOpen = withOpen, Take = limit + 1,
                // A cursor of search's own formats (a window's) starts the caller's own jobs from the newest.
                After = Paging.After(cursor),
            });
            if (caller.Role == Role.Worker) return [await db.QueryAsync<Job>(engine.JobsBidOnBy, values)];
            // A producer has a handful of clients: one indexed page each.
            IReadOnlyList<string> businesses = caller.Role switch
            {
                Role.Business => [caller.Id],
                Role.Producer => await db.QueryAsync<string>(Clients, new { Me = caller.Id }),
                _ => [],
            };
            var streams = new List<IReadOnlyList<Job>>();
            foreach (var business in businesses)
            {
                values.Add("BusinessId", business);
                streams.Add(await db.QueryAsync<Job>(engine.JobsOfBusiness, values));
            }
            return streams;
        }
    }

    public static void Map(IEndpointRouteBuilder jobs) =>
        jobs.MapGet("/jobs", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListJobs").AllowAnonymous().PublicForVisitors().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(429);
}
