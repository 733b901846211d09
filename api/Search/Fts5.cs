using Dapper;
using Marketplace.Platform;

namespace Marketplace.Search;

/// <summary>
/// SQLite's <see cref="TextSearch"/>: FTS5 tables (the 'ascii' tokenizer, which splits on the spaces the API wrote). A
/// token query becomes a MATCH expression with column filters, and a term's document count is a MATCH. A job's tokens are written to
/// <c>job_search</c>, a plain table every engine shares; the migrations' triggers carry them into FTS5.
/// </summary>
[SqlFor(DatabaseEngine.Sqlite)]
public sealed class Fts5 : TextSearch
{
    public static readonly Fts5 Engine = new();

    private Fts5() { }

    // How a token query matches.

    /// <summary>The phrases as an FTS5 query, every one required; each is quoted, so nothing typed is read as FTS5 syntax.</summary>
    public static string Words(IReadOnlyList<SearchText.Phrase> phrases) => string.Join(" AND ", phrases.Select(Phrase));

    private static string Phrase(SearchText.Phrase phrase) => Quote(phrase.Tokens) + (phrase.Prefix ? " *" : "");

    private static string Quote(string token) => "\"" + token.Replace("\"", "\"\"") + "\"";

    /// <summary>
    /// @Match of the open board's statements (job_board_fts: open jobs only): facet tokens for the category, the region
    /// and the budget band below a minimum budget (<see cref="BudgetBands"/>), the words in the title or description; 'open' (every row) only when nothing else is asked, since each list
    /// named is one more to walk. Members-only jobs are left out for whoever may not see them.
    /// </summary>
    public static string BoardMatch(JobQuery query)
    {
        var parts = new List<string>();
        if (query.Category is not null) parts.Add("facets : " + Quote("c" + query.Category.ToLowerInvariant()));
        if (query.RegionKey.Length > 0) parts.Add(RegionFacet(query.RegionKey));
        if (BudgetBands.Below(query.MinBudget) is { } band) parts.Add("facets : " + Quote(BudgetBands.Token(band)));
        if (query.Words.Count > 0) parts.Add(TitleOrBody(query.Words));
        if (parts.Count == 0) parts.Add("facets : open");
        var match = string.Join(" AND ", parts);
        return query.SeesMembersOnly ? match : $"({match}) NOT facets : members";
    }

    /// <summary>@Words of <see cref="JobHasWords"/>: the words in the title or description; null without words.</summary>
    public static string? JobWords(JobQuery query) => query.Words.Count == 0 ? null : TitleOrBody(query.Words);

    public override void AddJobMatch(DynamicParameters values, JobQuery query) =>
        values.AddDynamicParams(new { Match = BoardMatch(query), Words = JobWords(query) });

    private static string TitleOrBody(IReadOnlyList<SearchText.Phrase> words) => $"{{title body}} : ({Words(words)})";

    /// <summary>@Match of the profile statements (worker_fts): the region as a facet, the words in the bio, skills or region.</summary>
    public static string ProfileMatch(IReadOnlyList<SearchText.Phrase> words, string regionKey)
    {
        var parts = new List<string>();
        if (regionKey.Length > 0) parts.Add(RegionFacet(regionKey));
        if (words.Count > 0) parts.Add($"{{bio skills region}} : ({Words(words)})");
        return string.Join(" AND ", parts);
    }

    public override void AddProfileMatch(DynamicParameters values, IReadOnlyList<SearchText.Phrase> words, string regionKey) =>
        values.Add("Match", ProfileMatch(words, regionKey));

    /// <summary>
    /// The filter on a normalised region (<see cref="SearchText.RegionKey"/>) over the facets r&lt;prefecture&gt; and
    /// r&lt;region&gt; (<see cref="SearchText.RegionKeys"/>): a prefecture is one token, one posting list; any other
    /// beginning of a region is a prefix search, which merges the lists of every region it begins.
    /// </summary>
    private static string RegionFacet(string regionKey) =>
        SearchText.Prefecture(regionKey) == regionKey ? $"facets : {Quote("r" + regionKey)}" : $"facets : {Quote("r" + regionKey)} *";

    // The statements that read the index. The open board's index job_board_fts holds the open jobs, its rowid the
    // job's doc id (JobSearchIndex.DocId): rowid order is id order, so a page reads the posting lists newest first
    // and stops after its rows.

    public const string BoardSql = $"""
        SELECT j.* FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN job_details j ON j.id = s.job_id
        WHERE job_board_fts MATCH @Match AND f.rowid < @Before
        {JobQuery.RowFilters}
        ORDER BY f.rowid DESC LIMIT @Take
        """;

    public const string BoardWindowSql = $"""
        SELECT f.rowid AS doc_id, j.budget_max, j.deadline, s.title, s.body, s.token_count
        FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN jobs j ON j.id = s.job_id
        WHERE job_board_fts MATCH @Match AND f.rowid <= @Top
        {JobQuery.RowFilters}
        ORDER BY f.rowid DESC LIMIT @Window
        """;

    /// <summary>The index and each match's search row (its tokens, which ranking reads), no job row.</summary>
    public const string BoardCandidatesSql = """
        SELECT f.rowid AS doc_id, s.title, s.body, s.token_count
        FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid
        WHERE job_board_fts MATCH @Match AND f.rowid <= @Top
        ORDER BY f.rowid DESC LIMIT @Window
        """;

    /// <summary>The count costs the same however many match: it stops at @CountTake.</summary>
    public const string BoardCountSql = $"""
        SELECT COUNT(*) FROM (
            SELECT f.rowid FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN jobs j ON j.id = s.job_id
            WHERE job_board_fts MATCH @Match
            {JobQuery.RowFilters}
            ORDER BY f.rowid DESC LIMIT @CountTake)
        """;

    public const string BoardCountBareSql = """
        SELECT COUNT(*) FROM (SELECT f.rowid FROM job_board_fts f WHERE job_board_fts MATCH @Match ORDER BY f.rowid DESC LIMIT @CountTake)
        """;

    public const string BoardNewerSql = $"""
        SELECT f.rowid AS doc_id, j.id, j.title
        FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN jobs j ON j.id = s.job_id
        WHERE job_board_fts MATCH @Match AND f.rowid > @After
        {JobQuery.RowFilters}
        ORDER BY f.rowid DESC LIMIT @Take
        """;

    /// <summary>
    /// Whether job <c>j</c> holds @Words, for statements that read a jobs index rather than the board's (the caller's
    /// own jobs in every status): <c>job_fts</c> indexes every job, its rowid the doc id.
    /// </summary>
    public const string JobHasWords = """
        (@Words IS NULL OR EXISTS (SELECT 1 FROM job_search s JOIN job_fts f ON f.rowid = s.doc_id WHERE s.job_id = j.id AND job_fts MATCH @Words))
        """;

    /// <summary>A business's own jobs, on ix_jobs_business (business_id, id).</summary>
    public const string JobsOfBusinessSql = $"""
        SELECT j.* FROM job_details j
        WHERE j.business_id = @BusinessId AND j.id < @After
          AND (j.status = @Status OR @Status IS NULL) AND (j.status <> 'open' OR @WithOpen = TRUE)
        {JobQuery.Filters}
          AND {JobHasWords}
        ORDER BY j.id DESC LIMIT @Take
        """;

    /// <summary>
    /// The jobs a worker bid on, walking ix_bids_worker_job (worker_id, job_id) backwards, one row per job (its latest
    /// bid; a withdrawn bid and a new one are two rows): a page stops after its rows however many jobs the worker bid on.
    /// </summary>
    public const string JobsBidOnBySql = $"""
        SELECT j.* FROM bids b JOIN job_details j ON j.id = b.job_id
        WHERE b.worker_id = @Me AND b.job_id < @After
          AND NOT EXISTS (SELECT 1 FROM bids later WHERE later.worker_id = b.worker_id AND later.job_id = b.job_id AND later.id > b.id)
          AND (j.status = @Status OR @Status IS NULL) AND (j.status <> 'open' OR @WithOpen = TRUE)
        {JobQuery.Filters}
          AND {JobHasWords}
        ORDER BY b.job_id DESC LIMIT @Take
        """;

    public const string ProfilesSql = $"""
        SELECT f.rowid AS doc_id, s.worker_id
        FROM worker_fts f JOIN worker_search s ON s.doc_id = f.rowid JOIN worker_profiles p ON p.worker_id = s.worker_id
        WHERE worker_fts MATCH @Match AND f.rowid < @Before AND {WorkerSearch.Filters}
        ORDER BY f.rowid DESC LIMIT @Take
        """;

    /// <summary>worker_fts keeps the tokens that rank a profile.</summary>
    public const string ProfileWindowSql = $"""
        SELECT f.rowid AS doc_id, s.worker_id, f.bio, f.skills, f.region
        FROM worker_fts f JOIN worker_search s ON s.doc_id = f.rowid JOIN worker_profiles p ON p.worker_id = s.worker_id
        WHERE worker_fts MATCH @Match AND f.rowid <= @Top AND {WorkerSearch.Filters}
        ORDER BY f.rowid DESC LIMIT @Window
        """;

    public override string Board => BoardSql;
    public override string BoardWindow => BoardWindowSql;
    public override string BoardCandidates => BoardCandidatesSql;
    public override string BoardCount => BoardCountSql;
    public override string BoardCountBare => BoardCountBareSql;
    public override string BoardNewer => BoardNewerSql;
    public override string JobsOfBusiness => JobsOfBusinessSql;
    public override string JobsBidOnBy => JobsBidOnBySql;
    public override string Profiles => ProfilesSql;
    public override string ProfileWindow => ProfileWindowSql;

    // BM25's document count of a term (the board's totals are the same on every engine: Ranking.BoardTotals).

    public const string BoardDocumentCount = "SELECT COUNT(*) FROM job_board_fts f WHERE job_board_fts MATCH @Phrase";

    public override Task<long> BoardDocumentCountAsync(DbSession db, SearchText.Phrase phrase) =>
        db.ExecuteScalarAsync<long>(BoardDocumentCount, new { Phrase = TitleOrBody([phrase]) });
}
