using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

public sealed class BidTests : ApiTest
{
    [Test]
    public async Task A_worker_bids_and_the_bid_is_pending()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker, "佐藤 美咲");
        var job = await PostJob(business);
        var bid = await PlaceBid(worker, Id(job), amount: 48_000, deliveryDays: 10);
        Assert.That(Str(bid["status"]), Is.EqualTo("pending"));
        Assert.That(Str(bid["workerName"]), Is.EqualTo("佐藤 美咲"));
        Assert.That(bid["amount"]!.GetValue<long>(), Is.EqualTo(48_000));
    }

    [Test]
    public async Task A_second_live_bid_on_the_same_job_is_a_409_but_a_withdrawn_one_can_be_replaced()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business);
        var first = await PlaceBid(worker, Id(job));
        var again = await Problem(await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids", new { amount = 1, deliveryDays = 1, message = "again" }), HttpStatusCode.Conflict);
        Assert.That(Str(again["code"]), Is.EqualTo("bidExists"));
        var withdrawn = await Ok(await worker.Http.PostAsync($"/api/bids/{Id(first)}/withdraw", null));
        Assert.That(Str(withdrawn["status"]), Is.EqualTo("withdrawn"));
        await PlaceBid(worker, Id(job), amount: 45_000);
        var twice = await Problem(await worker.Http.PostAsync($"/api/bids/{Id(first)}/withdraw", null), HttpStatusCode.Conflict);
        Assert.That(Str(twice["code"]), Is.EqualTo("bidNotPending"));
    }

    [Test]
    public async Task Businesses_and_producers_cannot_bid()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var job = await PostJob(business);
        foreach (var user in new[] { business, producer })
            await Problem(await user.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids", new { amount = 1, deliveryDays = 1, message = "m" }), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Bids_on_a_closed_job_are_409_and_on_an_unknown_job_404()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business);
        await Ok(await business.Http.PostAsync($"/api/jobs/{Id(job)}/cancel", null));
        var closed = await Problem(await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids", new { amount = 1, deliveryDays = 1, message = "m" }), HttpStatusCode.Conflict);
        Assert.That(Str(closed["code"]), Is.EqualTo("jobNotOpen"));
        // Integrations show the detail as it comes: it says which of the two went wrong.
        Assert.That(Str(closed["detail"]), Is.EqualTo("The job is no longer open for bids."));
        var unknown = await Problem(await worker.Http.PostAsJsonAsync("/api/jobs/nope/bids", new { amount = 1, deliveryDays = 1, message = "m" }), HttpStatusCode.NotFound);
        Assert.That(Str(unknown["detail"]), Is.EqualTo("No such job."));
    }

    [Test]
    public async Task The_owner_sees_every_bid_a_worker_only_its_own_and_another_business_none()
    {
        var business = await SignUp(Role.Business);
        var misaki = await SignUp(Role.Worker);
        var kenta = await SignUp(Role.Worker);
        var stranger = await SignUp(Role.Business);
        var job = await PostJob(business);
        await PlaceBid(misaki, Id(job), amount: 50_000);
        await PlaceBid(kenta, Id(job), amount: 40_000);

        var all = await business.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/bids");
        Assert.That(all!.Select(b => b!["amount"]!.GetValue<long>()), Is.EqualTo(new long[] { 40_000, 50_000 }));
        var own = await misaki.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/bids");
        Assert.That(own!.Select(b => Str(b!["workerId"])), Is.EqualTo(new[] { misaki.Id }));
        await Problem(await stranger.Http.GetAsync($"/api/jobs/{Id(job)}/bids"), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Nobody_withdraws_another_workers_bid()
    {
        var business = await SignUp(Role.Business);
        var owner = await SignUp(Role.Worker);
        var other = await SignUp(Role.Worker);
        var bid = await PlaceBid(owner, Id(await PostJob(business)));
        await Problem(await other.Http.PostAsync($"/api/bids/{Id(bid)}/withdraw", null), HttpStatusCode.NotFound);
        await Problem(await business.Http.PostAsync($"/api/bids/{Id(bid)}/withdraw", null), HttpStatusCode.NotFound);
        Assert.That(Scalar("SELECT COUNT(*) FROM bids WHERE status = 'pending'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_worker_lists_its_own_bids()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        await PlaceBid(worker, Id(await PostJob(business, NewJob(title: "A"))));
        await PlaceBid(worker, Id(await PostJob(business, NewJob(title: "B"))));
        await PlaceBid(await SignUp(Role.Worker), Id(await PostJob(business, NewJob(title: "C"))));
        var mine = await Ok(await worker.Http.GetAsync("/api/me/bids"));
        Assert.That(mine["items"]!.AsArray().Select(b => Str(b!["jobTitle"])), Is.EqualTo(new[] { "B", "A" }));
    }
}
