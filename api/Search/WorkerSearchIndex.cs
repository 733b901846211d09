using Dapper;
using Marketplace.Platform;

namespace Marketplace.Search;

/// <summary>
/// Writes a worker profile's search tokens into the index (<see cref="IndexProfile"/>), inside the caller's
/// transaction, with the job search's tokeniser (<see cref="SearchText"/>): the bio, the skills, the region's words, and
/// the region's facet keys (<c>r&lt;prefecture&gt; r&lt;region&gt;</c>) for the region filter. A profile's doc id is its
/// row in <c>worker_search</c>. <c>worker_fts</c> has these columns on every engine (an FTS5 table on SQLite; on
/// PostgreSQL its <c>tsvector</c> is made from them, on SQL Server its full-text index reads them), so writing is shared.
/// </summary>
public static class WorkerSearchIndex
{
    internal const string DocIdSql = "SELECT s.doc_id FROM worker_search s WHERE s.worker_id = @WorkerId";
    internal const string NewDocSql = "INSERT INTO worker_search (worker_id) VALUES (@WorkerId)";

    /// <summary>Takes a profile's tokens out of the index.</summary>
    public const string ForgetProfile = "DELETE FROM worker_fts WHERE rowid = @DocId";

    /// <summary>A profile's tokens (<see cref="Row"/>) into the index: worker_fts holds its own copy (profiles are few and short).</summary>
    public const string IndexProfile = """
        INSERT INTO worker_fts (rowid, bio, skills, region, facets) VALUES (@DocId, @Bio, @Skills, @Region, @Facets)
        """;

    /// <summary>The tokens of one profile, as the index stores them.</summary>
    public static object Row(long docId, string bio, IEnumerable<string> skills, string? region) => new
    {
        DocId = docId,
        Bio = SearchText.IndexTokens(bio),
        // Each skill on its own: a space ends a CJK run, so no bigram spans two skills.
        Skills = SearchText.IndexTokens(string.Join(' ', skills)),
        Region = SearchText.IndexTokens(region),
        Facets = Facets(region),
    };

    /// <summary>r&lt;prefecture&gt; and r&lt;region&gt;, as job_board_content spells a job's region facets.</summary>
    public static string Facets(string? region)
    {
        var keys = SearchText.RegionKeys(region);
        return keys.Length == 0 ? "" : string.Join(' ', keys.Split(' ').Select(k => "r" + k));
    }

    /// <summary>Replaces the worker's tokens (the profile was just written in the same transaction).</summary>
    public static async Task WriteAsync(DbSession db, string workerId, string bio, IEnumerable<string> skills, string? region)
    {
        // The profile's upsert came first, so this transaction already holds SQLite's write lock: no one else makes the row.
        var docId = await db.ExecuteScalarAsync<long?>(DocIdSql, new { WorkerId = workerId });
        if (docId is null)
        {
            await db.ExecuteAsync(NewDocSql, new { WorkerId = workerId });
            docId = await db.ExecuteScalarAsync<long>(DocIdSql, new { WorkerId = workerId });
        }
        await db.ExecuteAsync(ForgetProfile, new { DocId = docId });
        await db.ExecuteAsync(IndexProfile, Row(docId.Value, bio, skills, region));
    }

    private sealed record Unindexed(string WorkerId, string? Bio, string? Region);

    /// <summary>
    /// Indexes the profiles that have no search row: those written before migration 0015 (SQL cannot tokenise). Runs at
    /// start-up after the migrations; with nothing to do it costs one pass over the profiles' keys.
    /// </summary>
    public static async Task<int> BackfillAsync(Db database)
    {
        await using var connection = await database.OpenAsync();
        var missing = (await connection.QueryAsync<Unindexed>(
            """
            SELECT p.worker_id, p.bio, p.region FROM worker_profiles p
            WHERE NOT EXISTS (SELECT 1 FROM worker_search s WHERE s.worker_id = p.worker_id)
            """)).AsList();
        if (missing.Count == 0) return 0;
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var profile in missing)
        {
            var skills = await connection.QueryAsync<string>(
                "SELECT k.skill FROM worker_skills k WHERE k.worker_id = @WorkerId", new { profile.WorkerId }, transaction);
            await connection.ExecuteAsync(NewDocSql, new { profile.WorkerId }, transaction);
            var docId = await connection.ExecuteScalarAsync<long>(DocIdSql, new { profile.WorkerId }, transaction);
            await connection.ExecuteAsync(IndexProfile, Row(docId, profile.Bio ?? "", skills, profile.Region), transaction);
        }
        await transaction.CommitAsync();
        return missing.Count;
    }
}
