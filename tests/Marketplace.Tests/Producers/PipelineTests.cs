using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

public sealed class PipelineTests : ApiTest
{
    private async Task<(User Business, User Producer)> LinkedPair()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        await LinkProducer(business, producer);
        return (business, producer);
    }

    private async Task Profile(User worker, string region, int hours, params string[] skills) =>
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills, region, weeklyHours = hours, availability = "" }));

    [Test]
    public async Task The_pipeline_groups_client_jobs_by_status_and_puts_the_most_urgent_contracts_first()
    {
        var (business, producer) = await LinkedPair();
        var worker = await SignUp(Role.Worker);
        var open = await PostJob(business, NewJob(title: "open"));
        await PlaceBid(worker, Id(open));
        var soonJob = await PostJob(business, NewJob(title: "soon"));
        var laterJob = await PostJob(business, NewJob(title: "later"));
        var relaxedJob = await PostJob(business, NewJob(title: "relaxed"));
        await Award(business, Id(laterJob), Id(await PlaceBid(worker, Id(laterJob), deliveryDays: 2)));
        await Award(business, Id(soonJob), Id(await PlaceBid(worker, Id(soonJob), deliveryDays: 1)));
        await Award(business, Id(relaxedJob), Id(await PlaceBid(worker, Id(relaxedJob), deliveryDays: 10)));
        await PostJob(await SignUp(Role.Business), NewJob(title: "not a client"));

        var pipeline = await Ok(await producer.Http.GetAsync("/api/producer/pipeline"));
        var groups = pipeline["jobs"]!.AsArray().ToDictionary(g => Str(g!["status"]), g => g!["jobs"]!.AsArray());
        Assert.That(groups["open"].Select(j => Str(j!["title"])), Is.EqualTo(new[] { "open" }));
        Assert.That(groups["open"][0]!["bidCount"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(groups["awarded"], Has.Count.EqualTo(3));
        var atRisk = pipeline["atRisk"]!.AsArray().Select(r => Str(r!["contract"]!["jobTitle"])).ToArray();
        Assert.That(atRisk, Is.EqualTo(new[] { "soon", "later" }), "due within 48 hours, soonest first");
        await Problem(await business.Http.GetAsync("/api/producer/pipeline"), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Recommended_workers_are_ranked_with_their_reasons()
    {
        var (business, producer) = await LinkedPair();
        var match = await SignUp(Role.Worker, "match");
        var elsewhere = await SignUp(Role.Worker, "elsewhere");
        var unskilled = await SignUp(Role.Worker, "unskilled");
        await Profile(match, "秋田県湯沢市", 20, "デザイン");
        await Profile(elsewhere, "秋田県横手市", 20, "design");
        await Profile(unskilled, "秋田県湯沢市", 20, "transcription");
        var job = await Created(await producer.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "ラベル", description = "d", category = "design", budgetMin = 1, budgetMax = 10, region = "秋田県湯沢市",
            deadline = DateTimeOffset.UtcNow.AddDays(10), businessId = business.Id,
        }));

        var ranked = (await producer.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/recommended-workers"))!;
        Assert.That(ranked.Select(w => Str(w!["displayName"])), Is.EqualTo(new[] { "match", "elsewhere", "unskilled" }));
        Assert.That(ranked[0]!["score"]!.GetValue<int>(), Is.GreaterThan(ranked[1]!["score"]!.GetValue<int>()));
        Assert.That(ranked[0]!["reasons"]!.AsArray().Select(r => Str(r)), Has.Some.Contains("design skills").And.Some.Contains("region"));

        Assert.That((await business.Http.GetAsync($"/api/jobs/{Id(job)}/recommended-workers")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await Problem(await match.Http.GetAsync($"/api/jobs/{Id(job)}/recommended-workers"), HttpStatusCode.Forbidden);
        await Problem(await (await SignUp(Role.Producer)).Http.GetAsync($"/api/jobs/{Id(job)}/recommended-workers"), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_busy_worker_ranks_below_an_equally_skilled_free_one()
    {
        var business = await SignUp(Role.Business);
        // Signed up in this order, the busy workers get the larger (time-ordered) ids, so on equal scores the
        // tie-break (worker id, descending) would put them first: only the load penalty can rank them lower.
        var free = await SignUp(Role.Worker, "free");
        var busy = await SignUp(Role.Worker, "busy");
        var busier = await SignUp(Role.Worker, "busier");
        Assert.That(string.CompareOrdinal(busy.Id, free.Id), Is.Positive, "precondition: busy wins the tie-break");
        Assert.That(string.CompareOrdinal(busier.Id, busy.Id), Is.Positive, "precondition: busier wins the tie-break");
        foreach (var worker in new[] { free, busy, busier }) await Profile(worker, "秋田県湯沢市", 20, "design");
        foreach (var (worker, contracts) in new[] { (busy, 2), (busier, 4) })
            for (var i = 0; i < contracts; i++)
            {
                var other = await PostJob(business, NewJob(title: $"other {worker.DisplayName} {i}"));
                await Award(business, Id(other), Id(await PlaceBid(worker, Id(other))));
            }

        var job = await PostJob(business);
        var ranked = (await business.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/recommended-workers"))!;
        Assert.That(ranked.Select(w => Str(w!["displayName"])), Is.EqualTo(new[] { "free", "busy", "busier" }));
        var byName = ranked.ToDictionary(w => Str(w!["displayName"]), w => w!.AsObject());
        Assert.That(ranked.Select(w => w!["activeContracts"]!.GetValue<int>()), Is.EqualTo(new[] { 0, 2, 4 }));
        int Score(string name) => byName[name]["score"]!.GetValue<int>();
        Assert.That(Score("free") - Score("busy"), Is.EqualTo(10), "5 points per active contract");
        Assert.That(Score("free") - Score("busier"), Is.EqualTo(15), "the load penalty stops at 15 (not 4 × 5 = 20)");
    }
}
