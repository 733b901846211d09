using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>What an award fixes and who may make it, beyond the happy path in AwardTests.</summary>
public sealed class AwardRulesTests : ApiTest
{
    private async Task<JsonObject> ActiveLink(User business, User producer, bool canAward = true, decimal feeRate = 0.05m)
    {
        return await LinkProducer(business, producer, canAward: canAward, feeRate: feeRate);
    }

    private async Task<JsonObject> PostedBy(User producer, User business) =>
        await Created(await producer.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "観光パンフレット", description = "d", category = "design", budgetMin = 1, budgetMax = 100_000,
            deadline = DateTimeOffset.UtcNow.AddDays(10), businessId = business.Id,
        }));

    [Test]
    public async Task The_contract_names_its_job_bid_parties_and_is_funded_and_located()
    {
        var business = await SignUp(Role.Business, "湯沢酒造");
        var worker = await SignUp(Role.Worker, "佐藤 美咲");
        var job = await PostJob(business, NewJob(title: "純米酒のラベル"));
        var bid = await PlaceBid(worker, Id(job), amount: 42_000);
        var response = await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", new { bidId = Id(bid) });
        var contract = await Created(response);
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/contracts/{Id(contract)}"));
        Assert.That(Str(contract["jobId"]), Is.EqualTo(Id(job)));
        Assert.That(Str(contract["jobTitle"]), Is.EqualTo("純米酒のラベル"));
        Assert.That(Str(contract["bidId"]), Is.EqualTo(Id(bid)));
        Assert.That(Str(contract["workerName"]), Is.EqualTo("佐藤 美咲"));
        Assert.That(Str(contract["businessName"]), Is.EqualTo("湯沢酒造"));
        Assert.That(contract["producerId"]?.GetValueKind(), Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(contract["producerReview"]!.GetValue<bool>(), Is.False);
        Assert.That(contract["fundedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        Assert.That(Scalar($"SELECT amount FROM payments WHERE contract_id = '{Id(contract)}'"), Is.EqualTo(42_000));
    }

    [Test]
    public async Task A_missing_unknown_or_overlong_bid_id_is_a_400_on_bidId_and_changes_nothing()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        await PlaceBid(await SignUp(Role.Worker), Id(job));
        foreach (var body in new object[] { new { }, new { bidId = "" }, new { bidId = "00000000000000000000000000000000" }, new { bidId = new string('b', 65) } })
        {
            var problem = await Problem(await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", body), HttpStatusCode.BadRequest);
            Assert.That(problem["errors"]!["bidId"], Is.Not.Null, problem.ToJsonString());
        }
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts"), Is.Zero);
        Assert.That(Scalar("SELECT COUNT(*) FROM bids WHERE status = 'pending'"), Is.EqualTo(1));
        Assert.That(Str((await Ok(await business.Http.GetAsync($"/api/jobs/{Id(job)}")))["status"]), Is.EqualTo("open"));
    }

    [Test]
    public async Task A_cancelled_job_cannot_be_awarded()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        var bid = await PlaceBid(await SignUp(Role.Worker), Id(job));
        await Ok(await business.Http.PostAsync($"/api/jobs/{Id(job)}/cancel", null));
        await Problem(await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", new { bidId = Id(bid) }), HttpStatusCode.Conflict);
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts"), Is.Zero);
    }

    [Test]
    public async Task A_job_a_stranger_cannot_see_is_a_404_to_award()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        var first = await PlaceBid(await SignUp(Role.Worker), Id(job));
        await Award(business, Id(job), Id(first));
        var stranger = await SignUp(Role.Business);
        await Problem(await stranger.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", new { bidId = Id(first) }), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_business_awards_its_own_job_even_with_a_producer_that_may_not()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        await ActiveLink(business, producer, canAward: false);
        var job = await PostedBy(producer, business);
        var bid = await PlaceBid(await SignUp(Role.Worker), Id(job), amount: 10_000);
        await Problem(await producer.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", new { bidId = Id(bid) }), HttpStatusCode.Forbidden);
        var contract = await Award(business, Id(job), Id(bid));
        Assert.That(Str(contract["producerId"]), Is.EqualTo(producer.Id), "the job's producer stays on the contract");
        Assert.That(Scalar($"SELECT producer_fee FROM contracts WHERE id = '{Id(contract)}'"), Is.EqualTo(500), "5% of ¥10,000");
    }

    [Test]
    public async Task A_producer_fee_follows_the_link_in_force_at_award_and_none_without_one()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var link = await ActiveLink(business, producer, feeRate: 0.2m);
        var job = await PostedBy(producer, business);
        var bid = await PlaceBid(await SignUp(Role.Worker), Id(job), amount: 10_000);
        await Ok(await business.Http.PostAsync($"/api/producer-links/{Id(link)}/end", null));
        await Problem(await producer.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", new { bidId = Id(bid) }), HttpStatusCode.Forbidden);
        var contract = await Award(business, Id(job), Id(bid));
        Assert.That(Str(contract["producerId"]), Is.EqualTo(producer.Id), "the job still names its producer");
        Assert.That(Scalar($"SELECT producer_fee FROM contracts WHERE id = '{Id(contract)}'"), Is.Zero);
        Assert.That(Scalar($"SELECT producer_id IS NULL FROM contracts WHERE id = '{Id(contract)}'"), Is.EqualTo(1), "nobody to pay a fee to");
        Assert.That(Scalar($"SELECT amount FROM payments WHERE contract_id = '{Id(contract)}'"), Is.EqualTo(10_000));

        var ownJob = await PostJob(business);
        var relinked = await ActiveLink(business, producer, feeRate: 0.3m);
        var ownContract = await Award(business, Id(ownJob), Id(await PlaceBid(await SignUp(Role.Worker), Id(ownJob), amount: 10_000)));
        Assert.That(Scalar($"SELECT producer_fee FROM contracts WHERE id = '{Id(ownContract)}'"), Is.Zero,
            "a job the business posted itself pays no producer, linked or not: " + Id(relinked));
    }

    [Test]
    public async Task The_chosen_worker_and_the_others_are_told_by_name_of_the_job()
    {
        var business = await SignUp(Role.Business);
        var chosen = await SignUp(Role.Worker);
        var other = await SignUp(Role.Worker);
        var job = await PostJob(business, NewJob(title: "英訳"));
        var bid = await PlaceBid(chosen, Id(job));
        var otherBid = await PlaceBid(other, Id(job));
        var contract = await Award(business, Id(job), Id(bid));

        var told = (await Ok(await chosen.Http.GetAsync("/api/notifications")))["items"]!.AsArray().Single()!;
        Assert.That(Str(told["message"]), Is.EqualTo("Your bid on \"英訳\" was accepted."));
        Assert.That(Str(told["jobId"]), Is.EqualTo(Id(job)));
        Assert.That(Str(told["contractId"]), Is.EqualTo(Id(contract)));
        var rejected = (await Ok(await other.Http.GetAsync("/api/notifications")))["items"]!.AsArray().Single()!;
        Assert.That(Str(rejected["message"]), Is.EqualTo("Another bid was chosen for \"英訳\"."));
        Assert.That(Str(rejected["jobId"]), Is.EqualTo(Id(job)));
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE event_key = 'award:{Id(contract)}'"), Is.EqualTo(1));
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE event_key = 'reject:{Id(contract)}:{Id(otherBid)}'"), Is.EqualTo(1));
    }
}
