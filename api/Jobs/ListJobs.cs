using System.Buffers.Text;
using System.Globalization;
using System.Text;
using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Jobs;

/// <summary>A page of jobs; on the first page of the board, how many match (exact up to 1,000, then "1,000+").</summary>
public sealed record JobPage(IReadOnlyList<Job> Items, string? NextCursor)
{
    /// <summary>Matching jobs, counted up to <see cref="ListJobs.CountCap"/>; only on a first page of the open board.</summary>
    public int? Total { get; init; }
    /// <summary>More jobs match than <see cref="Total"/> says ("1,000+").</summary>
    public bool TotalCapped { get; init; }
}

/// <summary>
/// The job board and its search. Visitors see the public board (open jobs that are not members-only); everyone signed
/// in sees the open board (a worker also its members-only jobs) and the jobs of their own relation (job_audience: a
/// business's own, its producers', a worker's bid-on).
///
/// The open board is read from the FTS5 index of open jobs <c>job_board_fts</c>: the words, and the filters as facet
/// tokens (category, region prefix, members-only), are one MATCH whose posting lists FTS5 intersects, newest first in rowid
/// order (= id order, <see cref="SearchIndex.DocId"/>), stopping after a page. The caller's own streams are read from
/// their indexes as before, the words checked per row against the index. Streams are merged by id (Paging.Merge).
///
/// Sorts other than newest order the open board only. Without words, budget and deadline read their own indexes.
/// With words, relevance (bm25 with the title weighted <see cref="TitleWeight"/>, recency breaking ties), budget and
/// deadline order a window: the newest <see cref="Window"/> matching jobs — every match when the count is exact —
/// and older matches follow newest first. So a page costs the same at any table size; the README says why.
/// </summary>
public static class ListJobs
{
    /// <summary>The window is the count's walk too, so it must reach the cap.</summary>
    public const int Window = CountCap;
    public const int CountCap = 1000;
    public const double TitleWeight = 4.0;

    public enum Sort { Relevance, Newest, Budget, Deadline }

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
            RuleFor(q => q.Status).PlainText().Must(s => s is null || Wire.TryParse<JobStatus>(s, out _))
                .WithMessage($"Status must be one of: {Wire.Names<JobStatus>()}.");
            RuleFor(q => q.Category).PlainText().Must(s => s is null || Wire.TryParse<JobCategory>(s, out _))
                .WithMessage($"Category must be one of: {Wire.Names<JobCategory>()}.");
            RuleFor(q => q.Q).SearchWords();
            RuleFor(q => q.Region).PlainText().MaximumLength(JobRules.RegionMax);
            RuleFor(q => q.MinBudget).InclusiveBetween(0, JobRules.BudgetMaxYen);
            RuleFor(q => q.MaxBudget).InclusiveBetween(0, JobRules.BudgetMaxYen);
            RuleFor(q => q.Sort).PlainText().Must(s => s is null || Wire.TryParse<Sort>(s, out _))
                .WithMessage($"Sort must be one of: {Wire.Names<Sort>()}.");
            RuleFor(q => q.Sort).Must((q, s) => !Wire.TryParse<Sort>(s, out var sort) || sort == ListJobs.Sort.Newest
                                                  || (q.Mine != true && (q.Status is null || Wire.TryParse<JobStatus>(q.Status, out var st) && st == JobStatus.Open)))
                .WithMessage("Only newest orders your own jobs or jobs in another status; the other sorts order the open board.")
                .WithErrorCode("sortNeedsOpenBoard");
            RuleFor(q => q.Cursor).PlainText()
                .Must(c => string.IsNullOrEmpty(c) || Paging.Decode(c) is not null || WindowCursor.Decode(c) is not null || OrderedKey.Decode(c) is not null)
                .WithMessage("The cursor is not one this API issued.");
        }
    }

    /// <summary>The filters of the board's FTS streams that are not facets: numbers and times, checked on each matching row.</summary>
    private const string Residual = """
          AND (j.budget_max >= @MinBudget OR @MinBudget IS NULL)
          AND (j.budget_min <= @MaxBudget OR @MaxBudget IS NULL)
          AND (j.deadline <= @DeadlineBefore OR @DeadlineBefore IS NULL)
          AND (j.created_at >= @PostedSince OR @PostedSince IS NULL)
        """;

    /// <summary>The same filters where a stream reads a jobs index, not the full-text one.</summary>
    private const string Filters = $"""
          AND (j.category = @Category OR @Category IS NULL)
          AND (@RegionFrom IS NULL OR (j.region >= @RegionFrom AND j.region < @RegionTo))
        {Residual}
          AND (@Words IS NULL OR EXISTS (SELECT 1 FROM job_search s JOIN job_fts f ON f.rowid = s.doc_id
                                         WHERE s.job_id = j.id AND job_fts MATCH @Words))
        """;

    /// <summary>The open board, newest first, from the full-text index: words and facets in @Match.</summary>
    internal const string Board = $"""
        SELECT j.* FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN job_details j ON j.id = s.job_id
        WHERE job_board_fts MATCH @Match AND f.rowid < @Before
        {Residual}
        ORDER BY f.rowid DESC LIMIT @Take
        """;

    /// <summary>The newest <see cref="Window"/> matches (at or below the first page's top) with their budget and deadline.</summary>
    internal const string BoardWindow = $"""
        SELECT f.rowid AS doc_id, j.budget_max, j.deadline
        FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN jobs j ON j.id = s.job_id
        WHERE job_board_fts MATCH @Match AND f.rowid <= @Top
        {Residual}
        ORDER BY f.rowid DESC LIMIT @Window
        """;

    /// <summary>
    /// The relevance window when no filter needs the job's row: the index alone (a join per match would cost more than
    /// the ranking).
    /// </summary>
    internal const string BoardCandidates = """
        SELECT f.rowid AS doc_id FROM job_board_fts f WHERE job_board_fts MATCH @Match AND f.rowid <= @Top
        ORDER BY f.rowid DESC LIMIT @Window
        """;

    /// <summary>The jobs of one window page, by their rowids.</summary>
    internal const string ByDocIds = """
        SELECT j.* FROM job_search s JOIN job_details j ON j.id = s.job_id WHERE s.doc_id IN @DocIds
        """;

    /// <summary>The count when every filter is a facet: the index alone.</summary>
    internal const string BoardCountBare = """
        SELECT COUNT(*) FROM (SELECT 1 FROM job_board_fts f WHERE job_board_fts MATCH @Match ORDER BY f.rowid DESC LIMIT @CountTake)
        """;

    /// <summary>How many match, counted to one past the cap: the count costs the same however many match.</summary>
    internal const string BoardCount = $"""
        SELECT COUNT(*) FROM (
            SELECT 1 FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN jobs j ON j.id = s.job_id
            WHERE job_board_fts MATCH @Match
            {Residual}
            ORDER BY f.rowid DESC LIMIT @CountTake)
        """;

    /// <summary>The open board by budget, highest first, on ix_jobs_status_budget (status, budget_max, id).</summary>
    internal const string BoardByBudget = $"""
        SELECT j.* FROM job_details j
        WHERE j.status = 'open' AND (j.budget_max, j.id) < (@KeyBudget, @After) AND (j.members_only = 0 OR @SeesMembersOnly = 1)
        {Filters}
        ORDER BY j.budget_max DESC, j.id DESC LIMIT @Take
        """;

    /// <summary>The open board by deadline, soonest first, on ix_jobs_status_deadline (status, deadline, id).</summary>
    internal const string BoardByDeadline = $"""
        SELECT j.* FROM job_details j
        WHERE j.status = 'open' AND (j.deadline, j.id) > (@KeyDeadline, @AfterAsc) AND (j.members_only = 0 OR @SeesMembersOnly = 1)
        {Filters}
        ORDER BY j.deadline, j.id LIMIT @Take
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

    private sealed class WindowRow
    {
        public long DocId { get; init; }
        public double Relevance { get; init; }
        public long BudgetMax { get; init; }
        public string Deadline { get; init; } = "";
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, IConfiguration configuration) : IRequestHandler<Query, JobPage>
    {
        public async Task<JobPage> Handle(Query query, CancellationToken ct)
        {
            var limit = Paging.Clamp(query.Limit);
            var status = Wire.TryParse<JobStatus>(query.Status, out var parsed) ? parsed : (JobStatus?)null;
            var mine = query.Mine == true;
            var signedIn = caller.IsSignedIn;
            if (mine && !signedIn) throw new UnauthorizedAccessException("Sign in to list your own jobs.");
            var words = SearchText.MatchQuery(query.Q);
            var sort = Wire.TryParse<Sort>(query.Sort, out var s) ? s : words is null ? Sort.Newest : Sort.Relevance;
            if (sort == Sort.Relevance && words is null) sort = Sort.Newest;
            var window = WindowCursor.Decode(query.Cursor);
            var category = Wire.TryParse<JobCategory>(query.Category, out var c) ? Wire.Name(c) : null;
            var region = string.IsNullOrWhiteSpace(query.Region) ? null : query.Region.Trim();
            // Members-only jobs are for signed-in workers; visitors and other roles see them only through their own relation.
            var seesMembersOnly = signedIn && caller.Role == Role.Worker;
            var onBoard = !mine && status is null or JobStatus.Open;
            var match = BoardMatch(words, category, SearchText.RegionKey(region), seesMembersOnly);
            var after = window is null ? Paging.After(query.Cursor) : "~";

            object Args(JobStatus? inStatus = null, string? businessId = null) => new
            {
                Me = signedIn ? caller.Id : null, After = after, Before = window?.Doc ?? SearchIndex.Before(Paging.Decode(query.Cursor)),
                Take = limit + 1, BusinessId = businessId, Status = inStatus is null ? null : Wire.Name(inStatus.Value),
                Category = category, RegionFrom = region, RegionTo = region is null ? null : region + char.ConvertFromUtf32(0x10FFFF),
                query.MinBudget, query.MaxBudget, query.DeadlineBefore, query.PostedSince,
                Words = words is null ? null : $"{{title body}} : ({words})", Match = match, SeesMembersOnly = seesMembersOnly,
                // Without a status the open board holds the open jobs; the caller's own stream adds the others.
                WithOpen = mine || status is not null,
                CountTake = CountCap + 1,
            };

            var streams = new List<IEnumerable<Job>>();
            string? next = null;
            var paged = false;
            int? windowCount = null;
            if (onBoard)
            {
                switch (sort)
                {
                    case Sort.Newest:
                        streams.Add(await db.QueryAsync<Job>(Board, Args()));
                        break;
                    case Sort.Budget when words is null:
                    case Sort.Deadline when words is null:
                        (streams, next, paged) = ([await OrderedBoard(sort, query.Cursor, Args(), limit)], null, true);
                        break;
                    default:
                        var page = await WindowPage(sort, window, Args(), limit, Residuals(query), query.Q);
                        (streams, next, paged, windowCount) = ([page.Items], page.NextCursor, true, page.Total);
                        break;
                }
            }
            if (signedIn && !paged && (mine || status is not JobStatus.Open))
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

            JobPage result;
            if (paged)
            {
                var items = streams[0].ToList();
                result = new JobPage(items.Take(limit).ToList(), next ?? (items.Count > limit ? OrderedCursor(sort, items[limit - 1]) : null));
            }
            else
            {
                var merged = Paging.Merge(streams, limit, j => j.Id);
                result = new JobPage(merged.Items, merged.NextCursor);
            }

            // The count, on the first page of the board only: a next page keeps the first page's figure.
            if (onBoard && string.IsNullOrEmpty(query.Cursor))
            {
                // A first window read one match past the cap: it is the count (the same MATCH and filters), for free.
                var counted = windowCount ?? await db.ExecuteScalarAsync<int>(Residuals(query) ? BoardCount : BoardCountBare, Args());
                result = result with { Total = Math.Min(counted, CountCap), TotalCapped = counted > CountCap };
            }
            if (words is not null)
            {
                var terms = SearchText.QueryTerms(query.Q);
                result = result with { Items = result.Items.Select(j => j with { Match = Snippets.For(j.Title, j.Description, terms) }).ToList() };
            }
            return result;
        }

        /// <summary>Budget or deadline order without words, keyset-paged on the sort key and the id.</summary>
        private async Task<IReadOnlyList<Job>> OrderedBoard(Sort sort, string? cursor, object args, int limit)
        {
            var key = OrderedKey.Decode(cursor);
            var sql = sort == Sort.Budget ? BoardByBudget : BoardByDeadline;
            var values = new Dapper.DynamicParameters(args);
            values.Add("KeyBudget", key?.Budget ?? long.MaxValue);
            values.Add("KeyDeadline", key?.Deadline ?? "");
            values.Add("AfterAsc", key?.Id ?? "");
            values.Add("After", key?.Id ?? "~");
            return await db.QueryAsync<Job>(sql, values);
        }

        private static string OrderedCursor(Sort sort, Job last) =>
            OrderedKey.Encode(new OrderedKey(sort == Sort.Budget ? last.BudgetMax : null,
                sort == Sort.Deadline ? UtcTextDateTimeOffsetHandler.ToText(last.Deadline) : null, last.Id));

        /// <summary>
        /// Relevance, budget or deadline with words: the newest <see cref="Window"/> matches at or below the first page's
        /// top, ordered by the key, the newer first on a tie; after the window, older matches newest first.
        /// </summary>
        private static bool Residuals(Query q) => q.MinBudget is not null || q.MaxBudget is not null || q.DeadlineBefore is not null || q.PostedSince is not null;

        private async Task<JobPage> WindowPage(Sort sort, WindowCursor? cursor, object args, int limit, bool residuals, string? q)
        {
            var values = new Dapper.DynamicParameters(args);
            if (cursor is { InWindow: false })
                return await Older(cursor.Doc, values, limit);
            values.Add("Top", cursor?.Top ?? long.MaxValue);
            // One row past the window: on a first page (no top yet) the rows read are the count, up to one past the cap.
            values.Add("Window", Window + 1);
            var read = await db.QueryAsync<WindowRow>(sort == Sort.Relevance && !residuals ? BoardCandidates : BoardWindow, values);
            int? total = cursor is null ? read.Count : null;
            var rows = read.Take(Window).ToList();
            if (rows.Count == 0) return new JobPage([], null) { Total = total };
            // Relevance is BM25 with the score negated, so that every key orders ascending.
            var ranks = sort == Sort.Relevance
                ? await Relevance.ScoreAsync(db, q!, rows.Select(r => r.DocId).ToList(), clock.GetUtcNow(),
                    TimeSpan.FromSeconds(configuration.GetValue("Search:DocumentCountSeconds", Relevance.DocumentCountLife.TotalSeconds)))
                : [];
            double Key(WindowRow r) => sort switch
            {
                Sort.Budget => -r.BudgetMax,
                Sort.Deadline => DateTimeOffset.Parse(r.Deadline, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(),
                _ => -ranks.GetValueOrDefault(r.DocId),
            };
            var ordered = rows.Select(r => (Row: r, Key: Key(r)))
                .Where(r => cursor is null || r.Key > cursor.Key || (r.Key == cursor.Key && r.Row.DocId < cursor.Doc))
                .OrderBy(r => r.Key).ThenByDescending(r => r.Row.DocId)
                .Take(limit + 1).ToList();
            var top = cursor?.Top ?? rows.Max(r => r.DocId);
            var pageRows = ordered.Take(limit).ToList();
            var jobs = (await Fetch(pageRows.Select(r => r.Row.DocId))).ToList();
            if (ordered.Count > limit)
            {
                var last = pageRows[^1];
                return new JobPage(jobs, WindowCursor.Encode(new WindowCursor(true, top, last.Key, last.Row.DocId))) { Total = total };
            }
            // The window ends on this page. A full window may have older matches: they follow, newest first.
            if (rows.Count < Window) return new JobPage(jobs, null) { Total = total };
            var older = await Older(rows.Min(r => r.DocId), values, limit - jobs.Count);
            return new JobPage(jobs.Concat(older.Items).ToList(), older.NextCursor) { Total = total };
        }

        /// <summary>Matches below <paramref name="before"/>, newest first.</summary>
        private async Task<JobPage> Older(long before, Dapper.DynamicParameters values, int take)
        {
            if (take <= 0) return new JobPage([], WindowCursor.Encode(new WindowCursor(false, 0, 0, before)));
            values.Add("Before", before);
            values.Add("Take", take + 1);
            var rows = await db.QueryAsync<Job>(Board, values);
            return new JobPage(rows.Take(take).ToList(),
                rows.Count > take ? WindowCursor.Encode(new WindowCursor(false, 0, 0, SearchIndex.DocId(rows[take - 1].Id))) : null);
        }

        private async Task<IEnumerable<Job>> Fetch(IEnumerable<long> docIds)
        {
            var order = docIds.ToList();
            if (order.Count == 0) return [];
            var jobs = await db.QueryAsync<Job>(ByDocIds, new { DocIds = order });
            var byDoc = jobs.ToDictionary(j => SearchIndex.DocId(j.Id));
            return order.Where(byDoc.ContainsKey).Select(d => byDoc[d]);
        }
    }

    /// <summary>
    /// The FTS5 query of the open board (job_board_fts, open jobs only): facet tokens for the filters, the words in the
    /// title or description; 'open' (every row) only when nothing else is asked, since each list named is one more to
    /// walk. Members-only jobs are left out for whoever may not see them.
    /// </summary>
    public static string BoardMatch(string? words, string? category, string regionKey, bool seesMembersOnly)
    {
        var parts = new List<string>();
        if (category is not null) parts.Add($"facets : c{category.ToLowerInvariant()}");
        if (regionKey.Length > 0) parts.Add(SearchText.RegionFacet(regionKey));
        if (words is not null) parts.Add($"{{title body}} : ({words})");
        if (parts.Count == 0) parts.Add("facets : open");
        var match = string.Join(" AND ", parts);
        return seesMembersOnly ? match : $"({match}) NOT facets : members";
    }

    public static void Map(IEndpointRouteBuilder jobs) =>
        jobs.MapGet("/jobs", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListJobs").AllowAnonymous().PublicForVisitors().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(429);
}

/// <summary>A cursor inside a sorted window (its top, the last key and rowid) or past it (the last rowid, newest first).</summary>
internal sealed record WindowCursor(bool InWindow, long Top, double Key, long Doc)
{
    public static string Encode(WindowCursor c) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        c.InWindow ? FormattableString.Invariant($"w:{c.Top}|{c.Key:R}|{c.Doc}") : FormattableString.Invariant($"o:{c.Doc}")));

    public static WindowCursor? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 120) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith("o:", StringComparison.Ordinal) && long.TryParse(text[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var doc))
                return new WindowCursor(false, 0, 0, doc);
            var parts = text.StartsWith("w:", StringComparison.Ordinal) ? text[2..].Split('|') : [];
            return parts.Length == 3
                   && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var top)
                   && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var key) && double.IsFinite(key)
                   && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                ? new WindowCursor(true, top, key, last)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>A budget or deadline cursor without words: the last job's key and id.</summary>
internal sealed record OrderedKey(long? Budget, string? Deadline, string Id)
{
    public static string Encode(OrderedKey k) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        k.Budget is not null ? FormattableString.Invariant($"b:{k.Budget}|{k.Id}") : $"d:{k.Deadline}|{k.Id}"));

    public static OrderedKey? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 160) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var parts = text.Length > 2 ? text[2..].Split('|') : [];
            if (parts.Length != 2 || parts[1].Length != 32 || !parts[1].All(char.IsAsciiHexDigit)) return null;
            if (text.StartsWith("b:", StringComparison.Ordinal) && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var budget))
                return new OrderedKey(budget, null, parts[1]);
            return text.StartsWith("d:", StringComparison.Ordinal) && parts[0].Length is > 0 and <= 40 && parts[0].All(ch => char.IsAsciiDigit(ch) || ch is '-' or ':' or 'T' or 'Z' or '.')
                ? new OrderedKey(null, parts[0], parts[1])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
