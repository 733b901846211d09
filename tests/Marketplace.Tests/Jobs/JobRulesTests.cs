using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>Posting, seeing, listing and cancelling jobs: the rules JobTests leaves out.</summary>
public sealed class JobRulesTests : ApiTest
{
    private async Task<(User Business, User Producer)> LinkedPair(bool canPostJobs = true)
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        await LinkProducer(business, producer, canPostJobs: canPostJobs);
        return (business, producer);
    }

    [Test]
    public async Task A_posted_job_is_located_trimmed_and_names_its_business()
    {
        var business = await SignUp(Role.Business, "小安峡観光協会");
        var response = await business.Http.PostAsJsonAsync("/api/jobs",
            NewJob(title: "写真", description: "  紅葉の写真 \n", region: "  秋田県湯沢市 "));
        var job = await Created(response);
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/jobs/{Id(job)}"));
        Assert.That(Str(job["description"]), Is.EqualTo("紅葉の写真"));
        Assert.That(Str(job["region"]), Is.EqualTo("秋田県湯沢市"));
        Assert.That(Str(job["businessName"]), Is.EqualTo("小安峡観光協会"));
        Assert.That(job["producerReview"]!.GetValue<bool>(), Is.False);
        Assert.That(job["bidCount"]!.GetValue<int>(), Is.Zero);
        Assert.That(job["createdAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));

        var noRegion = await PostJob(business, NewJob(region: "   "));
        Assert.That(noRegion["region"]?.GetValueKind(), Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null), "a blank region is no region");
        var own = await PostJob(business, new
        {
            title = "t", description = "d", category = "other", budgetMin = 1, budgetMax = 2,
            deadline = DateTimeOffset.UtcNow.AddDays(3), businessId = business.Id,
        });
        Assert.That(Str(own["businessId"]), Is.EqualTo(business.Id), "naming itself is allowed");
    }

    [Test]
    public async Task Each_missing_field_is_named_with_its_own_message()
    {
        var business = await SignUp(Role.Business);
        var problem = await Problem(await business.Http.PostAsJsonAsync("/api/jobs", new { title = " ", description = "", budgetMin = 1, budgetMax = 1 }),
            HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject().ToDictionary(e => e.Key, e => e.Value!.AsArray().Select(m => (string?)m).ToArray());
        Assert.That(errors["title"], Is.EqualTo(new[] { "Title is required." }));
        Assert.That(errors["description"], Is.EqualTo(new[] { "Description is required." }));
        Assert.That(errors["category"], Is.EqualTo(new[] { "Category must be one of: design, translation, transcription, writing, dataEntry, other." }));
        Assert.That(errors["deadline"], Is.EqualTo(new[] { "Deadline is required." }));
        Assert.That(Str(problem["errorCodes"]!["deadline"]![0]!["code"]), Is.EqualTo("required"));
    }

    [Test]
    public async Task A_deadline_more_than_a_year_away_carries_its_own_code()
    {
        var business = await SignUp(Role.Business);
        var problem = await Problem(await business.Http.PostAsJsonAsync("/api/jobs", NewJob(deadlineDays: 400)), HttpStatusCode.BadRequest);
        Assert.That(Str(problem["errorCodes"]!["deadline"]![0]!["code"]), Is.EqualTo("deadlineTooFar"));
        Assert.That(Str(problem["errors"]!["deadline"]![0]), Is.EqualTo("Deadline must be within a year."));
    }

    [Test]
    public async Task A_region_over_50_characters_or_an_overlong_business_id_is_refused()
    {
        var business = await SignUp(Role.Business);
        var region = await Problem(await business.Http.PostAsJsonAsync("/api/jobs", NewJob(region: new string('県', 51))), HttpStatusCode.BadRequest);
        Assert.That(region["errors"]!["region"], Is.Not.Null);
        await PostJob(business, NewJob(region: new string('県', 50)));
        var id = await Problem(await business.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "t", description = "d", category = "other", budgetMin = 1, budgetMax = 2,
            deadline = DateTimeOffset.UtcNow.AddDays(3), businessId = new string('x', 65),
        }), HttpStatusCode.BadRequest);
        Assert.That(id["errors"]!["businessId"], Is.Not.Null);
    }

    [Test]
    public async Task A_producer_names_the_client_and_may_ask_for_a_review_of_each_submission()
    {
        var (business, producer) = await LinkedPair();
        var problem = await Problem(await producer.Http.PostAsJsonAsync("/api/jobs", NewJob()), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["businessId"], Is.Not.Null);
        var gated = await Created(await producer.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "t", description = "d", category = "other", budgetMin = 1, budgetMax = 2,
            deadline = DateTimeOffset.UtcNow.AddDays(3), businessId = business.Id, producerReview = true,
        }));
        Assert.That(gated["producerReview"]!.GetValue<bool>(), Is.True);
        await Problem(await (await SignUp(Role.Producer)).Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "t", description = "d", category = "other", budgetMin = 1, budgetMax = 2,
            deadline = DateTimeOffset.UtcNow.AddDays(3), businessId = business.Id,
        }), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task The_bid_count_leaves_out_withdrawn_bids()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        var first = await PlaceBid(await SignUp(Role.Worker), Id(job));
        await PlaceBid(await SignUp(Role.Worker), Id(job));
        await PlaceBid(await SignUp(Role.Worker), Id(job));
        var withdrawer = await SignUp(Role.Worker);
        var withdrawn = await PlaceBid(withdrawer, Id(job));
        await Ok(await withdrawer.Http.PostAsync($"/api/bids/{Id(withdrawn)}/withdraw", null));
        Assert.That((await Ok(await business.Http.GetAsync($"/api/jobs/{Id(job)}")))["bidCount"]!.GetValue<int>(), Is.EqualTo(3));
        await Award(business, Id(job), Id(first));
        Assert.That((await Ok(await business.Http.GetAsync($"/api/jobs/{Id(job)}")))["bidCount"]!.GetValue<int>(), Is.EqualTo(3), "rejected bids still count");
    }

    [Test]
    public async Task A_closed_job_is_seen_by_its_business_its_producer_and_its_bidders_only()
    {
        var (business, producer) = await LinkedPair();
        var bidder = await SignUp(Role.Worker);
        var job = await PostJob(business);
        await PlaceBid(bidder, Id(job));
        await Ok(await business.Http.PostAsync($"/api/jobs/{Id(job)}/cancel", null));
        foreach (var user in new[] { business, producer, bidder })
            Assert.That(Str((await Ok(await user.Http.GetAsync($"/api/jobs/{Id(job)}")))["status"]), Is.EqualTo("cancelled"), user.Role.ToString());
        foreach (var user in new[] { await SignUp(Role.Worker), await SignUp(Role.Business), await SignUp(Role.Producer) })
        {
            await Problem(await user.Http.GetAsync($"/api/jobs/{Id(job)}"), HttpStatusCode.NotFound);
            Assert.That((await Ok(await user.Http.GetAsync("/api/jobs?status=cancelled")))["items"]!.AsArray(), Is.Empty);
        }
        Assert.That((await Ok(await bidder.Http.GetAsync("/api/jobs?status=cancelled")))["items"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Mine_means_a_businesss_own_jobs_a_producers_clients_jobs_and_a_workers_bid_on_jobs()
    {
        var (business, producer) = await LinkedPair();
        var worker = await SignUp(Role.Worker);
        var other = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "own"));
        var bidOn = await PostJob(other, NewJob(title: "bid on"));
        await PostJob(other, NewJob(title: "not mine"));
        await PlaceBid(worker, Id(bidOn));

        async Task<string[]> Mine(User user) =>
            (await Ok(await user.Http.GetAsync("/api/jobs?mine=true")))["items"]!.AsArray().Select(j => Str(j!["title"])).ToArray();

        Assert.That(await Mine(business), Is.EqualTo(new[] { "own" }));
        Assert.That(await Mine(producer), Is.EqualTo(new[] { "own" }));
        Assert.That(await Mine(worker), Is.EqualTo(new[] { "bid on" }));
        Assert.That((await Ok(await worker.Http.GetAsync("/api/jobs?mine=false")))["items"]!.AsArray(), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Search_words_are_literal_and_filters_are_trimmed_and_read_in_any_case()
    {
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "file_name", category: "design", region: "秋田県湯沢市"));
        await PostJob(business, NewJob(title: "filexname", category: "writing", region: "秋田県横手市"));
        await PostJob(business, NewJob(title: "back\\slash", category: "other", region: null));
        var worker = await SignUp(Role.Worker);

        async Task<string[]> Titles(string query) =>
            (await Ok(await worker.Http.GetAsync("/api/jobs?" + query)))["items"]!.AsArray().Select(j => Str(j!["title"])).ToArray();

        // Latin text is searched by whole words; punctuation separates words and is never read as search syntax.
        Assert.That(await Titles("q=" + Uri.EscapeDataString("name")), Is.EqualTo(new[] { "file_name" }), "_ separates words");
        Assert.That(await Titles("q=" + Uri.EscapeDataString("slash")), Is.EqualTo(new[] { "back\\slash" }), "\\ separates words");
        Assert.That(await Titles("q=" + Uri.EscapeDataString("  FILEXNAME ")), Is.EqualTo(new[] { "filexname" }));
        Assert.That(await Titles("q=" + Uri.EscapeDataString("file OR NEAR(name) \"*")), Is.Empty, "FTS5 operators typed are plain words");
        Assert.That(await Titles("q=%20"), Has.Length.EqualTo(3), "blank words filter nothing");
        Assert.That(await Titles("region=" + Uri.EscapeDataString(" 秋田県湯沢市 ")), Is.EqualTo(new[] { "file_name" }));
        Assert.That(await Titles("region=%20"), Has.Length.EqualTo(3));
        Assert.That(await Titles("category=WRITING"), Is.EqualTo(new[] { "filexname" }));
        Assert.That(await Titles("status=OPEN"), Has.Length.EqualTo(3));
        await Problem(await worker.Http.GetAsync("/api/jobs?category=sculpture"), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.GetAsync("/api/jobs?q=" + new string('q', 201)), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.GetAsync("/api/jobs?region=" + new string('r', 51)), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.GetAsync("/api/jobs?minBudget=100000001"), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.GetAsync("/api/jobs?maxBudget=-1"), HttpStatusCode.BadRequest);
        Assert.That(await Titles("minBudget=0&maxBudget=100000000"), Has.Length.EqualTo(3));
    }

    [Test]
    public async Task Only_the_business_cancels_and_a_closed_job_stays_closed()
    {
        var (business, producer) = await LinkedPair();
        var job = await PostJob(business);
        var refused = await Problem(await producer.Http.PostAsync($"/api/jobs/{Id(job)}/cancel", null), HttpStatusCode.Forbidden);
        Assert.That(Str(refused["detail"]), Is.EqualTo("Only the job's business may cancel it."));
        var cancelled = await Ok(await business.Http.PostAsync($"/api/jobs/{Id(job)}/cancel", null));
        Assert.That(Id(cancelled), Is.EqualTo(Id(job)));
        var again = await Problem(await business.Http.PostAsync($"/api/jobs/{Id(job)}/cancel", null), HttpStatusCode.Conflict);
        Assert.That(Str(again["detail"]), Does.StartWith("A cancelled job"));
    }

    [Test]
    public async Task A_completed_job_cannot_be_cancelled_and_its_money_stays_released()
    {
        var (business, worker, contract) = await AwardedContract();
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "m" }));
        await Ok(await business.Http.PostAsync($"/api/contracts/{Id(contract)}/accept", null));
        var problem = await Problem(await business.Http.PostAsync($"/api/jobs/{Str(contract["jobId"])}/cancel", null), HttpStatusCode.Conflict);
        Assert.That(Str(problem["detail"]), Is.EqualTo("A completed job whose work was delivered cannot be cancelled."));
        Assert.That(Str((await Ok(await business.Http.GetAsync($"/api/contracts/{Id(contract)}")))["contract"]!["status"]), Is.EqualTo("completed"));
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key LIKE 'refund:%'"), Is.Zero);
    }

    [Test]
    public async Task Cancelling_after_award_rejects_nothing_more_and_refunds_the_contract_it_cancels()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        var chosen = await PlaceBid(await SignUp(Role.Worker), Id(job));
        var contract = await Award(business, Id(job), Id(chosen));
        var cancelled = await Ok(await business.Http.PostAsync($"/api/jobs/{Id(job)}/cancel", null));
        Assert.That(Str(cancelled["status"]), Is.EqualTo("cancelled"));
        Assert.That(Scalar($"SELECT status = 'accepted' FROM bids WHERE id = '{Id(chosen)}'"), Is.EqualTo(1), "the awarded bid stays accepted");
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'refund:{Id(contract)}'"), Is.EqualTo(1));
    }
}
