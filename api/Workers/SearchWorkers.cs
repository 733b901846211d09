using FluentValidation;
using MediatR;
using Marketplace.Jobs;
using Marketplace.Platform;
using Marketplace.Search;

namespace Marketplace.Workers;

/// <summary>
/// Businesses and producers look for workers: by words over the profiles (bio, skills, region; the job search's
/// Japanese-aware tokens in the FTS5 index <c>worker_fts</c>), by region (a prefecture such as 秋田県 finds 秋田県湯沢市;
/// any other beginning of a region is a prefix), and by one exact skill.
///
/// With words, the newest <see cref="Window"/> matching profiles are ranked by <see cref="Score"/> (best first, the
/// later-indexed profile first on a tie) and older matches follow newest first, as the job search's window does; the
/// cursor keeps the window's top. Without words, profiles come newest first.
/// </summary>
public static class SearchWorkers
{
    public const int Window = 1000;
    /// <summary>A word among the skills counts four times, in the region twice, in the bio once.</summary>
    public const double SkillsWeight = 4.0, RegionWeight = 2.0, BioWeight = 1.0;
    /// <summary>The profile length (tokens) at which BM25's length normalisation is neutral: a fixed figure, see <see cref="Score"/>.</summary>
    public const double ReferenceLength = 100;

    public sealed record Query : IRequest<Page<WorkerProfile>>
    {
        /// <summary>Words to find in the bio, skills or region (Japanese by character bigrams, as the job search).</summary>
        public string? Q { get; init; }
        /// <summary>One skill, exactly (case-insensitive in ASCII).</summary>
        public string? Skill { get; init; }
        /// <summary>A region or its beginning: 秋田県 finds 秋田県湯沢市.</summary>
        public string? Region { get; init; }
        public int? Limit { get; init; }
        public string? Cursor { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Q).SearchWords();
            RuleFor(q => q.Skill).PlainText().MaximumLength(50);
            RuleFor(q => q.Region).PlainText().MaximumLength(50);
            RuleFor(q => q.Cursor).PlainText()
                .Must(c => string.IsNullOrEmpty(c) || Paging.Decode(c) is not null || WindowCursor.Decode(c) is not null)
                .WithMessage("The cursor is not one this API issued.");
        }
    }

    // Skills compare case-insensitively in ASCII (SQLite's NOCASE, as LOWER() did), on ix_worker_skills_nocase.
    private const string HasSkill =
        "(@Skill IS NULL OR EXISTS (SELECT 1 FROM worker_skills k WHERE k.worker_id = p.worker_id AND k.skill = @Skill COLLATE NOCASE))";

    /// <summary>Workers with a profile, newest first, on worker_profiles' key.</summary>
    internal const string Everyone = $"""
        SELECT w.* FROM worker_profiles p JOIN worker_details w ON w.worker_id = p.worker_id
        WHERE p.worker_id < @After AND {HasSkill}
        ORDER BY p.worker_id DESC LIMIT @Take
        """;

    /// <summary>Profiles matching @Match (the region facet, and the words past the window), newest in the index first.</summary>
    internal const string InRegion = $"""
        SELECT f.rowid AS doc_id, s.worker_id
        FROM worker_fts f JOIN worker_search s ON s.doc_id = f.rowid JOIN worker_profiles p ON p.worker_id = s.worker_id
        WHERE worker_fts MATCH @Match AND f.rowid < @Before AND {HasSkill}
        ORDER BY f.rowid DESC LIMIT @Take
        """;

    /// <summary>The newest <see cref="Window"/> matches at or below the first page's top, with the tokens to rank them.</summary>
    internal const string Candidates = $"""
        SELECT f.rowid AS doc_id, s.worker_id, f.bio, f.skills, f.region
        FROM worker_fts f JOIN worker_search s ON s.doc_id = f.rowid JOIN worker_profiles p ON p.worker_id = s.worker_id
        WHERE worker_fts MATCH @Match AND f.rowid <= @Top AND {HasSkill}
        ORDER BY f.rowid DESC LIMIT @Window
        """;

    internal const string ByIds = "SELECT w.* FROM worker_details w WHERE w.worker_id IN @Ids";

    private sealed class Candidate
    {
        public long DocId { get; init; }
        public string WorkerId { get; init; } = "";
        public string Bio { get; init; } = "";
        public string Skills { get; init; } = "";
        public string Region { get; init; } = "";
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Page<WorkerProfile>>
    {
        public async Task<Page<WorkerProfile>> Handle(Query query, CancellationToken ct)
        {
            if (caller.Role is not (Role.Business or Role.Producer))
                throw new ForbiddenException("Only businesses and producers search workers.");
            var limit = Paging.Clamp(query.Limit);
            var skill = Blank(query.Skill);
            var regionKey = SearchText.RegionKey(query.Region);
            var words = SearchText.MatchQuery(query.Q);
            if (words is null && regionKey.Length == 0)
            {
                var everyone = await WorkerProfile.ReadAsync(db, Everyone,
                    new { Skill = skill, After = Paging.After(query.Cursor), Take = limit + 1 }, caller.Id);
                return Paging.From(everyone, limit, w => w.WorkerId);
            }
            var match = Match(words, regionKey);
            var cursor = WindowCursor.Decode(query.Cursor);
            if (words is null || cursor is { InWindow: false })
                return await Older(match, skill, cursor?.Doc ?? long.MaxValue, limit);

            var rows = (await db.QueryAsync<Candidate>(Candidates,
                new { Match = match, Skill = skill, Top = cursor?.Top ?? long.MaxValue, Window = Window + 1 })).Take(Window).ToList();
            if (rows.Count == 0) return new Page<WorkerProfile>([], null);
            var phrases = SearchText.Phrases(query.Q, columns: "{bio skills region}");
            var ordered = rows.Select(r => (Row: r, Key: -Score(phrases, r.Bio, r.Skills, r.Region)))
                .Where(r => cursor is null || r.Key > cursor.Key || (r.Key == cursor.Key && r.Row.DocId < cursor.Doc))
                .OrderBy(r => r.Key).ThenByDescending(r => r.Row.DocId)
                .Take(limit + 1).ToList();
            var top = cursor?.Top ?? rows.Max(r => r.DocId);
            var pageRows = ordered.Take(limit).ToList();
            var workers = await InOrder(pageRows.Select(r => r.Row.WorkerId).ToList());
            if (ordered.Count > limit)
            {
                var last = pageRows[^1];
                return new Page<WorkerProfile>(workers, WindowCursor.Encode(new WindowCursor(true, top, last.Key, last.Row.DocId)));
            }
            // The window ends on this page; a full window may have older matches, which follow newest first.
            if (rows.Count < Window) return new Page<WorkerProfile>(workers, null);
            var older = await Older(match, skill, rows.Min(r => r.DocId), limit - workers.Count);
            return new Page<WorkerProfile>(workers.Concat(older.Items).ToList(), older.NextCursor);
        }

        /// <summary>Matches below <paramref name="before"/> in the index, newest first.</summary>
        private async Task<Page<WorkerProfile>> Older(string match, string? skill, long before, int take)
        {
            if (take <= 0) return new Page<WorkerProfile>([], WindowCursor.Encode(new WindowCursor(false, 0, 0, before)));
            var rows = await db.QueryAsync<Candidate>(InRegion,
                new { Match = match, Skill = skill, Before = before, Take = take + 1 });
            var page = rows.Take(take).ToList();
            return new Page<WorkerProfile>(await InOrder(page.Select(r => r.WorkerId).ToList()),
                rows.Count > take ? WindowCursor.Encode(new WindowCursor(false, 0, 0, page[^1].DocId)) : null);
        }

        private async Task<List<WorkerProfile>> InOrder(IReadOnlyList<string> ids)
        {
            if (ids.Count == 0) return [];
            var byId = (await WorkerProfile.ReadAsync(db, ByIds, new { Ids = ids }, caller.Id)).ToDictionary(w => w.WorkerId);
            return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>The FTS5 query: the region as a facet (<see cref="SearchText.RegionFacet"/>), the words.</summary>
    public static string Match(string? words, string regionKey)
    {
        var parts = new List<string>();
        if (regionKey.Length > 0) parts.Add(SearchText.RegionFacet(regionKey));
        if (words is not null) parts.Add($"{{bio skills region}} : ({words})");
        return string.Join(" AND ", parts);
    }

    /// <summary>
    /// BM25F's term-frequency part (k1 <see cref="Relevance.K1"/>, b <see cref="Relevance.B"/>; Robertson and Zaragoza
    /// 2009): each term's weighted frequency over skills, region and bio, saturated and normalised by the profile's
    /// length against <see cref="ReferenceLength"/>. Two parts of BM25 are left out on purpose, because both depend on the
    /// other profiles: IDF (every result holds every term, all being required, so it would only weigh the terms against
    /// each other) and the average length. So a profile's score is a property of that profile alone, and a cursor holding
    /// the last score stays exact however many profiles are written between two pages.
    /// </summary>
    public static double Score(IReadOnlyList<SearchText.Phrase> phrases, string bio, string skills, string region)
    {
        static int Count(string tokens) => tokens.Length == 0 ? 0 : tokens.AsSpan().Count(' ') + 1;
        var length = Count(bio) + Count(skills) + Count(region);
        var norm = Relevance.K1 * (1 - Relevance.B + Relevance.B * length / ReferenceLength);
        var score = 0.0;
        foreach (var phrase in phrases)
        {
            var tf = SkillsWeight * Relevance.Occurrences(skills, phrase) + RegionWeight * Relevance.Occurrences(region, phrase)
                     + BioWeight * Relevance.Occurrences(bio, phrase);
            score += tf * (Relevance.K1 + 1) / (tf + norm);
        }
        return score;
    }

    public static void Map(IEndpointRouteBuilder workers) =>
        workers.MapGet("/workers", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("SearchWorkers").ProducesValidationProblem().ProducesProblem(403);
}
