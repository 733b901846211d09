using Dapper;
using Marketplace.Platform;

namespace Marketplace.Search;

/// <summary>
/// SQL Server's <see cref="TextSearch"/>: full-text indexes (migrations 0009 and 0015: the neutral word breaker,
/// LANGUAGE 0, no stoplist) over the same columns as FTS5's tables, holding the API's tokens separated by spaces. A
/// query is CONTAINS search conditions made here (Microsoft's "CONTAINS (Transact-SQL)"): a phrase of tokens
/// <c>"らべ べる"</c>, a prefix <c>"あ*"</c> (a prefix term must be quoted), a facet <c>"copen"</c>; a double quote in a
/// token is doubled.
///
/// What the statements hold, and why:
/// <list type="bullet">
/// <item>Each phrase is its own <c>CONTAINS((f.title, f.body), @WordN)</c>, every one required. FTS5's
/// <c>{title body} : ("x" AND "y")</c> finds x in the title and y in the description; one CONTAINS over a column list
/// with <c>"x" AND "y"</c> is not documented to do that across columns, so each phrase is checked on its own.</item>
/// <item>A query has at most <see cref="SearchText.MaxTerms"/> phrases: the statements hold that many slots, each
/// <c>(@WordCount &lt; N OR CONTAINS(…, @WordN))</c>. An unused slot still gets a valid condition, since SQL Server
/// refuses a NULL or empty full-text predicate whether or not the OR needs it.</item>
/// <item>The facets are one column: one CONTAINS with AND and AND NOT, as FTS5's facet filters. The board's facets always
/// hold <c>open</c>, so its condition is never empty; a profile's facets are empty without a region, so that CONTAINS is
/// behind @HasRegion.</item>
/// </list>
/// Unverified here (no SQL Server runs on the machines that build this; the statements are checked by Microsoft's T-SQL
/// parser only): that the neutral word breaker keeps each of the API's tokens (CJK bigrams, <c>r秋田県湯沢市</c>) as one
/// word, and the index's population latency (CHANGE_TRACKING = AUTO: a write is found a moment after it commits, not
/// inside its transaction). docs/search.md says so.
/// </summary>
[SqlFor(DatabaseEngine.SqlServer)]
public sealed class SqlServerFullText : TextSearch
{
    public static readonly SqlServerFullText Engine = new();

    private SqlServerFullText() { }

    /// <summary>What an unused slot is given: any valid condition (the slot's flag already decides).</summary>
    private const string Unused = "\"0\"";

    // How a token query matches.

    /// <summary>A phrase as a CONTAINS search condition: the tokens quoted as a phrase, a prefix with * inside the quotes.</summary>
    public static string Phrase(SearchText.Phrase phrase) => "\"" + phrase.Tokens.Replace("\"", "\"\"") + (phrase.Prefix ? "*" : "") + "\"";

    private static string Quote(string token) => "\"" + token.Replace("\"", "\"\"") + "\"";

    private static string RegionFacet(string regionKey) =>
        SearchText.Prefecture(regionKey) == regionKey ? Quote("r" + regionKey) : Quote("r" + regionKey + "*");

    /// <summary>@WordCount and @Word1 … @Word8: each phrase in its slot, the unused slots a valid condition.</summary>
    private static void AddWords(DynamicParameters values, IReadOnlyList<SearchText.Phrase> words)
    {
        if (words.Count > SearchText.MaxTerms) throw new ArgumentException($"At most {SearchText.MaxTerms} phrases are searched.", nameof(words));
        values.Add("WordCount", words.Count);
        for (var i = 0; i < SearchText.MaxTerms; i++) values.Add("Word" + (i + 1), i < words.Count ? Phrase(words[i]) : Unused);
    }

    /// <summary>@Match of the board's statements: the facets (category, region, budget band, 'open' when none), members-only jobs left out unless seen.</summary>
    public static string BoardFacets(JobQuery query)
    {
        var parts = new List<string>();
        if (query.Category is not null) parts.Add(Quote("c" + query.Category.ToLowerInvariant()));
        if (query.RegionKey.Length > 0) parts.Add(RegionFacet(query.RegionKey));
        if (BudgetBands.Below(query.MinBudget) is { } band) parts.Add(Quote(BudgetBands.Token(band)));
        if (parts.Count == 0) parts.Add(Quote("open"));
        var match = string.Join(" AND ", parts);
        return query.SeesMembersOnly ? match : match + " AND NOT " + Quote("members");
    }

    public override void AddJobMatch(DynamicParameters values, JobQuery query)
    {
        values.Add("Match", BoardFacets(query));
        AddWords(values, query.Words);
    }

    public override void AddProfileMatch(DynamicParameters values, IReadOnlyList<SearchText.Phrase> words, string regionKey)
    {
        values.Add("HasRegion", regionKey.Length > 0);
        values.Add("Match", regionKey.Length > 0 ? RegionFacet(regionKey) : Unused);
        AddWords(values, words);
    }

    /// <summary>Every phrase in the title or description of <c>f</c> (job_fts or job_board_fts).</summary>
    public const string TitleOrBody = """
          AND (@WordCount < 1 OR CONTAINS((f.title, f.body), @Word1))
          AND (@WordCount < 2 OR CONTAINS((f.title, f.body), @Word2))
          AND (@WordCount < 3 OR CONTAINS((f.title, f.body), @Word3))
          AND (@WordCount < 4 OR CONTAINS((f.title, f.body), @Word4))
          AND (@WordCount < 5 OR CONTAINS((f.title, f.body), @Word5))
          AND (@WordCount < 6 OR CONTAINS((f.title, f.body), @Word6))
          AND (@WordCount < 7 OR CONTAINS((f.title, f.body), @Word7))
          AND (@WordCount < 8 OR CONTAINS((f.title, f.body), @Word8))
        """;

    /// <summary>Every phrase in the bio, skills or region of profile <c>f</c> (worker_fts).</summary>
    public const string InProfile = """
          AND (@WordCount < 1 OR CONTAINS((f.bio, f.skills, f.region), @Word1))
          AND (@WordCount < 2 OR CONTAINS((f.bio, f.skills, f.region), @Word2))
          AND (@WordCount < 3 OR CONTAINS((f.bio, f.skills, f.region), @Word3))
          AND (@WordCount < 4 OR CONTAINS((f.bio, f.skills, f.region), @Word4))
          AND (@WordCount < 5 OR CONTAINS((f.bio, f.skills, f.region), @Word5))
          AND (@WordCount < 6 OR CONTAINS((f.bio, f.skills, f.region), @Word6))
          AND (@WordCount < 7 OR CONTAINS((f.bio, f.skills, f.region), @Word7))
          AND (@WordCount < 8 OR CONTAINS((f.bio, f.skills, f.region), @Word8))
        """;

    // The statements, as FTS5's (Fts5): the same parameters and columns.

    public const string BoardSql = $"""
        SELECT j.* FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN job_details j ON j.id = s.job_id
        WHERE CONTAINS(f.facets, @Match) AND f.rowid < @Before
        {TitleOrBody}
        {JobQuery.RowFilters}
        ORDER BY f.rowid DESC LIMIT @Take
        """;

    public const string BoardWindowSql = $"""
        SELECT f.rowid AS doc_id, j.budget_max, j.deadline, s.title, s.body, s.token_count
        FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN jobs j ON j.id = s.job_id
        WHERE CONTAINS(f.facets, @Match) AND f.rowid <= @Top
        {TitleOrBody}
        {JobQuery.RowFilters}
        ORDER BY f.rowid DESC LIMIT @Window
        """;

    public const string BoardCandidatesSql = $"""
        SELECT f.rowid AS doc_id, s.title, s.body, s.token_count
        FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid
        WHERE CONTAINS(f.facets, @Match) AND f.rowid <= @Top
        {TitleOrBody}
        ORDER BY f.rowid DESC LIMIT @Window
        """;

    public const string BoardCountSql = $"""
        SELECT COUNT(*) FROM (
            SELECT f.rowid FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN jobs j ON j.id = s.job_id
            WHERE CONTAINS(f.facets, @Match)
            {TitleOrBody}
            {JobQuery.RowFilters}
            ORDER BY f.rowid DESC LIMIT @CountTake) AS m
        """;

    public const string BoardCountBareSql = $"""
        SELECT COUNT(*) FROM (
            SELECT f.rowid FROM job_board_fts f WHERE CONTAINS(f.facets, @Match)
            {TitleOrBody}
            ORDER BY f.rowid DESC LIMIT @CountTake) AS m
        """;

    public const string BoardNewerSql = $"""
        SELECT f.rowid AS doc_id, j.id, j.title
        FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN jobs j ON j.id = s.job_id
        WHERE CONTAINS(f.facets, @Match) AND f.rowid > @After
        {TitleOrBody}
        {JobQuery.RowFilters}
        ORDER BY f.rowid DESC LIMIT @Take
        """;

    /// <summary>Whether job <c>j</c> holds the words (none asked: every job), in job_fts, which indexes every job.</summary>
    public const string JobHasWords = $"""
        (@WordCount = 0 OR EXISTS (
            SELECT 1 FROM job_search s JOIN job_fts f ON f.rowid = s.doc_id WHERE s.job_id = j.id
            {TitleOrBody}))
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
        WHERE (@HasRegion = FALSE OR CONTAINS(f.facets, @Match)) AND f.rowid < @Before AND {WorkerSearch.Filters}
        {InProfile}
        ORDER BY f.rowid DESC LIMIT @Take
        """;

    public const string ProfileWindowSql = $"""
        SELECT f.rowid AS doc_id, s.worker_id, f.bio, f.skills, f.region
        FROM worker_fts f JOIN worker_search s ON s.doc_id = f.rowid JOIN worker_profiles p ON p.worker_id = s.worker_id
        WHERE (@HasRegion = FALSE OR CONTAINS(f.facets, @Match)) AND f.rowid <= @Top AND {WorkerSearch.Filters}
        {InProfile}
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

    public const string BoardDocumentCount = "SELECT COUNT_BIG(*) FROM job_board_fts f WHERE CONTAINS((f.title, f.body), @Phrase)";

    public override Task<long> BoardDocumentCountAsync(DbSession db, SearchText.Phrase phrase) =>
        db.ExecuteScalarAsync<long>(BoardDocumentCount, new { Phrase = Phrase(phrase) });
}
