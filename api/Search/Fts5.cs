using Marketplace.Platform;

namespace Marketplace.Search;

/// <summary>
/// The engine seam of search: everything that depends on SQLite's FTS5, and nothing else in the code does. Here a
/// token query (<see cref="SearchText.Phrase"/>s and facets) becomes a MATCH expression, every statement that reads an
/// FTS5 table is written, and BM25's inputs about the whole index are read (its size and average length from FTS5's
/// averages record, a term's document count from a MATCH). The tokens, the filters that are not words, the sorts, the
/// cursors, the ranking formula, the window and the snippets are the same on every engine: the other files of this folder.
///
/// Another engine supplies the same members: PostgreSQL a <c>tsvector</c> of the same tokens ('simple' configuration,
/// a GIN index, phrases with &lt;-&gt;, a prefix with :*), SQL Server a full-text index over the tokens column (CONTAINS
/// with phrases, a prefix with *) — the match expressions, the statements with the same parameters and columns, the
/// corpus statistics, and the writing of a profile's tokens. A job's tokens are written to <c>job_search</c>, a plain
/// table every engine shares; on SQLite the migrations' triggers carry them into FTS5.
/// </summary>
public static class Fts5
{
    // How a token query matches.

    /// <summary>The phrases as an FTS5 query, every one required; each is quoted, so nothing typed is read as FTS5 syntax.</summary>
    public static string Words(IReadOnlyList<SearchText.Phrase> phrases) => string.Join(" AND ", phrases.Select(Phrase));

    private static string Phrase(SearchText.Phrase phrase) => Quote(phrase.Tokens) + (phrase.Prefix ? " *" : "");

    private static string Quote(string token) => "\"" + token.Replace("\"", "\"\"") + "\"";

    /// <summary>
    /// @Match of the open board's statements (job_board_fts: open jobs only): facet tokens for the category and the
    /// region, the words in the title or description; 'open' (every row) only when nothing else is asked, since each list
    /// named is one more to walk. Members-only jobs are left out for whoever may not see them.
    /// </summary>
    public static string BoardMatch(JobQuery query)
    {
        var parts = new List<string>();
        if (query.Category is not null) parts.Add("facets : " + Quote("c" + query.Category.ToLowerInvariant()));
        if (query.RegionKey.Length > 0) parts.Add(RegionFacet(query.RegionKey));
        if (query.Words.Count > 0) parts.Add(TitleOrBody(query.Words));
        if (parts.Count == 0) parts.Add("facets : open");
        var match = string.Join(" AND ", parts);
        return query.SeesMembersOnly ? match : $"({match}) NOT facets : members";
    }

    /// <summary>@Words of <see cref="JobHasWords"/>: the words in the title or description; null without words.</summary>
    public static string? JobWords(JobQuery query) => query.Words.Count == 0 ? null : TitleOrBody(query.Words);

    private static string TitleOrBody(IReadOnlyList<SearchText.Phrase> words) => $"{{title body}} : ({Words(words)})";

    /// <summary>@Match of the profile statements (worker_fts): the region as a facet, the words in the bio, skills or region.</summary>
    public static string ProfileMatch(IReadOnlyList<SearchText.Phrase> words, string regionKey)
    {
        var parts = new List<string>();
        if (regionKey.Length > 0) parts.Add(RegionFacet(regionKey));
        if (words.Count > 0) parts.Add($"{{bio skills region}} : ({Words(words)})");
        return string.Join(" AND ", parts);
    }

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

    /// <summary>The open board, newest first: words and facets in @Match, the numbers and times on each matching row.</summary>
    public const string Board = $"""
        SELECT j.* FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN job_details j ON j.id = s.job_id
        WHERE job_board_fts MATCH @Match AND f.rowid < @Before
        {JobQuery.RowFilters}
        ORDER BY f.rowid DESC LIMIT @Take
        """;

    /// <summary>The newest @Window matches at or below @Top with the keys the sorts read: the budget and the deadline.</summary>
    public const string BoardWindow = $"""
        SELECT f.rowid AS doc_id, j.budget_max, j.deadline
        FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN jobs j ON j.id = s.job_id
        WHERE job_board_fts MATCH @Match AND f.rowid <= @Top
        {JobQuery.RowFilters}
        ORDER BY f.rowid DESC LIMIT @Window
        """;

    /// <summary>
    /// The relevance window when no filter needs the job's row: the index alone (a join per match would cost more than
    /// the ranking).
    /// </summary>
    public const string BoardCandidates = """
        SELECT f.rowid AS doc_id FROM job_board_fts f WHERE job_board_fts MATCH @Match AND f.rowid <= @Top
        ORDER BY f.rowid DESC LIMIT @Window
        """;

    /// <summary>How many match, counted to @CountTake: the count costs the same however many match.</summary>
    public const string BoardCount = $"""
        SELECT COUNT(*) FROM (
            SELECT 1 FROM job_board_fts f JOIN job_search s ON s.doc_id = f.rowid JOIN jobs j ON j.id = s.job_id
            WHERE job_board_fts MATCH @Match
            {JobQuery.RowFilters}
            ORDER BY f.rowid DESC LIMIT @CountTake)
        """;

    /// <summary>The count when every filter is a facet: the index alone.</summary>
    public const string BoardCountBare = """
        SELECT COUNT(*) FROM (SELECT 1 FROM job_board_fts f WHERE job_board_fts MATCH @Match ORDER BY f.rowid DESC LIMIT @CountTake)
        """;

    /// <summary>Open jobs above @After that match (a saved search's new jobs), newest first.</summary>
    public const string BoardNewer = $"""
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
        EXISTS (SELECT 1 FROM job_search s JOIN job_fts f ON f.rowid = s.doc_id WHERE s.job_id = j.id AND job_fts MATCH @Words)
        """;

    /// <summary>Profiles matching @Match (worker_fts; rowid from worker_search), newest in the index first.</summary>
    public const string Profiles = $"""
        SELECT f.rowid AS doc_id, s.worker_id
        FROM worker_fts f JOIN worker_search s ON s.doc_id = f.rowid JOIN worker_profiles p ON p.worker_id = s.worker_id
        WHERE worker_fts MATCH @Match AND f.rowid < @Before AND {WorkerSearch.HasSkill}
        ORDER BY f.rowid DESC LIMIT @Take
        """;

    /// <summary>The newest @Window matching profiles at or below @Top, with the tokens to rank them (worker_fts keeps them).</summary>
    public const string ProfileWindow = $"""
        SELECT f.rowid AS doc_id, s.worker_id, f.bio, f.skills, f.region
        FROM worker_fts f JOIN worker_search s ON s.doc_id = f.rowid JOIN worker_profiles p ON p.worker_id = s.worker_id
        WHERE worker_fts MATCH @Match AND f.rowid <= @Top AND {WorkerSearch.HasSkill}
        ORDER BY f.rowid DESC LIMIT @Window
        """;

    // BM25's inputs about the whole index. Relevance ranks the open board only, so its statistics are the open jobs'.

    /// <summary>FTS5's averages record (rowid 1 of job_board_fts_data): varints of the row count and each column's token total.</summary>
    public const string BoardTotals = "SELECT d.block FROM job_board_fts_data d WHERE d.id = 1";

    /// <summary>How many open jobs hold a phrase in the title or description.</summary>
    public const string BoardDocumentCount = "SELECT COUNT(*) FROM job_board_fts f WHERE job_board_fts MATCH @Phrase";

    /// <summary>The open board's size in jobs and the average job's length in tokens (title and description), each at least 1.</summary>
    public static async Task<Ranking.Corpus> BoardCorpusAsync(DbSession db)
    {
        var totals = Varints(await db.ExecuteScalarAsync<byte[]>(BoardTotals) ?? []);
        double documents = totals.Count > 0 ? Math.Max(1, totals[0]) : 1;
        var averageLength = totals.Count > 2 ? Math.Max(1, (totals[1] + totals[2]) / documents) : 1;
        return new Ranking.Corpus(documents, averageLength);
    }

    /// <summary>How many open jobs hold the phrase: it reads the phrase's whole posting list (cache it).</summary>
    public static Task<long> BoardDocumentCountAsync(DbSession db, SearchText.Phrase phrase) =>
        db.ExecuteScalarAsync<long>(BoardDocumentCount, new { Phrase = TitleOrBody([phrase]) });

    /// <summary>SQLite's varints (big-endian groups of 7 bits; a ninth byte of 8), as FTS5 writes its records.</summary>
    public static List<long> Varints(byte[] block)
    {
        var values = new List<long>();
        for (var i = 0; i < block.Length;)
        {
            long value = 0;
            var k = 0;
            for (; k < 8 && i < block.Length; k++)
            {
                var b = block[i++];
                value = (value << 7) | (uint)(b & 0x7F);
                if (b < 0x80) break;
            }
            if (k == 8 && i < block.Length) value = (value << 8) | block[i++];
            values.Add(value);
        }
        return values;
    }

    // Writing a profile's tokens: worker_fts holds its own copy of them (profiles are few and short).

    /// <summary>Takes a profile's tokens out of the index.</summary>
    public const string ForgetProfile = "DELETE FROM worker_fts WHERE rowid = @DocId";

    /// <summary>A profile's tokens (<see cref="WorkerSearchIndex.Row"/>) into the index.</summary>
    public const string IndexProfile = """
        INSERT INTO worker_fts (rowid, bio, skills, region, facets) VALUES (@DocId, @Bio, @Skills, @Region, @Facets)
        """;
}
