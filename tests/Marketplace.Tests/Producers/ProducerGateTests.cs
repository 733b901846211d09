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
        return await LinkProducer(business, producer, canPostJobs, canAward);
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

    private async Task<JsonObject[]> Notices(User user) =>
        (await Ok(await user.Http.GetAsync("/api/notifications")))["items"]!.AsArray().Select(n => n!.AsObject()).ToArray();

    private async Task<JsonObject> Contract(User user, string contractId) =>
        (await Ok(await user.Http.GetAsync($"/api/contracts/{contractId}")))["contract"]!.AsObject();

    [Test]
    public async Task When_a_link_ends_the_work_in_its_producers_review_goes_to_the_business_and_the_producer_can_no_longer_act_on_it()
    {
        var (business, gate, worker, gateLink, contractId) = await WorkInReview();

        // The producer walks away while the first draft waits in its review.
        await Ok(await gate.Http.PostAsync($"/api/producer-links/{Id(gateLink)}/end", null));

        Assert.That(Str((await Contract(business, contractId))["status"]), Is.EqualTo("submitted"), "the work is the business's to review now");
        var notice = (await Notices(business)).Where(n => Str(n["kind"]) == "submissionToReview").ToArray();
        Assert.That(notice.Select(n => Str(n["contractId"])), Is.EqualTo(new[] { contractId }), "the business is told that work awaits it");
        // The producer's rights on the contract ended with its link: to it the contract no longer exists.
        await Problem(await gate.Http.PostAsync($"/api/contracts/{contractId}/forward", null), HttpStatusCode.NotFound);
        await Problem(await gate.Http.PostAsJsonAsync($"/api/contracts/{contractId}/request-revision", new { reason = "x" }),
            HttpStatusCode.NotFound);
        Assert.That(Str((await Contract(business, contractId))["status"]), Is.EqualTo("submitted"));

        // The business takes over the review: a revision, then the second draft comes straight to it, and it accepts.
        var asked = await Ok(await business.Http.PostAsJsonAsync($"/api/contracts/{contractId}/request-revision", new { reason = "用語を統一" }));
        Assert.That(Str(asked["contract"]!["status"]), Is.EqualTo("revisionRequested"));
        var second = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{contractId}/submissions", new { message = "第二稿" }));
        Assert.That(Str(second["contract"]!["status"]), Is.EqualTo("submitted"), "no gate once the job's producer is gone");
        var accepted = await Ok(await business.Http.PostAsync($"/api/contracts/{contractId}/accept", null));
        Assert.That(Str(accepted["contract"]!["status"]), Is.EqualTo("completed"));
        var settlement = await Ok(await business.Http.GetAsync($"/api/contracts/{contractId}/settlement"));
        Assert.That(settlement["released"]!.GetValue<bool>(), "the escrow was released");
        Assert.That(settlement["escrowBalance"]!.GetValue<long>(), Is.Zero);
    }

    [Test]
    public async Task Work_on_a_producer_review_job_whose_producer_left_before_delivery_goes_to_the_business()
    {
        var business = await SignUp(Role.Business);
        var gate = await SignUp(Role.Producer);
        var worker = await SignUp(Role.Worker);
        var gateLink = await Link(business, gate);
        var job = await Created(await gate.Http.PostAsJsonAsync("/api/jobs", ReviewedJobFor(business)));
        var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job))));
        await Ok(await business.Http.PostAsync($"/api/producer-links/{Id(gateLink)}/end", null));

        var submitted = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "初稿" }));
        Assert.That(Str(submitted["contract"]!["status"]), Is.EqualTo("submitted"), "the job's producer no longer acts for the business");
        Assert.That(await Kinds(business), Has.Some.EqualTo("submissionToReview"));
        Assert.That(await Kinds(gate), Has.None.EqualTo("submissionToReview"), "the former producer hears nothing of the work");
        await Ok(await business.Http.PostAsync($"/api/contracts/{Id(contract)}/accept", null));
    }

    [Test]
    public async Task Ending_one_producers_link_leaves_another_producers_review_in_place()
    {
        var (business, _, _, leavingLink, handedOver) = await WorkInReview();
        var staying = await SignUp(Role.Producer);
        var worker = await SignUp(Role.Worker);
        await Link(business, staying);
        var job = await Created(await staying.Http.PostAsJsonAsync("/api/jobs", ReviewedJobFor(business)));
        var kept = Id(await Award(business, Id(job), Id(await PlaceBid(worker, Id(job)))));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{kept}/submissions", new { message = "初稿" }));

        await Ok(await business.Http.PostAsync($"/api/producer-links/{Id(leavingLink)}/end", null));

        Assert.That(Str((await Contract(business, handedOver))["status"]), Is.EqualTo("submitted"));
        Assert.That(Str((await Contract(business, kept))["status"]), Is.EqualTo("inReview"), "the other producer still runs its gate");
        var forwarded = await Ok(await staying.Http.PostAsync($"/api/contracts/{kept}/forward", null));
        Assert.That(Str(forwarded["contract"]!["status"]), Is.EqualTo("submitted"));
    }
}
