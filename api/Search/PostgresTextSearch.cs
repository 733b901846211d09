using Dapper;
using Marketplace.Platform;

namespace Marketplace.Search;

/// <summary>
/// PostgreSQL's <see cref="TextSearch"/>: each full-text table (migrations 0009 and 0015) keeps a <c>tsvector</c> of the
/// API's tokens exactly as written (<c>search_vector()</c>: one lexeme per token, no parser of PostgreSQL's own), under
/// a GIN index, with FTS5's columns as weights: a job's title A, description B, facets D; a profile's bio A, skills B,
/// region C, facets D. A query is <c>tsquery</c> text made here and cast (<c>CAST(@Match AS tsquery)</c>), never
/// re-parsed by <c>to_tsquery</c>: a phrase of tokens is <c>'x':AB &lt;-&gt; 'y':AB</c>, a prefix <c>'x':*AB</c>, a facet
/// <c>'copen':D</c>, AND is <c>&amp;</c> and NOT <c>!</c>. A phrase matches as FTS5's does: its tokens at consecutive
/// positions of one column (each column's positions start one past the previous column's last, so none is adjacent
/// across two columns).
/// </summary>
[SqlFor(DatabaseEngine.Postgres)]
public sealed class PostgresTextSearch : TextSearch
{
    public static readonly PostgresTextSearch Engine = new();

    private PostgresTextSearch() { }

    // How a token query matches.

    /// <summary>A lexeme as tsquery text reads it: quoted, a quote doubled and a backslash escaped.</summary>
    public static string Lexeme(string token) => "'" + token.Replace("\\", "\\\\").Replace("'", "''") + "'";

    /// <summary>
    /// The phrases as a tsquery, every one required, each in the columns of <paramref name="weights"/> (FTS5's column
    /// filter): the tokens of a phrase follow each other (&lt;-&gt;), a prefix phrase (one token) begins a token (:*).
    /// </summary>
    public static string Words(IReadOnlyList<SearchText.Phrase> phrases, string weights) =>
        string.Join(" & ", phrases.Select(p => "(" + Phrase(p, weights) + ")"));

    private static string Phrase(SearchText.Phrase phrase, string weights) =>
        phrase.Prefix
            ? Lexeme(phrase.Tokens) + ":*" + weights
            : string.Join(" <-> ", phrase.Tokens.Split(' ').Select(t => Lexeme(t) + ":" + weights));

    private static string Facet(string token) => Lexeme(token) + ":D";

    /// <summary>A region as FTS5's query reads it (<see cref="Fts5"/>): a prefecture or a whole region one facet, any other beginning a prefix.</summary>
    private static string RegionFacet(string regionKey) =>
        SearchText.Prefecture(regionKey) == regionKey ? Facet("r" + regionKey) : Lexeme("r" + regionKey) + ":*D";

    /// <summary>@Match of the board's statements, as <see cref="Fts5.BoardMatch"/>.</summary>
    public static string BoardMatch(JobQuery query)
    {
        var parts = new List<string>();
        if (query.Category is not null) parts.Add(Facet("c" + query.Category.ToLowerInvariant()));
        if (query.RegionKey.Length > 0) parts.Add(RegionFacet(query.RegionKey));
        if (BudgetBands.Below(query.MinBudget) is { } band) parts.Add(Facet(BudgetBands.Token(band)));
        if (query.Words.Count > 0) parts.Add(Words(query.Words, "AB"));
        if (parts.Count == 0) parts.Add(Facet("open"));
        var match = string.Join(" & ", parts);
        return query.SeesMembersOnly ? match : $"({match}) & !{Facet("members")}";
    }

    public override void AddJobMatch(DynamicParameters values, JobQuery query) =>
        values.AddDynamicParams(new { Match = BoardMatch(query), Words = query.Words.Count == 0 ? null : Words(query.Words, "AB") });

    /// <summary>@Match of the profile statements: the region as a facet, the words in the bio, skills or region (weights A, B, C).</summary>
    public static string ProfileMatch(IReadOnlyList<SearchText.Phrase> words, string regionKey)
    {
        var parts = new List<string>();
        if (regionKey.Length > 0) parts.Add(RegionFacet(regionKey));
        if (words.Count > 0) parts.Add(Words(words, "ABC"));
        return string.Join(" & ", parts);
    }

    public override void AddProfileMatch(DynamicParameters values, IReadOnlyList<SearchText.Phrase> words, string regionKey) =>
        values.Add("Match", ProfileMatch(words, regionKey));

    // The statements, as FTS5's (Fts5): the same parameters and columns, the match a GIN index read.

    public const string BoardSql = $"""
        SELECT j.* FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN job_details j ON j.id = s.job_id
        WHERE f.terms @@ CAST(@Match AS tsquery) AND f.rowid < @Before
        {JobQuery.RowFilters}
        ORDER BY f.rowid DESC LIMIT @Take
        """;

    public const string BoardWindowSql = $"""
        SELECT f.rowid AS doc_id, j.budget_max, j.deadline, s.title, s.body, s.token_count
        FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN jobs j ON j.id = s.job_id
        WHERE f.terms @@ CAST(@Match AS tsquery) AND f.rowid <= @Top
        {JobQuery.RowFilters}
        ORDER BY f.rowid DESC LIMIT @Window
        """;

    /// <summary>
    /// The window first, then its search rows by key: joined in one level, PostgreSQL interleaves the two and took
    /// 8–13 ms for 翻訳's window at 100,000 jobs against 4–8 ms this way (docs/measurements.md).
    /// </summary>
    public const string BoardCandidatesSql = """
        SELECT w.doc_id, s.title, s.body, s.token_count
        FROM (SELECT f.rowid AS doc_id FROM job_board_fts f WHERE f.terms @@ CAST(@Match AS tsquery) AND f.rowid <= @Top
              ORDER BY f.rowid DESC LIMIT @Window) AS w
        JOIN job_search s ON s.doc_id = w.doc_id
        ORDER BY w.doc_id DESC
        """;

    public const string BoardCountSql = $"""
        SELECT COUNT(*) FROM (
            SELECT f.rowid FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN jobs j ON j.id = s.job_id
            WHERE f.terms @@ CAST(@Match AS tsquery)
            {JobQuery.RowFilters}
            ORDER BY f.rowid DESC LIMIT @CountTake) AS m
        """;

    public const string BoardCountBareSql = """
        SELECT COUNT(*) FROM (
            SELECT f.rowid FROM job_board_fts f WHERE f.terms @@ CAST(@Match AS tsquery) ORDER BY f.rowid DESC LIMIT @CountTake) AS m
        """;

    public const string BoardNewerSql = $"""
        SELECT f.rowid AS doc_id, j.id, j.title
        FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN jobs j ON j.id = s.job_id
        WHERE f.terms @@ CAST(@Match AS tsquery) AND f.rowid > @After
        {JobQuery.RowFilters}
        ORDER BY f.rowid DESC LIMIT @Take
        """;

    /// <summary>Whether job <c>j</c> holds @Words (null: no words asked), in job_fts, which indexes every job.</summary>
    public const string JobHasWords = """
        (@Words IS NULL OR EXISTS (
            SELECT 1 FROM job_search s JOIN job_fts f ON f.rowid = s.doc_id WHERE s.job_id = j.id AND f.terms @@ CAST(@Words AS tsquery)))
        """;

    public const string JobsOfBusinessSql = $"""
        SELECT j.* FROM job_details j
        WHERE j.business_id = @BusinessId AND j.id < @After
          AND (j.status = @Status OR @Status IS NULL) AND (j.status <> 'open' OR @WithOpen = TRUE)
        {JobQuery.Filters}
          AND {JobHasWords}
        ORDER BY j.id DESC LIMIT @Take
        """;

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
        WHERE f.terms @@ CAST(@Match AS tsquery) AND f.rowid < @Before AND {WorkerSearch.Filters}
        ORDER BY f.rowid DESC LIMIT @Take
        """;

    public const string ProfileWindowSql = $"""
        SELECT f.rowid AS doc_id, s.worker_id, f.bio, f.skills, f.region
        FROM worker_fts f JOIN worker_search s ON s.doc_id = f.rowid JOIN worker_profiles p ON p.worker_id = s.worker_id
        WHERE f.terms @@ CAST(@Match AS tsquery) AND f.rowid <= @Top AND {WorkerSearch.Filters}
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

    public const string BoardDocumentCount = "SELECT COUNT(*) FROM job_board_fts f WHERE f.terms @@ CAST(@Phrase AS tsquery)";

    public override Task<long> BoardDocumentCountAsync(DbSession db, SearchText.Phrase phrase) =>
        db.ExecuteScalarAsync<long>(BoardDocumentCount, new { Phrase = Words([phrase], "AB") });
}
