using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>A producer acts on a client's work only through its own, active link.</summary>
public sealed class ProducerGateTests : ApiTest
{
    private async Task<JsonObject> Link(User business, User producer, bool canPostJobs = true, bool canAward = true)
    {
        var link = await Created(await business.Http.PostAsJsonAsync("/api/producer-links",
            new { producerEmail = producer.Email, canPostJobs, canAward, feeRate = 0.05m }));
        return await Ok(await producer.Http.PostAsync($"/api/producer-links/{Id(link)}/accept", null));
    }

    private static object ReviewedJobFor(User business) => new
    {
        title = "蔵のパンフレット翻訳", description = "英語へ", category = "translation", budgetMin = 30_000, budgetMax = 60_000,
        deadline = DateTimeOffset.UtcNow.AddDays(20), businessId = business.Id, producerReview = true,
    };

    private async Task<string[]> Kinds(User user) =>
        (await Ok(await user.Http.GetAsync("/api/notifications")))["items"]!.AsArray().Select(n => Str(n!["kind"])).ToArray();

    /// <summary>The job's producer posts a producer-review job, the business awards, the worker submits: work is in review.</summary>
    private async Task<(User Business, User Gate, User Worker, JsonObject GateLink, string ContractId)> WorkInReview()
    {
        var business = await SignUp(Role.Business);
        var gate = await SignUp(Role.Producer);
        var worker = await SignUp(Role.Worker);
        var gateLink = await Link(business, gate);
        var job = await Created(await gate.Http.PostAsJsonAsync("/api/jobs", ReviewedJobFor(business)));
        var bid = await PlaceBid(worker, Id(job));
        var contract = await Award(business, Id(job), Id(bid));
        var submitted = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "初稿" }));
        Assert.That(Str(submitted["contract"]!["status"]), Is.EqualTo("inReview"));
        return (business, gate, worker, gateLink, Id(contract));
    }

    [Test]
    public async Task Only_the_jobs_own_producer_passes_work_through_its_quality_gate()
    {
        var (business, _, _, _, contractId) = await WorkInReview();
        // Another producer of the same client, allowed neither to post nor to award, never saw this job's work.
        var other = await SignUp(Role.Producer);
        await Link(business, other, canPostJobs: false, canAward: false);

        await Problem(await other.Http.PostAsync($"/api/contracts/{contractId}/forward", null), HttpStatusCode.Forbidden);
        await Problem(await other.Http.PostAsJsonAsync($"/api/contracts/{contractId}/request-revision", new { reason = "x" }),
            HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_producer_whose_link_ended_hears_nothing_more_of_its_former_clients_job()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var link = await Link(business, producer);
        var job = await Created(await producer.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "ラベル", description = "d", category = "design", budgetMin = 1, budgetMax = 100_000,
            deadline = DateTimeOffset.UtcNow.AddDays(20), businessId = business.Id,
        }));
        await Ok(await business.Http.PostAsync($"/api/producer-links/{Id(link)}/end", null));
        await Problem(await producer.Http.GetAsync($"/api/jobs/{Id(job)}/bids"), HttpStatusCode.Forbidden);

        var worker = await SignUp(Role.Worker);
        var bid = await PlaceBid(worker, Id(job), amount: 80_000);
        var contract = await Award(business, Id(job), Id(bid));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "done" }));
        await Ok(await business.Http.PostAsync($"/api/contracts/{Id(contract)}/accept", null));
        var settlement = await Ok(await business.Http.GetAsync($"/api/contracts/{Id(contract)}/settlement"));
        Assert.That(settlement["producerFee"]!.GetValue<long>(), Is.Zero, "no active link at award: no fee");

        // The ex-producer is still told the amount of each new bid and that money it does not receive was released.
        Assert.That(await Kinds(producer), Has.None.EqualTo("bidReceived").And.None.EqualTo("paymentReleased"));
    }
}
