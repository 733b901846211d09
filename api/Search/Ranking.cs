using System.Collections.Concurrent;
using Marketplace.Platform;

namespace Marketplace.Search;

/// <summary>
/// How results are ranked, the same on every engine: Okapi BM25 (k1 = 1.2, b = 0.75; Robertson and Zaragoza, "The
/// Probabilistic Relevance Framework: BM25 and Beyond", 2009) computed in C# from the stored tokens. Ties, and the
/// order past a window, go to the newer (<see cref="Window"/>).
/// </summary>
public static class Ranking
{
    public const double K1 = 1.2;
    public const double B = 0.75;
    /// <summary>A job's title counts this many times its description.</summary>
    public const double TitleWeight = 4.0;
    /// <summary>A word among a worker's skills counts four times, in the region twice, in the bio once.</summary>
    public const double SkillsWeight = 4.0, RegionWeight = 2.0, BioWeight = 1.0;
    /// <summary>The profile length (tokens) at which BM25's length normalisation is neutral: a fixed figure, see <see cref="ProfileScore"/>.</summary>
    public const double ReferenceLength = 100;
    /// <summary>How long a phrase's document count is reused by default (<c>Search:DocumentCountSeconds</c>).</summary>
    public static readonly TimeSpan DocumentCountLife = TimeSpan.FromMinutes(10);
    private const int CacheLimit = 10_000;
    // A cache of the process, whatever database a figure came from: the tests, which start each test on an empty
    // database under the same process, set the life to zero and count every time.
    private static readonly Statistics<SearchText.Phrase, long> DocumentCounts = new(CacheLimit);

    /// <summary>
    /// Called as a phrase's document count is about to be read from the database to refill its cache: how a test counts
    /// the reads and holds one open. Null outside tests.
    /// </summary>
    internal static Func<SearchText.Phrase, Task>? StatisticsRead;

    /// <summary>An index's size in documents and its documents' average length in tokens.</summary>
    public sealed record Corpus(double Documents, double AverageLength);

    /// <summary>
    /// The open board's size in jobs and its jobs' title and description tokens in all: one row, kept exact by the
    /// triggers that move a job on and off the board, in the writer's transaction (migration 0046). So the corpus is read
    /// on every query, never cached: it costs one row on every engine at any size.
    /// </summary>
    public const string BoardTotals = "SELECT t.jobs AS documents, t.token_count AS tokens FROM job_board_totals t WHERE t.id = 1";

    private sealed class Totals
    {
        public long Documents { get; init; }
        public long Tokens { get; init; }
    }

    /// <summary>The open board's size in jobs and the average job's length in tokens (title and description), each at least 1.</summary>
    public static async Task<Corpus> BoardCorpusAsync(DbSession db)
    {
        var totals = await db.QuerySingleAsync<Totals>(BoardTotals);
        double documents = Math.Max(1, totals.Documents);
        return new Corpus(documents, Math.Max(1, totals.Tokens / documents));
    }

    /// <summary>
    /// A window job as ranking reads it: its stored tokens (for the term frequencies) and its length in tokens, written
    /// beside them (<see cref="JobSearchIndex"/>). The window's statement reads them with the matches
    /// (<see cref="TextSearch.BoardCandidates"/>): read apart by a list of 1,000 doc ids, they cost 31 of a common word's
    /// 35 ms in-process at 100,000 jobs, nearly all of it the cost of a statement with 1,000 parameters: the same rows took
    /// 2–5 ms from Python's sqlite3 (docs/measurements.md).
    /// </summary>
    public sealed record JobText(long DocId, string Title, string Body, long TokenCount);

    /// <summary>
    /// Each open job's BM25, higher is better, with a title match weighted <see cref="TitleWeight"/> (BM25F-style: the
    /// weighted term frequency over title and description); 0 for a job whose words are not in its tokens. The same
    /// formula as FTS5's bm25(), with its inputs taken where they cost the same at any size: the board's totals, one row
    /// kept at write time (<see cref="BoardTotals"/>); each term's document count (reused for <paramref name="life"/>,
    /// <c>Search:DocumentCountSeconds</c>: counting a common word reads its whole posting list, ~300,000 entries at a
    /// million jobs, which FTS5's bm25() does on every query; zero counts on every query); each job's length, written
    /// beside its tokens; and each job's term frequencies from its stored tokens.
    /// </summary>
    public static async Task<Dictionary<long, double>> JobScoresAsync(
        DbSession db, IReadOnlyList<SearchText.Phrase> phrases, IReadOnlyCollection<JobText> jobs, DateTimeOffset now, TimeSpan life)
    {
        var scores = new Dictionary<long, double>(jobs.Count);
        if (phrases.Count == 0 || jobs.Count == 0) return scores;
        var engine = TextSearch.Of(db);
        var corpus = await BoardCorpusAsync(db);
        var idf = new double[phrases.Count];
        for (var i = 0; i < phrases.Count; i++)
        {
            // A count cached when the board was larger than it is now would make the IDF negative (and NaN past twice
            // the board), turning the ranking upside down until the count expires. No phrase is in more jobs than the
            // board holds.
            var df = Math.Min(await DocumentCountAsync(db, engine, phrases[i], now, life), corpus.Documents);
            idf[i] = Math.Log(1 + (corpus.Documents - df + 0.5) / (df + 0.5));
        }
        foreach (var doc in jobs)
        {
            var norm = K1 * (1 - B + B * doc.TokenCount / corpus.AverageLength);
            var score = 0.0;
            for (var i = 0; i < phrases.Count; i++)
            {
                var tf = TitleWeight * Occurrences(doc.Title, phrases[i]) + Occurrences(doc.Body, phrases[i]);
                score += idf[i] * tf * (K1 + 1) / (tf + norm);
            }
            scores[doc.DocId] = score;
        }
        return scores;
    }

    // With no life, never read the cache: a figure another host of the process cached at a later clock would otherwise
    // look fresh (now - At is negative).
    private static Task<long> DocumentCountAsync(DbSession db, TextSearch engine, SearchText.Phrase phrase, DateTimeOffset now, TimeSpan life) =>
        life <= TimeSpan.Zero
            ? engine.BoardDocumentCountAsync(db, phrase)
            : DocumentCounts.GetAsync(phrase, now, life, async () =>
            {
                if (StatisticsRead is { } read) await read(phrase);
                return await engine.BoardDocumentCountAsync(db, phrase);
            });

    /// <summary>
    /// Figures about the whole board reused for a life and refilled by one request at a time per key (single flight).
    /// Without it, when a figure expires every request that arrives before the first refill is stored reads it again:
    /// on PostgreSQL the corpus was a sum over the whole search table (317 ms at 100,000 jobs, about 3 s at a million)
    /// before it was kept at write time, so a benchmark's 32 connections ran 32 such scans side by side, and a cold start
    /// at a million jobs served no next page for 15 s (docs/measurements.md); a common word's count is the same kind of read.
    /// </summary>
    /// <remarks>
    /// While one request refills an expired figure, the others keep using the expired one instead of waiting for the
    /// refill: these are statistics of the whole board (its size, its average length, how many jobs hold a word), which
    /// a few more minutes move by a few jobs out of thousands, and BM25 barely notices; waiting would stall every request
    /// for the length of the scan each time the life ends, which is the stall this is here to remove. Only when there is
    /// no figure at all (a cold start, a new phrase) do the others wait, for the one refill rather than each its own. A
    /// refill that fails (an error of its own request's connection or transaction) is not handed on: a waiter takes one
    /// more turn, refilling or joining the next refill, and fails only if that fails too.
    /// </remarks>
    private sealed class Statistics<TKey, TValue>(int limit) where TKey : notnull
    {
        private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset At)> _figures = new();
        private readonly ConcurrentDictionary<TKey, Task<TValue>> _refills = new();

        /// <summary>The figure of <paramref name="key"/>, read by <paramref name="read"/> when it is older than <paramref name="life"/> (more than zero).</summary>
        public async Task<TValue> GetAsync(TKey key, DateTimeOffset now, TimeSpan life, Func<Task<TValue>> read)
        {
            for (var turn = 1; ; turn++)
            {
                var known = _figures.TryGetValue(key, out var cached);
                if (known && now >= cached.At && now - cached.At < life) return cached.Value;
                var mine = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
                var refill = _refills.GetOrAdd(key, mine.Task);
                if (refill != mine.Task)
                {
                    if (known) return cached.Value;
                    try
                    {
                        return await refill;
                    }
                    catch when (turn == 1)
                    {
                        continue;
                    }
                }
                try
                {
                    var value = await read();
                    if (!_figures.ContainsKey(key) && _figures.Count >= limit) _figures.Clear();
                    _figures[key] = (value, now);
                    mine.SetResult(value);
                    return value;
                }
                catch (Exception e)
                {
                    mine.SetException(e);
                    // Nobody may be waiting: observe the exception so that it is not reported as unobserved.
                    _ = mine.Task.Exception;
                    throw;
                }
                finally
                {
                    _refills.TryRemove(new KeyValuePair<TKey, Task<TValue>>(key, mine.Task));
                }
            }
        }
    }

    /// <summary>
    /// A profile's score: BM25F's term-frequency part, each term's weighted frequency over skills, region and bio,
    /// saturated and normalised by the profile's length against <see cref="ReferenceLength"/>. Two parts of BM25 are left
    /// out on purpose, because both depend on the other profiles: IDF (every result holds every term, all being required,
    /// so it would only weigh the terms against each other) and the average length. So a profile's score is a property
    /// of that profile alone, and a cursor holding the last score stays exact however many profiles are written between
    /// two pages.
    /// </summary>
    public static double ProfileScore(IReadOnlyList<SearchText.Phrase> phrases, string bio, string skills, string region)
    {
        var length = SearchText.TokenCount(bio) + SearchText.TokenCount(skills) + SearchText.TokenCount(region);
        var norm = K1 * (1 - B + B * length / ReferenceLength);
        var score = 0.0;
        foreach (var phrase in phrases)
        {
            var tf = SkillsWeight * Occurrences(skills, phrase) + RegionWeight * Occurrences(region, phrase) + BioWeight * Occurrences(bio, phrase);
            score += tf * (K1 + 1) / (tf + norm);
        }
        return score;
    }


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
}
