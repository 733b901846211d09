using Dapper;
using Marketplace.Platform;

namespace Marketplace.Search;

/// <summary>
/// Writes a job's search tokens (<see cref="SearchText"/>) and its length in tokens into <c>job_search</c>, inside the
/// caller's transaction; the database's triggers carry them, with the job's facets, into the full-text indexes, and the
/// length into the open board's totals (<c>job_board_totals</c>, migration 0046).
/// </summary>
public static class JobSearchIndex
{
    /// <summary>
    /// The job's full-text rowid: the first 60 bits of its UUIDv7 id without the version digit (48 bits of milliseconds
    /// and the 12 bits after them), so that ordering by rowid orders by id, the key every job listing pages on.
    /// Two jobs made in the same millisecond with the same 12 bits would collide: <see cref="IsTakenAsync"/> lets the
    /// poster draw another id.
    /// </summary>
    public static long DocId(string jobId)
    {
        if (jobId.Length != 32 || !jobId.All(char.IsAsciiHexDigit))
            throw new ArgumentException("A job id is 32 hexadecimal digits.", nameof(jobId));
        return Convert.ToInt64(string.Concat(jobId.AsSpan(0, 12), jobId.AsSpan(13, 3)), 16);
    }

    /// <summary>The rowid bound for <c>rowid &lt; @Before</c> from a keyset cursor's job id (or above every job).</summary>
    public static long Before(string? afterId) => afterId is { Length: 32 } id && id.All(char.IsAsciiHexDigit) ? DocId(id) : long.MaxValue;

    /// <summary>
    /// A new job's id, drawn inside the command's write transaction (begun by the first statement here), so that on one
    /// instance rowids follow commit order: a saved-search run never meets a later commit with a lower rowid than it saw.
    /// Normally the id is later than every indexed job; with a clock behind another instance's, unique is enough.
    /// </summary>
    public static async Task<string> DrawJobIdAsync(DbSession db)
    {
        var newest = await db.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(s.doc_id), 0) FROM job_search s");
        for (var attempt = 0; ; attempt++)
        {
            var id = TimeOrderedId.New();
            if (DocId(id) > newest) return id;
            if (attempt >= 3 && !await IsTakenAsync(db, id)) return id;
        }
    }

    public static async Task<bool> IsTakenAsync(DbSession db, string jobId) =>
        await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM job_search WHERE doc_id = @DocId", new { DocId = DocId(jobId) }) > 0;

    public const string InsertSql = """
        INSERT INTO job_search (doc_id, job_id, title, body, region_key, token_count) VALUES (@DocId, @JobId, @Title, @Body, @RegionKey, @TokenCount)
        """;

    public static Task WriteAsync(DbSession db, string jobId, string title, string description, string? region) =>
        db.ExecuteAsync(InsertSql, Row(jobId, title, description, region));

    /// <summary>A job's search row: its tokens, its region's keys, and its length in tokens, which BM25 reads without the text.</summary>
    public static object Row(string jobId, string title, string description, string? region)
    {
        var (titleTokens, bodyTokens) = (SearchText.IndexTokens(title), SearchText.IndexTokens(description));
        return new
        {
            DocId = DocId(jobId), JobId = jobId, Title = titleTokens, Body = bodyTokens, RegionKey = SearchText.RegionKeys(region),
            TokenCount = SearchText.TokenCount(titleTokens) + SearchText.TokenCount(bodyTokens),
        };
    }

    private sealed record Unindexed(string Id, string Title, string Description, string? Region);

    /// <summary>
    /// Indexes the jobs that have no search row: those written before the index existed (migration 0009 cannot tokenise
    /// in SQL). Runs at start-up after the migrations.
    /// </summary>
    public static async Task<int> BackfillAsync(Db database)
    {
        await using var connection = await database.OpenAsync();
        // Whether any job lacks its row, from two counts that read only an index: every job since 0009 gets its row in its
        // own transaction and job_search holds at most one per job (ux_job_search_job, a key to jobs), so equal counts
        // mean none is missing. Looking for the missing ones reads every job's whole row: at a million jobs that was
        // ~3.5 s of every start-up (~16 s from a cold disk), the counts ~0.1 s (~3 s cold; bench/board-*.db).
        if (await connection.ExecuteScalarAsync<long>(
                "SELECT CASE WHEN (SELECT COUNT(*) FROM jobs) > (SELECT COUNT(*) FROM job_search) THEN 1 ELSE 0 END") == 0) return 0;
        var missing = (await connection.QueryAsync<Unindexed>(
            "SELECT j.id, j.title, j.description, j.region FROM jobs j WHERE NOT EXISTS (SELECT 1 FROM job_search s WHERE s.job_id = j.id)")).AsList();
        if (missing.Count == 0) return 0;
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var job in missing)
            await connection.ExecuteAsync(InsertSql, Row(job.Id, job.Title, job.Description, job.Region), transaction);
        await transaction.CommitAsync();
        return missing.Count;
    }
}
