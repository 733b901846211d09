using Marketplace.Platform;

namespace Marketplace.Search;

/// <summary>What search pages on in a job it returns: the id (the doc id comes from it), the budget and the deadline.</summary>
public interface ISearchedJob
{
    string Id { get; }
    long BudgetMax { get; }
    DateTimeOffset Deadline { get; }
}

/// <summary>How many jobs match, counted up to <see cref="JobSearch.CountCap"/>; <c>Capped</c> when more do ("1,000+").</summary>
public readonly record struct MatchCount(int Total, bool Capped)
{
    /// <summary>From a count taken to one past the cap.</summary>
    public static MatchCount Of(int counted) => new(Math.Min(counted, JobSearch.CountCap), counted > JobSearch.CountCap);
}

/// <summary>
/// The search of the open board: open jobs (members-only ones for those who may see them) by words and filters
/// (<see cref="JobQuery"/>), as rows of <c>job_details</c> in the caller's type.
///
/// Newest first reads the full-text index in doc-id order (= id order) and stops after a page, so it merges with other
/// id-ordered streams of jobs. Budget and deadline without words read the jobs' own indexes as keyset pages. With words,
/// relevance (<see cref="Ranking.JobScoresAsync"/>), budget and deadline order a <see cref="Window"/> of the newest
/// <see cref="WindowSize"/> matches — every match when the count is exact — and older matches follow newest first. So a
/// page costs the same at any table size.
/// </summary>
public static class JobSearch
{
    public const int CountCap = 1000;
    /// <summary>The window is the count's walk too, so it must reach the cap.</summary>
    public const int WindowSize = CountCap;

    /// <summary>The board newest first after a cursor of any of search's formats: <paramref name="take"/> rows at most.</summary>
    public static Task<IReadOnlyList<T>> NewestAsync<T>(DbSession db, JobQuery query, string? cursor, int take)
    {
        var before = SearchCursor.Decode(cursor) switch
        {
            WindowCursor w => w.Doc,
            OlderCursor o => o.Doc,
            _ => JobSearchIndex.Before(Paging.Decode(cursor)),
        };
        return NewestBelowAsync<T>(db, query, before, take);
    }

    private static Task<IReadOnlyList<T>> NewestBelowAsync<T>(DbSession db, JobQuery query, long before, int take)
    {
        var engine = TextSearch.Of(db);
        var values = query.Parameters(engine);
        values.Add("Before", before);
        values.Add("Take", take);
        return db.QueryAsync<T>(engine.Board, values);
    }

    /// <summary>
    /// A page of the board in budget, deadline or relevance order (<see cref="JobQuery.Order"/> other than newest); on a
    /// window's first page with the count, which the window's walk took for free. A phrase's document count, which
    /// relevance reads, is reused for <paramref name="documentCountLife"/> (<see cref="Ranking.JobScoresAsync"/>).
    /// </summary>
    public static async Task<SearchPage<T>> OrderedAsync<T>(DbSession db, JobQuery query, string? cursor, int limit, DateTimeOffset now,
        TimeSpan documentCountLife) where T : ISearchedJob
    {
        if (query.Words.Count == 0) return await KeysetAsync<T>(db, query, cursor, limit);
        var at = SearchCursor.Decode(cursor);
        if (at is OlderCursor older) return await OlderAsync<T>(db, query, older.Doc, limit);
        var window = at as WindowCursor;
        var engine = TextSearch.Of(db);
        var values = query.Parameters(engine);
        values.Add("Top", window?.Top ?? long.MaxValue);
        // One row past the window: on a first page (no top yet) the rows read are the count, up to one past the cap.
        values.Add("Window", WindowSize + 1);
        var read = await db.QueryAsync<WindowRow>(query.Order == JobSort.Relevance && !query.FiltersRows ? engine.BoardCandidates : engine.BoardWindow, values);
        var rows = read.Take(WindowSize).ToList();
        // Relevance is BM25 with the score negated, so that every key orders ascending.
        var scores = query.Order == JobSort.Relevance && rows.Count > 0
            ? await Ranking.JobScoresAsync(db, query.Words, rows.Select(r => new Ranking.JobText(r.DocId, r.Title, r.Body, r.TokenCount)).ToList(), now, documentCountLife)
            : [];
        var ranked = rows.Select(r => new Ranked(r.DocId, query.Order switch
        {
            JobSort.Budget => -r.BudgetMax,
            JobSort.Deadline => r.Deadline.ToUnixTimeMilliseconds(),
            _ => -scores.GetValueOrDefault(r.DocId),
        })).ToList();
        var page = await Window.PageAsync(ranked, WindowSize, window, limit,
            docIds => ByDocIdsAsync<T>(db, docIds), (before, take) => OlderAsync<T>(db, query, before, take));
        return window is null ? page with { Count = MatchCount.Of(read.Count) } : page;
    }

    /// <summary>How many open jobs match, counted up to one past the cap: the count costs the same however many match.</summary>
    public static async Task<MatchCount> CountAsync(DbSession db, JobQuery query)
    {
        var engine = TextSearch.Of(db);
        var values = query.Parameters(engine);
        values.Add("CountTake", CountCap + 1);
        return MatchCount.Of(await db.ExecuteScalarAsync<int>(query.FiltersRows ? engine.BoardCount : engine.BoardCountBare, values));
    }

    /// <summary>
    /// Matching open jobs above a doc id, newest first, as <see cref="TextSearch.BoardNewer"/>'s columns (doc_id, id, title):
    /// what a saved search has not looked at yet.
    /// </summary>
    public static Task<IReadOnlyList<T>> NewerAsync<T>(DbSession db, JobQuery query, long afterDoc, int take)
    {
        var engine = TextSearch.Of(db);
        var values = query.Parameters(engine);
        values.Add("After", afterDoc);
        values.Add("Take", take);
        return db.QueryAsync<T>(engine.BoardNewer, values);
    }

    /// <summary>Budget or deadline order without words, keyset-paged on the sort key and the id.</summary>
    private static async Task<SearchPage<T>> KeysetAsync<T>(DbSession db, JobQuery query, string? cursor, int limit) where T : ISearchedJob
    {
        var at = SearchCursor.Decode(cursor);
        var values = query.Parameters(TextSearch.Of(db));
        values.Add("Take", limit + 1);
        string sql;
        if (query.Order == JobSort.Budget)
        {
            var key = at as BudgetCursor;
            sql = query.Category is null ? JobQuery.BoardByBudget : JobQuery.BoardByBudgetInCategory;
            values.Add("KeyBudget", key?.Budget ?? long.MaxValue);
            values.Add("After", key?.Id ?? "~");
        }
        else
        {
            var key = at as DeadlineCursor;
            sql = query.Category is null ? JobQuery.BoardByDeadline : JobQuery.BoardByDeadlineInCategory;
            values.Add("KeyDeadline", key?.Deadline ?? DateTimeOffset.MinValue);
            values.Add("After", key?.Id ?? "");
        }
        var rows = await db.QueryAsync<T>(sql, values);
        if (rows.Count <= limit) return new SearchPage<T>(rows, null);
        var last = rows[limit - 1];
        SearchCursor next = query.Order == JobSort.Budget ? new BudgetCursor(last.BudgetMax, last.Id) : new DeadlineCursor(last.Deadline, last.Id);
        return new SearchPage<T>(rows.Take(limit).ToList(), next.Encode());
    }

    private static async Task<SearchPage<T>> OlderAsync<T>(DbSession db, JobQuery query, long before, int take) where T : ISearchedJob =>
        await Window.OlderAsync(before, take, (below, count) => NewestBelowAsync<T>(db, query, below, count), j => JobSearchIndex.DocId(j.Id));

    /// <summary>The jobs of one window page, by their doc ids.</summary>
    public const string ByDocIds = "SELECT j.* FROM job_search s JOIN job_details j ON j.id = s.job_id WHERE s.doc_id IN @DocIds";

    private static async Task<IReadOnlyList<T>> ByDocIdsAsync<T>(DbSession db, IReadOnlyList<long> docIds) where T : ISearchedJob
    {
        if (docIds.Count == 0) return [];
        var byDoc = (await db.QueryAsync<T>(ByDocIds, new { DocIds = docIds })).ToDictionary(j => JobSearchIndex.DocId(j.Id));
        return docIds.Where(byDoc.ContainsKey).Select(d => byDoc[d]).ToList();
    }

    /// <summary>A window's match: its sort keys (none from the relevance window without row filters) and its tokens, which relevance ranks.</summary>
    private sealed class WindowRow
    {
        public long DocId { get; init; }
        public long BudgetMax { get; init; }
        public DateTimeOffset Deadline { get; init; }
        public string Title { get; init; } = "";
        public string Body { get; init; } = "";
        public long TokenCount { get; init; }
    }
}
