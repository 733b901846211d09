using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

public sealed class ProducerTests : ApiTest
{
    private async Task<JsonObject> Link(User business, User producer, bool canPostJobs = true, bool canAward = true, decimal feeRate = 0.05m)
    {
        var link = await Created(await business.Http.PostAsJsonAsync("/api/producer-links",
            new { producerEmail = producer.Email, canPostJobs, canAward, feeRate }));
        Assert.That(Str(link["status"]), Is.EqualTo("pending"));
        return await Ok(await producer.Http.PostAsync($"/api/producer-links/{Id(link)}/accept", null));
    }

    private static object JobFor(User business, bool producerReview = false) => new
    {
        title = "蔵のパンフレット翻訳", description = "英語と繁体字へ", category = "translation", budgetMin = 30_000, budgetMax = 60_000,
        deadline = DateTimeOffset.UtcNow.AddDays(20), businessId = business.Id, producerReview,
    };

    [Test]
    public async Task A_business_links_a_producer_who_accepts_and_both_see_the_link()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var link = await Link(business, producer, canAward: false, feeRate: 0.1m);
        Assert.That(Str(link["status"]), Is.EqualTo("active"));
        Assert.That(link["feeRate"]!.GetValue<decimal>(), Is.EqualTo(0.1m));
        foreach (var user in new[] { business, producer })
            Assert.That((await user.Http.GetFromJsonAsync<JsonArray>("/api/producer-links"))!.Count, Is.EqualTo(1));
        Assert.That((await (await SignUp(Role.Business)).Http.GetFromJsonAsync<JsonArray>("/api/producer-links"))!, Is.Empty);
    }

    [Test]
    public async Task Link_refusals()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var worker = await SignUp(Role.Worker);
        var problem = await Problem(await business.Http.PostAsJsonAsync("/api/producer-links",
            new { producerEmail = producer.Email, canPostJobs = true, canAward = true, feeRate = 0.31m }), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["feeRate"], Is.Not.Null);
        await Problem(await business.Http.PostAsJsonAsync("/api/producer-links",
            new { producerEmail = worker.Email, canPostJobs = true, canAward = true, feeRate = 0.1m }), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.PostAsJsonAsync("/api/producer-links",
            new { producerEmail = producer.Email, canPostJobs = true, canAward = true, feeRate = 0.1m }), HttpStatusCode.Forbidden);

        var link = await Created(await business.Http.PostAsJsonAsync("/api/producer-links",
            new { producerEmail = producer.Email, canPostJobs = true, canAward = true, feeRate = 0.1m }));
        await Problem(await business.Http.PostAsJsonAsync("/api/producer-links",
            new { producerEmail = producer.Email, canPostJobs = false, canAward = false, feeRate = 0m }), HttpStatusCode.Conflict);
        await Problem(await business.Http.PostAsync($"/api/producer-links/{Id(link)}/accept", null), HttpStatusCode.Forbidden);
        await Problem(await (await SignUp(Role.Producer)).Http.PostAsync($"/api/producer-links/{Id(link)}/accept", null), HttpStatusCode.NotFound);
        await Ok(await producer.Http.PostAsync($"/api/producer-links/{Id(link)}/decline", null));
        await Problem(await producer.Http.PostAsync($"/api/producer-links/{Id(link)}/accept", null), HttpStatusCode.Conflict);
    }

    [Test]
    public async Task A_producer_posts_for_its_client_only_with_an_active_link_that_allows_it()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        await Problem(await producer.Http.PostAsJsonAsync("/api/jobs", JobFor(business)), HttpStatusCode.Forbidden);

        var link = await Link(business, producer, canPostJobs: false);
        await Problem(await producer.Http.PostAsJsonAsync("/api/jobs", JobFor(business)), HttpStatusCode.Forbidden);
        await Ok(await business.Http.PostAsync($"/api/producer-links/{Id(link)}/end", null));

        await Link(business, producer, canPostJobs: true);
        var job = await Created(await producer.Http.PostAsJsonAsync("/api/jobs", JobFor(business)));
        Assert.That(Str(job["businessId"]), Is.EqualTo(business.Id));
        Assert.That(Str(job["producerId"]), Is.EqualTo(producer.Id));
        var mine = await Ok(await business.Http.GetAsync("/api/jobs?mine=true"));
        Assert.That(mine["items"]!.AsArray().Select(j => Id(j!.AsObject())), Is.EqualTo(new[] { Id(job) }));
    }

    [Test]
    public async Task An_ended_link_takes_away_what_the_producer_could_see_and_do()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var link = await Link(business, producer);
        var job = await PostJob(business);
        await PlaceBid(await SignUp(Role.Worker), Id(job));
        Assert.That((await producer.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/bids"))!.Count, Is.EqualTo(1));
        await Ok(await producer.Http.PostAsync($"/api/producer-links/{Id(link)}/end", null));
        await Problem(await producer.Http.GetAsync($"/api/jobs/{Id(job)}/bids"), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_producer_awards_only_with_permission()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        await Link(business, producer, canAward: false);
        var job = await PostJob(business);
        var bid = await PlaceBid(await SignUp(Role.Worker), Id(job));
        await Problem(await producer.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", new { bidId = Id(bid) }), HttpStatusCode.Forbidden);
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts"), Is.Zero);

        var other = await SignUp(Role.Business);
        var producer2 = await SignUp(Role.Producer);
        await Link(other, producer2, canAward: true);
        var job2 = await PostJob(other);
        var bid2 = await PlaceBid(await SignUp(Role.Worker), Id(job2));
        var contract = await Award(producer2, Id(job2), Id(bid2));
        Assert.That(Str(contract["businessId"]), Is.EqualTo(other.Id));
    }

    [Test]
    public async Task The_brokered_path_invitation_award_quality_gate_and_acceptance()
    {
        var business = await SignUp(Role.Business, "湯沢酒造");
        var producer = await SignUp(Role.Producer, "菅原");
        var worker = await SignUp(Role.Worker, "高橋 健太");
        await Link(business, producer);
        var job = await Created(await producer.Http.PostAsJsonAsync("/api/jobs", JobFor(business, producerReview: true)));

        await Created(await producer.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/invitations", new { workerId = worker.Id }));
        await Problem(await producer.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/invitations", new { workerId = worker.Id }), HttpStatusCode.Conflict);
        var invitations = await worker.Http.GetFromJsonAsync<JsonArray>("/api/me/invitations");
        Assert.That(Str(invitations!.Single()!["jobId"]), Is.EqualTo(Id(job)));
        Assert.That(Str(invitations!.Single()!["invitedByName"]), Is.EqualTo("菅原"));
        Assert.That(Str(invitations!.Single()!["invitedByRole"]), Is.EqualTo("producer"), "the worker reads 「菅原さん（プロデューサー）から」");

        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills = new[] { "翻訳", "english" }, region = "秋田県湯沢市", weeklyHours = 15, availability = "" }));
        var recommended = (await producer.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/recommended-workers"))!;
        Assert.That(Str(recommended[0]!["workerId"]), Is.EqualTo(worker.Id));

        var bid = await PlaceBid(worker, Id(job), amount: 50_000);
        var contract = await Award(producer, Id(job), Id(bid));
        var id = Id(contract);

        var inReview = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/submissions", new { message = "初稿" }));
        Assert.That(Str(inReview["contract"]!["status"]), Is.EqualTo("inReview"));
        await Problem(await business.Http.PostAsync($"/api/contracts/{id}/accept", null), HttpStatusCode.Conflict);
        await Problem(await worker.Http.PostAsync($"/api/contracts/{id}/forward", null), HttpStatusCode.Forbidden);

        var sentBack = await Ok(await producer.Http.PostAsJsonAsync($"/api/contracts/{id}/request-revision", new { reason = "固有名詞の表記を統一" }));
        Assert.That(Str(sentBack["contract"]!["status"]), Is.EqualTo("revisionRequested"));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/submissions", new { message = "第二稿" }));
        var forwarded = await Ok(await producer.Http.PostAsync($"/api/contracts/{id}/forward", null));
        Assert.That(Str(forwarded["contract"]!["status"]), Is.EqualTo("submitted"));

        var accepted = await Ok(await business.Http.PostAsync($"/api/contracts/{id}/accept", null));
        Assert.That(Str(accepted["contract"]!["status"]), Is.EqualTo("completed"));
        Assert.That((await Ok(await producer.Http.GetAsync("/api/contracts")))["items"]!.AsArray(), Has.Count.EqualTo(1));

        var settlement = await Ok(await producer.Http.GetAsync($"/api/contracts/{id}/settlement"));
        Assert.That(settlement["producerFee"]!.GetValue<long>(), Is.EqualTo(2_500), "5% brokerage on ¥50,000");
        Assert.That(settlement["workerNet"]!.GetValue<long>(), Is.EqualTo(45_000), "no withholding: the client is not a withholding agent");
        Assert.That(settlement["released"]!.GetValue<bool>());
    }

    [Test]
    public async Task Invitations_only_by_the_jobs_side_and_only_to_workers()
    {
        var business = await SignUp(Role.Business);
        var stranger = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business);
        await Problem(await stranger.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/invitations", new { workerId = worker.Id }), HttpStatusCode.Forbidden);
        await Problem(await (await SignUp(Role.Producer)).Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/invitations", new { workerId = worker.Id }), HttpStatusCode.Forbidden);
        var empty = await Problem(await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/invitations", new { }), HttpStatusCode.BadRequest);
        Assert.That(empty["errors"]!["workerId"]![0]!.ToString(), Is.EqualTo("'Worker Id' must not be empty."), "messages name the field in words");
        var problem = await Problem(await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/invitations", new { workerId = stranger.Id }), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["workerId"], Is.Not.Null);
        await Created(await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/invitations", new { workerId = worker.Id }));
        Assert.That(Scalar("SELECT COUNT(*) FROM invitations"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_business_cannot_switch_on_the_producer_review_itself()
    {
        var business = await SignUp(Role.Business);
        var problem = await Problem(await business.Http.PostAsJsonAsync("/api/jobs", JobFor(business, producerReview: true)), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["producerReview"], Is.Not.Null);
    }
}
