using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>Submissions, revisions, acceptance, the producer's gate and reviews: limits, refusals and who is told.</summary>
public sealed class DeliveryRulesTests : ApiTest
{
    private static async Task<JsonObject[]> Told(User user) =>
        (await Ok(await user.Http.GetAsync("/api/notifications")))["items"]!.AsArray().Select(n => n!.AsObject()).ToArray();

    private async Task<(User Business, User Producer, User Worker, string ContractId)> GatedContract()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var worker = await SignUp(Role.Worker);
        await LinkProducer(business, producer);
        var job = await Created(await producer.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "ゲート付き", description = "d", category = "writing", budgetMin = 1, budgetMax = 100_000,
            deadline = DateTimeOffset.UtcNow.AddDays(10), businessId = business.Id, producerReview = true,
        }));
        var contract = await Award(producer, Id(job), Id(await PlaceBid(worker, Id(job), amount: 20_000)));
        return (business, producer, worker, Id(contract));
    }

    [Test]
    public async Task Ten_links_of_http_or_https_are_fine_an_eleventh_or_another_scheme_is_not()
    {
        var (_, worker, contract) = await AwardedContract();
        var url = $"/api/contracts/{Id(contract)}/submissions";
        var eleven = await Problem(await worker.Http.PostAsJsonAsync(url,
            new { message = "m", links = Enumerable.Range(0, 11).Select(i => $"https://files.example/{i}").ToArray() }), HttpStatusCode.BadRequest);
        Assert.That(Str(eleven["errorCodes"]!["links"]![0]!["code"]), Is.EqualTo("tooManyLinks"));
        foreach (var link in new[] { "ftp://files.example/a", "files.example/a", "", "https://files.example/" + new string('a', 2_000) })
        {
            var problem = await Problem(await worker.Http.PostAsJsonAsync(url, new { message = "m", links = new[] { link } }), HttpStatusCode.BadRequest);
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "links[0]" }), link);
        }
        await Problem(await worker.Http.PostAsJsonAsync(url, new { message = " " }), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.PostAsJsonAsync(url, new { message = new string('m', 10_001) }), HttpStatusCode.BadRequest);
        Assert.That(Scalar("SELECT COUNT(*) FROM submissions"), Is.Zero);

        var ten = Enumerable.Range(0, 9).Select(i => $"https://files.example/{i}").Append("http://files.example/plain").ToArray();
        var response = await worker.Http.PostAsJsonAsync(url, new { message = "  納品します  ", links = ten });
        var detail = await Created(response);
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/contracts/{Id(contract)}"));
        var submission = detail["submissions"]!.AsArray().Single()!;
        Assert.That(Str(submission["message"]), Is.EqualTo("納品します"));
        Assert.That(submission["links"]!.AsArray().Select(l => (string?)l), Is.EqualTo(ten));
    }

    [Test]
    public async Task A_submission_without_links_is_kept_with_none()
    {
        var (_, worker, contract) = await AwardedContract();
        var detail = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "m" }));
        Assert.That(detail["submissions"]![0]!["links"]!.AsArray(), Is.Empty);
        Assert.That(Scalar("SELECT links = '[]' FROM submissions"), Is.EqualTo(1), "stored as an empty JSON array");
    }

    [Test]
    public async Task Each_step_tells_the_other_side_naming_the_job()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business, NewJob(title: "ラベル"));
        var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job))));
        var id = Id(contract);
        var submitted = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/submissions", new { message = "v1" }));
        var toReview = (await Told(business)).First();
        Assert.That(Str(toReview["kind"]), Is.EqualTo("submissionToReview"));
        Assert.That(Str(toReview["message"]), Is.EqualTo("Work was submitted for \"ラベル\"."));
        Assert.That(Str(toReview["contractId"]), Is.EqualTo(id));
        Assert.That(Str(toReview["jobId"]), Is.EqualTo(Id(job)));
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE event_key = 'submission:{Id(submitted["submissions"]![0]!.AsObject())}'"), Is.EqualTo(1));

        await Ok(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/request-revision", new { reason = "  大きく  " }));
        var revision = (await Told(worker)).First();
        Assert.That(Str(revision["kind"]), Is.EqualTo("revisionRequested"));
        Assert.That(Str(revision["message"]), Is.EqualTo("A revision was asked for \"ラベル\"."));
        Assert.That(Str(revision["contractId"]), Is.EqualTo(id));
        var detail = await Ok(await worker.Http.GetAsync($"/api/contracts/{id}"));
        Assert.That(Str(detail["revisionRequests"]![0]!["reason"]), Is.EqualTo("大きく"));
        Assert.That(Scalar($"SELECT COUNT(*) FROM revision_requests WHERE requested_by = '{business.Id}'"), Is.EqualTo(1));

        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/submissions", new { message = "v2" }));
        var accepted = await Ok(await business.Http.PostAsync($"/api/contracts/{id}/accept", null));
        Assert.That(accepted["contract"]!["completedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        Assert.That(accepted["contract"]!["releasedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        var last = await Told(worker);
        Assert.That(last.Take(2).Select(n => Str(n["message"])), Is.EquivalentTo(new[]
        {
            "Your work on \"ラベル\" was accepted.", "Payment for \"ラベル\" was released.",
        }));
        Assert.That(last.Take(2).Select(n => Str(n["contractId"])), Is.EqualTo(new[] { id, id }));
    }

    [Test]
    public async Task A_revision_waits_for_a_submission_and_names_the_state_it_found()
    {
        var (business, _, contract) = await AwardedContract();
        var problem = await Problem(await business.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/request-revision", new { reason = "r" }),
            HttpStatusCode.Conflict);
        Assert.That(Str(problem["detail"]), Is.EqualTo("A revision can be asked for only after a submission. The contract is active."));
        await Problem(await business.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/request-revision", new { reason = "  " }), HttpStatusCode.BadRequest);
        Assert.That(Scalar("SELECT COUNT(*) FROM revision_requests"), Is.Zero);
    }

    [Test]
    public async Task At_the_gate_the_producer_is_told_first_and_the_business_only_once_it_is_forwarded()
    {
        var (business, producer, worker, id) = await GatedContract();
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/submissions", new { message = "v1" }));
        Assert.That((await Told(producer)).Select(n => Str(n["kind"])), Does.Contain("submissionToReview"));
        Assert.That((await Told(business)).Select(n => Str(n["kind"])), Does.Not.Contain("submissionToReview"));

        await Problem(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/request-revision", new { reason = "r" }), HttpStatusCode.Conflict);
        await Problem(await business.Http.PostAsync($"/api/contracts/{id}/forward", null), HttpStatusCode.Forbidden);
        await Ok(await producer.Http.PostAsync($"/api/contracts/{id}/forward", null));
        var forwarded = (await Told(business)).First();
        Assert.That(Str(forwarded["kind"]), Is.EqualTo("submissionToReview"));
        Assert.That(Str(forwarded["message"]), Is.EqualTo("Checked work is ready for \"ゲート付き\"."));
        var latest = Scalar($"SELECT COUNT(*) FROM notifications WHERE event_key = (SELECT 'forwarded:' || MAX(id) FROM submissions)");
        Assert.That(latest, Is.EqualTo(1));

        var late = await Problem(await producer.Http.PostAsJsonAsync($"/api/contracts/{id}/request-revision", new { reason = "r" }), HttpStatusCode.Conflict);
        Assert.That(Str(late["detail"]), Does.StartWith("A producer asks for a revision while the work is in its review."));
        await Problem(await producer.Http.PostAsync($"/api/contracts/{id}/forward", null), HttpStatusCode.Conflict);
        await Problem(await producer.Http.PostAsync($"/api/contracts/{id}/accept", null), HttpStatusCode.Forbidden);

        await Ok(await business.Http.PostAsync($"/api/contracts/{id}/accept", null));
        Assert.That((await Told(producer)).Select(n => Str(n["kind"])), Does.Contain("paymentReleased"), "the producer is paid its fee");
    }

    [Test]
    public async Task Reviews_go_to_the_other_party_trimmed_and_the_producer_gives_none()
    {
        var (business, producer, worker, id) = await GatedContract();
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/submissions", new { message = "v1" }));
        await Ok(await producer.Http.PostAsync($"/api/contracts/{id}/forward", null));
        await Ok(await business.Http.PostAsync($"/api/contracts/{id}/accept", null));

        await Problem(await producer.Http.PostAsJsonAsync($"/api/contracts/{id}/reviews", new { rating = 5, comment = "" }), HttpStatusCode.Forbidden);
        await Problem(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/reviews", new { rating = 5, comment = new string('c', 2_001) }),
            HttpStatusCode.BadRequest);
        var response = await business.Http.PostAsJsonAsync($"/api/contracts/{id}/reviews", new { rating = 5, comment = "  丁寧でした " });
        var byBusiness = await Created(response);
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/contracts/{id}"));
        Assert.That(Str(byBusiness["reviewerId"]), Is.EqualTo(business.Id));
        Assert.That(Str(byBusiness["reviewerName"]), Is.EqualTo(business.DisplayName));
        Assert.That(Str(byBusiness["revieweeId"]), Is.EqualTo(worker.Id));
        Assert.That(byBusiness["rating"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That(Str(byBusiness["comment"]), Is.EqualTo("丁寧でした"));
        var byWorker = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/reviews", new { rating = 3, comment = "" }));
        Assert.That(Str(byWorker["revieweeId"]), Is.EqualTo(business.Id));
        var again = await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/reviews", new { rating = 1, comment = "" }), HttpStatusCode.Conflict);
        Assert.That(Str(again["detail"]), Is.EqualTo("You have already reviewed this contract."));

        var detail = await Ok(await producer.Http.GetAsync($"/api/contracts/{id}"));
        Assert.That(detail["reviews"]!.AsArray().Select(r => r!["rating"]!.GetValue<int>()), Is.EqualTo(new[] { 5, 3 }));
    }

    [Test]
    public async Task A_review_before_completion_names_the_state_it_found()
    {
        var (business, _, contract) = await AwardedContract();
        var problem = await Problem(await business.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/reviews", new { rating = 5, comment = "" }),
            HttpStatusCode.Conflict);
        Assert.That(Str(problem["detail"]), Is.EqualTo("Reviews open when the contract is completed; it is active."));
    }

    [Test]
    public async Task Contracts_are_listed_newest_first_by_status_a_page_at_a_time()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var job = await PostJob(business, NewJob(title: $"job {i}"));
            ids.Add(Id(await Award(business, Id(job), Id(await PlaceBid(worker, Id(job))))));
        }
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{ids[0]}/submissions", new { message = "m" }));

        async Task<(string[] Ids, string? Next)> Page(string query)
        {
            var page = await Ok(await worker.Http.GetAsync("/api/contracts?" + query));
            return (page["items"]!.AsArray().Select(c => Id(c!.AsObject())).ToArray(), page["nextCursor"]?.GetValue<string>());
        }

        Assert.That((await Page("status=submitted")).Ids, Is.EqualTo(new[] { ids[0] }));
        Assert.That((await Page("status=ACTIVE")).Ids, Is.EqualTo(new[] { ids[2], ids[1] }));
        var first = await Page("limit=2");
        Assert.That(first.Ids, Is.EqualTo(new[] { ids[2], ids[1] }));
        var second = await Page("limit=2&cursor=" + first.Next);
        Assert.That(second.Ids, Is.EqualTo(new[] { ids[0] }));
        Assert.That(second.Next, Is.Null);
        await Problem(await worker.Http.GetAsync("/api/contracts?status=done"), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.GetAsync("/api/contracts?cursor=forged"), HttpStatusCode.BadRequest);
    }
}
