using System.Collections.Concurrent;
using System.Text.Json;
using Marketplace.Platform;

namespace Marketplace.Jobs;

/// <summary>
/// Okapi BM25 (k1 = 1.2, b = 0.75; Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond",
/// 2009) of the searched words in a window of jobs, with a title match weighted <see cref="ListJobs.TitleWeight"/>
/// (BM25F-style: the weighted term frequency over title and description). The same formula as FTS5's bm25(), with
/// its inputs taken where they cost the same at any size: the index's totals (its averages record), each term's
/// document count (cached for <c>Search:DocumentCountSeconds</c>, <see cref="DocumentCountLife"/> by default: counting a
/// common word reads its whole posting list, ~300,000 entries at a million jobs, which FTS5's bm25() does on every
/// query), and each job's term frequencies and lengths from its stored tokens.
/// </summary>
public static class Relevance
{
    public const double K1 = 1.2;
    public const double B = 0.75;
    public static readonly TimeSpan DocumentCountLife = TimeSpan.FromMinutes(10);
    private const int CacheLimit = 10_000;
    private static readonly ConcurrentDictionary<string, (long Count, DateTimeOffset At)> DocumentCounts = new();

    /// <summary>
    /// FTS5's averages record (rowid 1 of job_board_fts_data): varints of the row count and each column's token total.
    /// Relevance ranks the open board only, so its statistics are the open jobs'.
    /// </summary>
    internal const string TotalsSql = "SELECT d.block FROM job_board_fts_data d WHERE d.id = 1";

    internal const string DocumentCountSql = "SELECT COUNT(*) FROM job_board_fts f WHERE job_board_fts MATCH @Phrase";

    /// <summary>The stored tokens of the window's jobs, by rowid.</summary>
    internal const string TokensSql = """
        SELECT s.doc_id, s.title, s.body FROM job_search s WHERE s.doc_id IN (SELECT j.value FROM json_each(@Ids) j)
        """;

    private sealed class Tokens
    {
        public long DocId { get; init; }
        public string Title { get; init; } = "";
        public string Body { get; init; } = "";
    }

    /// <summary>
    /// Each job's score, higher is better; 0 for a job whose words are not found in its tokens. A phrase's document count
    /// is reused for <paramref name="documentCountLife"/>; zero counts on every query.
    /// </summary>
    public static async Task<Dictionary<long, double>> ScoreAsync(DbSession db, string q, IReadOnlyCollection<long> docIds, DateTimeOffset now,
        TimeSpan documentCountLife)
    {
        var phrases = SearchText.Phrases(q);
        var scores = new Dictionary<long, double>(docIds.Count);
        if (phrases.Count == 0 || docIds.Count == 0) return scores;
        var totals = Varints(await db.ExecuteScalarAsync<byte[]>(TotalsSql) ?? []);
        double rows = totals.Count > 0 ? Math.Max(1, totals[0]) : 1;
        var averageLength = totals.Count > 2 ? Math.Max(1, (totals[1] + totals[2]) / rows) : 1;
        var idf = new double[phrases.Count];
        for (var i = 0; i < phrases.Count; i++)
        {
            var df = await DocumentCountAsync(db, phrases[i].Match, now, documentCountLife);
            idf[i] = Math.Log(1 + (rows - df + 0.5) / (df + 0.5));
        }
        foreach (var doc in await db.QueryAsync<Tokens>(TokensSql, new { Ids = JsonSerializer.Serialize(docIds) }))
        {
            var length = Count(doc.Title) + Count(doc.Body);
            var norm = K1 * (1 - B + B * length / averageLength);
            var score = 0.0;
            for (var i = 0; i < phrases.Count; i++)
            {
                double tf = ListJobs.TitleWeight * Occurrences(doc.Title, phrases[i]) + Occurrences(doc.Body, phrases[i]);
                score += idf[i] * tf * (K1 + 1) / (tf + norm);
            }
            scores[doc.DocId] = score;
        }
        return scores;
    }

    private static async Task<long> DocumentCountAsync(DbSession db, string phrase, DateTimeOffset now, TimeSpan life)
    {
        // The cache is the process's, whatever database the count came from: the tests, which put each test's database
        // back to an empty one under the same app, count every time (zero).
        if (life <= TimeSpan.Zero) return await db.ExecuteScalarAsync<long>(DocumentCountSql, new { Phrase = phrase });
        if (DocumentCounts.TryGetValue(phrase, out var cached) && now - cached.At < life) return cached.Count;
        var count = await db.ExecuteScalarAsync<long>(DocumentCountSql, new { Phrase = phrase });
        if (DocumentCounts.Count >= CacheLimit) DocumentCounts.Clear();
        DocumentCounts[phrase] = (count, now);
        return count;
    }

    /// <summary>Tokens in a space-separated token text.</summary>
    private static int Count(string tokens) => tokens.Length == 0 ? 0 : tokens.AsSpan().Count(' ') + 1;

    /// <summary>How often the phrase's tokens stand in the text as whole tokens (or, for a prefix, begin a token).</summary>
    public static int Occurrences(string text, SearchText.Phrase phrase)
    {
        var needle = phrase.Tokens;
        var found = 0;
        for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            var starts = at == 0 || text[at - 1] == ' ';
            var end = at + needle.Length;
            if (starts && (phrase.Prefix || end == text.Length || text[end] == ' ')) found++;
        }
        return found;
    }

    /// <summary>SQLite's varints (big-endian groups of 7 bits; a ninth byte of 8), as FTS5 writes its records.</summary>
    internal static List<long> Varints(byte[] block)
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
}
