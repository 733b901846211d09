using Marketplace.Platform;
using Marketplace.Search;
using System.Text.Json.Nodes;

namespace Marketplace.Tests;

/// <summary>
/// Relevance with its document counts reused, as in production (<c>Search:DocumentCountSeconds</c>): a phrase's count is
/// cached from its own moment while the corpus is read fresh (kept at write time), and the ranking must stay right while
/// the board shrinks; when a count expires, one request reads it again while the others go on with the last figure.
/// </summary>
public sealed class RankingCacheTests : ApiTest
{
    private readonly ManualClock _time = new();

    protected override TimeProvider? Clock => _time;

    // The default life (600 s). The words of this fixture are its own: the caches belong to the process.
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Search:DocumentCountSeconds"] = "600" };

    [Test]
    public async Task A_count_cached_when_the_board_was_larger_does_not_turn_the_ranking_upside_down()
    {
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "漆器の商品写真", description: "蒔絵の小箱も"));
        await PostJob(business, NewJob(title: "小箱の撮影", description: "漆器の箱です"));
        var closing = new List<string>();
        for (var i = 0; i < 4; i++) closing.Add(Id(await PostJob(business, NewJob(title: $"漆器 {i}", description: "撮影"))));
        var visitor = Browser();
        string[] Titles(JsonObject page) => page["items"]!.AsArray().Select(j => Str(j!["title"])).ToArray();
        async Task<string[]> Find(string words) => Titles(await Ok(await visitor.GetAsync("/api/jobs?q=" + Uri.EscapeDataString(words))));

        // 漆器's count (six) is cached five minutes in.
        Assert.That(await Find("蒔絵"), Is.EqualTo(new[] { "漆器の商品写真" }));
        _time.Advance(TimeSpan.FromMinutes(5));
        var before = await Find("漆器");
        Assert.That(Array.IndexOf(before, "漆器の商品写真"), Is.LessThan(Array.IndexOf(before, "小箱の撮影")));
        foreach (var id in closing) await Ok(await business.Http.PostAsync($"/api/jobs/{id}/cancel", null));

        // The corpus is two open jobs now, while 漆器's count of six is still reused.
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.That(await Find("漆器"), Is.EqualTo(new[] { "漆器の商品写真", "小箱の撮影" }), "a title match still ranks above a description match");
    }

    [Test]
    public async Task An_expired_document_count_is_read_again_by_one_request_while_the_others_use_the_last_one() =>
        await OneReadAfterExpiry();

    private const int Concurrent = 8;

    /// <summary>
    /// Concurrent searches once the document count has expired, its first read held open: the others must not read it
    /// too. Were they to, the second read lets the first go, so the test ends red, never hangs.
    /// </summary>
    private async Task OneReadAfterExpiry()
    {
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "螺鈿の帯留め", description: "貝の光を写す"));
        await PostJob(business, NewJob(title: "帯留めの撮影", description: "螺鈿細工です"));
        var visitor = Browser();
        const string url = "/api/jobs?q=%E8%9E%BA%E9%88%BF";
        var first = Str((await Ok(await visitor.GetAsync(url)))["items"]!.AsArray()[0]!["title"]);
        _time.Advance(TimeSpan.FromMinutes(11));

        var held = new HeldRead();
        Ranking.StatisticsRead = held.Read;
        try
        {
            var searches = Enumerable.Range(0, Concurrent).Select(_ => visitor.GetAsync(url)).ToList();
            // A failsafe only: each search answers at once when the others use the last figure.
            while (searches.Count(s => s.IsCompleted) < Concurrent - 1)
                await Task.WhenAny(searches.Where(s => !s.IsCompleted)).WaitAsync(TimeSpan.FromMinutes(2));
            Assert.That(held.Reads, Is.EqualTo(1), "one request reads the expired statistic, the others use the last one");
            held.Release();
            foreach (var search in searches)
                Assert.That(Str((await Ok(await search))["items"]!.AsArray()[0]!["title"]), Is.EqualTo(first));
            Assert.That(held.Reads, Is.EqualTo(1));
        }
        finally
        {
            Ranking.StatisticsRead = null;
            held.Release();
        }
    }

    /// <summary>Counts the reads of a document count and holds the first open until released, or until a second read comes.</summary>
    private sealed class HeldRead
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public async Task Read(SearchText.Phrase what)
        {
            if (Interlocked.Increment(ref _reads) == 1) await _released.Task;
            else _released.TrySetResult();
        }

        public void Release() => _released.TrySetResult();
    }
}
