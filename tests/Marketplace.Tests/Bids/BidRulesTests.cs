using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>The limits of a bid, what it shows, who hears of it and who lists it, beyond BidTests.</summary>
public sealed class BidRulesTests : ApiTest
{
    [TestCase("amount", 0L, TestName = "A bid under 1 yen is refused")]
    [TestCase("amount", 100_000_001L, TestName = "A bid over 100 million yen is refused")]
    [TestCase("deliveryDays", 0L, TestName = "A delivery in 0 days is refused")]
    [TestCase("deliveryDays", 366L, TestName = "A delivery in more than a year is refused")]
    public async Task Bid_limits(string field, long value)
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business);
        var bid = new JsonObject { ["amount"] = 50_000, ["deliveryDays"] = 7, ["message"] = "m", [field] = value };
        var problem = await Problem(await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids", bid), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { field }));
        Assert.That(Scalar("SELECT COUNT(*) FROM bids"), Is.Zero);
    }

    [Test]
    public async Task The_edges_of_the_bid_limits_are_accepted()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        await PlaceBid(await SignUp(Role.Worker), Id(job), amount: 1, deliveryDays: 1);
        await PlaceBid(await SignUp(Role.Worker), Id(job), amount: 100_000_000, deliveryDays: 365);
        await Created(await (await SignUp(Role.Worker)).Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids",
            new { amount = 5, deliveryDays = 5, message = new string('字', 5_000) }));
    }

    [Test]
    public async Task A_blank_or_overlong_message_is_refused_and_a_message_is_stored_trimmed()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business);
        var blank = await Problem(await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids", new { amount = 5, deliveryDays = 5, message = "  \n " }),
            HttpStatusCode.BadRequest);
        Assert.That(blank["errors"]!["message"]!.AsArray().Select(m => (string?)m), Is.EqualTo(new[] { "Message is required." }));
        Assert.That(Str(blank["errorCodes"]!["message"]![0]!["code"]), Is.EqualTo("required"));
        var long_ = await Problem(await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids", new { amount = 5, deliveryDays = 5, message = new string('a', 5_001) }),
            HttpStatusCode.BadRequest);
        Assert.That(long_["errors"]!["message"], Is.Not.Null);

        var response = await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids", new { amount = 48_000, deliveryDays = 10, message = "  3案ご提案します \n" });
        var bid = await Created(response);
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/jobs/{Id(job)}/bids"));
        Assert.That(Str(bid["message"]), Is.EqualTo("3案ご提案します"));
        Assert.That(Str(bid["jobId"]), Is.EqualTo(Id(job)));
        Assert.That(Str(bid["jobTitle"]), Is.EqualTo("純米酒のラベルデザイン"));
        Assert.That(Str(bid["workerId"]), Is.EqualTo(worker.Id));
        Assert.That(bid["deliveryDays"]!.GetValue<int>(), Is.EqualTo(10));
        Assert.That(bid["workerReviewCount"]!.GetValue<int>(), Is.Zero);
        Assert.That(bid["workerRating"]?.GetValueKind(), Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null), "no reviews yet");
        Assert.That(bid["createdAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public async Task The_business_and_the_producer_who_posted_hear_of_a_new_bid_with_its_amount()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        await LinkProducer(business, producer);
        var job = await Created(await producer.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "酒蔵の英訳", description = "d", category = "translation", budgetMin = 1, budgetMax = 100_000,
            deadline = DateTimeOffset.UtcNow.AddDays(10), businessId = business.Id,
        }));
        var bid = await PlaceBid(await SignUp(Role.Worker), Id(job), amount: 48_000);
        foreach (var owner in new[] { business, producer })
        {
            var told = (await Ok(await owner.Http.GetAsync("/api/notifications")))["items"]!.AsArray().Single()!;
            Assert.That(Str(told["kind"]), Is.EqualTo("bidReceived"));
            Assert.That(Str(told["message"]), Is.EqualTo("New bid of ¥48,000 on \"酒蔵の英訳\"."));
            Assert.That(Str(told["jobId"]), Is.EqualTo(Id(job)));
        }
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE event_key = 'bid:{Id(bid)}'"), Is.EqualTo(2));

        var own = await PostJob(business);
        await PlaceBid(await SignUp(Role.Worker), Id(own));
        Assert.That((await Ok(await producer.Http.GetAsync("/api/notifications")))["items"]!.AsArray(), Has.Count.EqualTo(1),
            "a job the business posted itself tells only the business");
    }

    [Test]
    public async Task Bids_on_a_job_are_listed_cheapest_first_with_the_workers_reputation()
    {
        var (client, reviewed, contract) = await AwardedContract();
        await Created(await reviewed.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "m" }));
        await Ok(await client.Http.PostAsync($"/api/contracts/{Id(contract)}/accept", null));
        await Created(await client.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/reviews", new { rating = 4, comment = "" }));

        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        var newcomer = await SignUp(Role.Worker);
        await PlaceBid(newcomer, Id(job), amount: 30_000);
        await PlaceBid(reviewed, Id(job), amount: 20_000);
        await PlaceBid(await SignUp(Role.Worker), Id(job), amount: 30_000);
        var bids = (await business.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/bids"))!;
        Assert.That(bids.Select(b => b!["amount"]!.GetValue<long>()), Is.EqualTo(new long[] { 20_000, 30_000, 30_000 }));
        Assert.That(Str(bids[1]!["workerId"]), Is.EqualTo(newcomer.Id), "equal amounts in the order they came");
        Assert.That(bids[0]!["workerRating"]!.GetValue<double>(), Is.EqualTo(4.0));
        Assert.That(bids[0]!["workerReviewCount"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(bids[1]!["workerReviewCount"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task A_worker_who_did_not_bid_sees_no_bids_and_a_stranger_producer_none_at_all()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        await PlaceBid(await SignUp(Role.Worker), Id(job));
        Assert.That((await (await SignUp(Role.Worker)).Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/bids"))!, Is.Empty);
        await Problem(await (await SignUp(Role.Producer)).Http.GetAsync($"/api/jobs/{Id(job)}/bids"), HttpStatusCode.Forbidden);
        await Problem(await business.Http.GetAsync("/api/jobs/00000000000000000000000000000000/bids"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_worker_lists_its_bids_by_status_a_page_at_a_time_and_only_a_worker_has_such_a_list()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var a = await PlaceBid(worker, Id(await PostJob(business, NewJob(title: "A"))));
        await PlaceBid(worker, Id(await PostJob(business, NewJob(title: "B"))));
        await PlaceBid(worker, Id(await PostJob(business, NewJob(title: "C"))));
        await Ok(await worker.Http.PostAsync($"/api/bids/{Id(a)}/withdraw", null));

        async Task<(string[] Titles, string? Next)> Page(string query)
        {
            var page = await Ok(await worker.Http.GetAsync("/api/me/bids?" + query));
            return (page["items"]!.AsArray().Select(b => Str(b!["jobTitle"])).ToArray(), page["nextCursor"]?.GetValue<string>());
        }

        Assert.That((await Page("status=withdrawn")).Titles, Is.EqualTo(new[] { "A" }));
        Assert.That((await Page("status=Pending")).Titles, Is.EqualTo(new[] { "C", "B" }), "status names in any case");
        var first = await Page("limit=2");
        Assert.That(first.Titles, Is.EqualTo(new[] { "C", "B" }));
        Assert.That(first.Next, Is.Not.Null);
        var second = await Page("limit=2&cursor=" + first.Next);
        Assert.That(second.Titles, Is.EqualTo(new[] { "A" }));
        Assert.That(second.Next, Is.Null);
        await Problem(await worker.Http.GetAsync("/api/me/bids?status=won"), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.GetAsync("/api/me/bids?cursor=forged"), HttpStatusCode.BadRequest);
        await Problem(await business.Http.GetAsync("/api/me/bids"), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Withdrawing_an_unknown_or_accepted_bid_is_refused()
    {
        var (_, worker, contract) = await AwardedContract();
        await Problem(await worker.Http.PostAsync("/api/bids/00000000000000000000000000000000/withdraw", null), HttpStatusCode.NotFound);
        var problem = await Problem(await worker.Http.PostAsync($"/api/bids/{Str(contract["bidId"])}/withdraw", null), HttpStatusCode.Conflict);
        Assert.That(Str(problem["detail"]), Does.EndWith("this one is accepted."));
        Assert.That(Scalar($"SELECT status = 'accepted' FROM bids WHERE id = '{Str(contract["bidId"])}'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_withdrawn_bid_is_answered_with_its_new_status()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var bid = await PlaceBid(worker, Id(await PostJob(business)), amount: 33_000);
        var withdrawn = await Ok(await worker.Http.PostAsync($"/api/bids/{Id(bid)}/withdraw", null));
        Assert.That(Id(withdrawn), Is.EqualTo(Id(bid)));
        Assert.That(Str(withdrawn["status"]), Is.EqualTo("withdrawn"));
        Assert.That(withdrawn["amount"]!.GetValue<long>(), Is.EqualTo(33_000));
    }
}
