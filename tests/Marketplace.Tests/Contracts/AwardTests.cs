using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

public sealed class AwardTests : ApiTest
{
    [Test]
    public async Task Award_makes_a_contract_accepts_the_bid_rejects_the_others_and_closes_the_job()
    {
        var business = await SignUp(Role.Business);
        var chosen = await SignUp(Role.Worker);
        var other = await SignUp(Role.Worker);
        var job = await PostJob(business);
        var bid = await PlaceBid(chosen, Id(job), amount: 42_000, deliveryDays: 7);
        var otherBid = await PlaceBid(other, Id(job));

        var contract = await Award(business, Id(job), Id(bid));
        Assert.That(Str(contract["status"]), Is.EqualTo("active"));
        Assert.That(Str(contract["workerId"]), Is.EqualTo(chosen.Id));
        Assert.That(Str(contract["businessId"]), Is.EqualTo(business.Id));
        Assert.That(contract["amount"]!.GetValue<long>(), Is.EqualTo(42_000));
        Assert.That(contract["deadline"]!.GetValue<DateTimeOffset>(), Is.EqualTo(DateTimeOffset.UtcNow.AddDays(7)).Within(TimeSpan.FromMinutes(1)));

        Assert.That(Str((await Ok(await business.Http.GetAsync($"/api/jobs/{Id(job)}")))["status"]), Is.EqualTo("awarded"));
        Assert.That(Scalar($"SELECT status = 'accepted' FROM bids WHERE id = '{Id(bid)}'"), Is.EqualTo(1));
        Assert.That(Scalar($"SELECT status = 'rejected' FROM bids WHERE id = '{Id(otherBid)}'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Of_many_simultaneous_awards_of_one_job_exactly_one_wins()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        var bids = new List<string>();
        for (var i = 0; i < 12; i++) bids.Add(Id(await PlaceBid(await SignUp(Role.Worker), Id(job), amount: 40_000 + i)));

        var responses = await Task.WhenAll(bids.Select(bid => Task.Run(() =>
            business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", new { bidId = bid }))));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(11));
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM bids WHERE status = 'accepted'"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM bids WHERE status = 'rejected'"), Is.EqualTo(11));
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts c JOIN bids b ON b.id = c.bid_id WHERE b.status = 'accepted'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Only_the_jobs_business_awards_it()
    {
        var business = await SignUp(Role.Business);
        var stranger = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business);
        var bid = await PlaceBid(worker, Id(job));
        await Problem(await stranger.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", new { bidId = Id(bid) }), HttpStatusCode.Forbidden);
        await Problem(await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", new { bidId = Id(bid) }), HttpStatusCode.Forbidden);
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts"), Is.Zero);
    }

    [Test]
    public async Task Awarding_a_withdrawn_bid_is_409_and_leaves_the_job_open()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business);
        var bid = await PlaceBid(worker, Id(job));
        await Ok(await worker.Http.PostAsync($"/api/bids/{Id(bid)}/withdraw", null));
        await Problem(await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", new { bidId = Id(bid) }), HttpStatusCode.Conflict);
        Assert.That(Str((await Ok(await business.Http.GetAsync($"/api/jobs/{Id(job)}")))["status"]), Is.EqualTo("open"), "the transaction rolled back");
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts"), Is.Zero);
    }

    [Test]
    public async Task Awarding_a_bid_of_another_job_is_a_400_on_bidId()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business);
        var otherJob = await PostJob(await SignUp(Role.Business));
        var foreignBid = await PlaceBid(worker, Id(otherJob));
        var problem = await Problem(await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", new { bidId = Id(foreignBid) }), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["bidId"], Is.Not.Null);
    }

    [Test]
    public async Task A_second_award_after_the_first_is_409()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        var first = await PlaceBid(await SignUp(Role.Worker), Id(job));
        var second = await PlaceBid(await SignUp(Role.Worker), Id(job));
        await Award(business, Id(job), Id(first));
        await Problem(await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", new { bidId = Id(second) }), HttpStatusCode.Conflict);
    }
}
