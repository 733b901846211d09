using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;
using Marketplace.SavedSearches;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>A worker's saved searches and their alerts: once per job, at most once an hour (issue 12).</summary>
public sealed class SavedSearchTests : ApiTest
{
    private readonly ManualClock _clock = new();
    protected override TimeProvider Clock => _clock;

    private Task<int> Run() => App.Services.GetRequiredService<SavedSearchAlerts>().RunOnceAsync();

    private static async Task<JsonObject[]> Alerts(User user) =>
        (await Ok(await user.Http.GetAsync("/api/notifications")))["items"]!.AsArray()
        .Where(n => Str(n!["kind"]) == "savedSearchMatched").Select(n => n!.AsObject()).ToArray();

    private object Job(string title, string region = "秋田県湯沢市", bool membersOnly = false) => new
    {
        title, description = "在宅でできます", category = "translation", budgetMin = 10_000, budgetMax = 50_000,
        deadline = _clock.GetUtcNow().AddDays(30), region, membersOnly,
    };

    [Test]
    public async Task A_new_matching_job_is_told_once_and_later_ones_wait_for_the_hour()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        await PostJob(business, Job("翻訳 before saving"));
        var saved = await Created(await worker.Http.PostAsJsonAsync("/api/me/saved-searches",
            new { q = "ほんやく 翻訳", region = "秋田県", category = "translation" }));
        Assert.That(Str(saved["name"]), Is.EqualTo("ほんやく 翻訳"));
        var otherWorker = await SignUp(Role.Worker);
        await Created(await otherWorker.Http.PostAsJsonAsync("/api/me/saved-searches", new { q = "デザイン" }));

        Assert.That(await Run(), Is.Zero, "only jobs posted after saving are news");
        await PostJob(business, Job("ホンヤク 翻訳 英語"));
        await PostJob(business, Job("翻訳 長野", region: "長野県塩尻市"));
        await PostJob(business, Job("翻訳 ホンヤク 会員", membersOnly: true));
        Assert.That(await Run(), Is.EqualTo(1));
        var alerts = await Alerts(worker);
        Assert.That(alerts, Has.Length.EqualTo(1));
        Assert.That(Str(alerts[0]["message"]), Does.StartWith("2 new jobs match \"ほんやく 翻訳\""), "the members-only job is a worker's too; 長野 is not 秋田県");
        Assert.That(await Run(), Is.Zero, "a second run tells nothing again");
        Assert.That(await Alerts(otherWorker), Is.Empty);

        await PostJob(business, Job("翻訳 ホンヤク 3"));
        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.That(await Run(), Is.Zero, "within the hour the new job waits");
        _clock.Advance(TimeSpan.FromMinutes(31));
        Assert.That(await Run(), Is.EqualTo(1));
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.That(await Run(), Is.Zero, "each job once: the earlier ones are not told again");
        alerts = await Alerts(worker);
        Assert.That(alerts, Has.Length.EqualTo(2));
        Assert.That(Str(alerts[0]["message"]), Does.StartWith("A new job matches \"ほんやく 翻訳\": 翻訳 ホンヤク 3"));
        Assert.That(alerts[0]["jobId"], Is.Not.Null);
    }

    [Test]
    public async Task Two_instances_running_at_once_tell_each_job_once()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        await Created(await worker.Http.PostAsJsonAsync("/api/me/saved-searches", new { q = "校正" }));
        for (var i = 0; i < 3; i++) await PostJob(business, Job($"校正 {i}"));
        var told = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(Run)));
        Assert.That(told.Sum(), Is.EqualTo(1));
        Assert.That(await Alerts(worker), Has.Length.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM saved_search_hits"), Is.EqualTo(3));
    }

    [Test]
    public async Task Only_a_worker_keeps_saved_searches_and_only_its_own()
    {
        var worker = await SignUp(Role.Worker);
        var stranger = await SignUp(Role.Worker);
        var business = await SignUp(Role.Business);
        var saved = await Created(await worker.Http.PostAsJsonAsync("/api/me/saved-searches", new { name = "湯沢の翻訳", q = "翻訳" }));
        await Problem(await business.Http.PostAsJsonAsync("/api/me/saved-searches", new { q = "翻訳" }), HttpStatusCode.Forbidden);
        await Problem(await business.Http.GetAsync("/api/me/saved-searches"), HttpStatusCode.Forbidden);
        await Problem(await Browser().GetAsync("/api/me/saved-searches"), HttpStatusCode.Unauthorized);
        Assert.That((await stranger.Http.GetFromJsonAsync<JsonArray>("/api/me/saved-searches"))!, Is.Empty);
        await Problem(await stranger.Http.DeleteAsync($"/api/me/saved-searches/{Id(saved)}"), HttpStatusCode.NotFound);
        var mine = (await worker.Http.GetFromJsonAsync<JsonArray>("/api/me/saved-searches"))!;
        Assert.That(mine.Select(s => Str(s!["name"])), Is.EqualTo(new[] { "湯沢の翻訳" }));
        Assert.That((await worker.Http.DeleteAsync($"/api/me/saved-searches/{Id(saved)}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await worker.Http.GetFromJsonAsync<JsonArray>("/api/me/saved-searches"))!, Is.Empty);
    }

    [Test]
    public async Task A_saved_search_needs_something_to_look_for_and_a_worker_keeps_at_most_20()
    {
        var worker = await SignUp(Role.Worker);
        var empty = await Problem(await worker.Http.PostAsJsonAsync("/api/me/saved-searches", new { q = " " }), HttpStatusCode.BadRequest);
        Assert.That(empty["errorCodes"]!["q"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("emptySearch"));
        var nothing = await Problem(await worker.Http.PostAsJsonAsync("/api/me/saved-searches", new { q = "!!" }), HttpStatusCode.BadRequest);
        Assert.That(nothing["errorCodes"]!["q"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("noSearchWords"));
        await Problem(await worker.Http.PostAsJsonAsync("/api/me/saved-searches", new { category = "sculpture" }), HttpStatusCode.BadRequest);
        for (var i = 0; i < SavedSearchRules.MaxPerWorker; i++)
            await Created(await worker.Http.PostAsJsonAsync("/api/me/saved-searches", new { q = $"word{i}" }));
        var full = await Problem(await worker.Http.PostAsJsonAsync("/api/me/saved-searches", new { q = "one more" }), HttpStatusCode.Conflict);
        Assert.That(Str(full["code"]), Is.EqualTo("tooManySavedSearches"));
    }
}
