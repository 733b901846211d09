using Marketplace.Platform;
using System.Text.Json.Nodes;

namespace Marketplace.Tests;

/// <summary>
/// Relevance with its statistics reused, as in production (<c>Search:DocumentCountSeconds</c>): a phrase's document count
/// and the corpus are cached apart, each from its own moment, and the ranking must stay right while the board shrinks.
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

        // The corpus (six open jobs) is cached now; 漆器's count (six) five minutes later.
        Assert.That(await Find("蒔絵"), Is.EqualTo(new[] { "漆器の商品写真" }));
        _time.Advance(TimeSpan.FromMinutes(5));
        var before = await Find("漆器");
        Assert.That(Array.IndexOf(before, "漆器の商品写真"), Is.LessThan(Array.IndexOf(before, "小箱の撮影")));
        foreach (var id in closing) await Ok(await business.Http.PostAsync($"/api/jobs/{id}/cancel", null));

        // The corpus expires and is counted again (two open jobs) while 漆器's count of six is still reused.
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.That(await Find("漆器"), Is.EqualTo(new[] { "漆器の商品写真", "小箱の撮影" }), "a title match still ranks above a description match");
    }
}
