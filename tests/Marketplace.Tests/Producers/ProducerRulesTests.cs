using Dapper;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>Producer links, invitations, the pipeline and recommendations: the rules ProducerTests and PipelineTests leave out.</summary>
public sealed class ProducerRulesTests : ApiTest
{
    private async Task<JsonObject> Link(User business, User producer, bool canPostJobs = true, bool canAward = true, decimal feeRate = 0.05m) =>
        await Created(await business.Http.PostAsJsonAsync("/api/producer-links",
            new { producerEmail = producer.Email, canPostJobs, canAward, feeRate }));

    private async Task<JsonObject> ActiveLink(User business, User producer) =>
        await Ok(await producer.Http.PostAsync($"/api/producer-links/{Id(await Link(business, producer))}/accept", null));

    private async Task Profile(User worker, string region, int hours, params string[] skills) =>
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills, region, weeklyHours = hours, availability = "" }));

    [Test]
    public async Task A_link_names_both_sides_keeps_its_permissions_and_finds_the_producer_by_email_in_any_case()
    {
        var business = await SignUp(Role.Business, "稲庭うどん工房");
        var producer = await SignUp(Role.Producer, "菅原");
        var link = await Created(await business.Http.PostAsJsonAsync("/api/producer-links",
            new { producerEmail = "  " + producer.Email.ToUpperInvariant() + " ", canPostJobs = false, canAward = true, feeRate = 0.3m }));
        Assert.That(Str(link["businessId"]), Is.EqualTo(business.Id));
        Assert.That(Str(link["businessName"]), Is.EqualTo("稲庭うどん工房"));
        Assert.That(Str(link["producerId"]), Is.EqualTo(producer.Id));
        Assert.That(Str(link["producerName"]), Is.EqualTo("菅原"));
        Assert.That(link["canPostJobs"]!.GetValue<bool>(), Is.False);
        Assert.That(link["canAward"]!.GetValue<bool>(), Is.True);
        Assert.That(link["feeRate"]!.GetValue<decimal>(), Is.EqualTo(0.3m), "the upper edge is allowed");
        Assert.That(Scalar($"SELECT fee_rate_bps FROM producer_links WHERE id = '{Id(link)}'"), Is.EqualTo(3_000));
    }

    [TestCase(0.12345, "feeRatePrecision", TestName = "A fee rate with a fifth decimal is refused with its own code")]
    [TestCase(-0.01, "between", TestName = "A negative fee rate is refused")]
    public async Task Fee_rate_refusals(double feeRate, string code)
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var problem = await Problem(await business.Http.PostAsJsonAsync("/api/producer-links",
            new { producerEmail = producer.Email, canPostJobs = true, canAward = true, feeRate = (decimal)feeRate }), HttpStatusCode.BadRequest);
        Assert.That(problem["errorCodes"]!["feeRate"]!.AsArray().Select(c => Str(c!["code"])), Does.Contain(code));
        await Created(await business.Http.PostAsJsonAsync("/api/producer-links",
            new { producerEmail = producer.Email, canPostJobs = true, canAward = true, feeRate = 0.0001m }));
    }

    [Test]
    public async Task A_producer_email_that_is_no_email_is_refused()
    {
        var business = await SignUp(Role.Business);
        var problem = await Problem(await business.Http.PostAsJsonAsync("/api/producer-links",
            new { producerEmail = "not an email", canPostJobs = true, canAward = true, feeRate = 0.1m }), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["producerEmail"], Is.Not.Null);
        var unknown = await Problem(await business.Http.PostAsJsonAsync("/api/producer-links",
            new { producerEmail = "nobody@test.example", canPostJobs = true, canAward = true, feeRate = 0.1m }), HttpStatusCode.BadRequest);
        Assert.That(Str(unknown["errors"]!["producerEmail"]![0]), Is.EqualTo("No producer has this email."));
    }

    [Test]
    public async Task A_link_moves_pending_to_declined_or_active_to_ended_and_no_further()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var declined = await Link(business, producer);
        await Problem(await business.Http.PostAsync($"/api/producer-links/{Id(declined)}/decline", null), HttpStatusCode.Forbidden);
        var answer = await Ok(await producer.Http.PostAsync($"/api/producer-links/{Id(declined)}/decline", null));
        Assert.That(Str(answer["status"]), Is.EqualTo("declined"));
        var refused = await Problem(await producer.Http.PostAsync($"/api/producer-links/{Id(declined)}/end", null), HttpStatusCode.Conflict);
        Assert.That(Str(refused["detail"]), Is.EqualTo("The link is declined."));

        var active = await ActiveLink(business, producer);
        Assert.That(Str(active["status"]), Is.EqualTo("active"));
        await Problem(await producer.Http.PostAsync($"/api/producer-links/{Id(active)}/decline", null), HttpStatusCode.Conflict);
        var ended = await Ok(await producer.Http.PostAsync($"/api/producer-links/{Id(active)}/end", null));
        Assert.That(Str(ended["status"]), Is.EqualTo("ended"));
        await Problem(await business.Http.PostAsync($"/api/producer-links/{Id(active)}/end", null), HttpStatusCode.Conflict);
        await Problem(await producer.Http.PostAsync($"/api/producer-links/{Id(active)}/accept", null), HttpStatusCode.Conflict);
        await Problem(await (await SignUp(Role.Business)).Http.PostAsync($"/api/producer-links/{Id(active)}/end", null), HttpStatusCode.NotFound);

        var pending = await Link(business, producer);
        Assert.That(Str((await Ok(await business.Http.PostAsync($"/api/producer-links/{Id(pending)}/end", null)))["status"]), Is.EqualTo("ended"),
            "the business withdraws an invitation the producer has not answered");
        var links = (await business.Http.GetFromJsonAsync<JsonArray>("/api/producer-links"))!;
        Assert.That(links.Select(l => Id(l!.AsObject())), Is.EqualTo(new[] { Id(pending), Id(active), Id(declined) }), "newest first");
        Assert.That(Scalar($"SELECT COUNT(*) FROM producer_links WHERE changed_at IS NOT NULL"), Is.EqualTo(3));
    }

    [Test]
    public async Task An_invitation_names_the_job_and_who_invited_and_tells_the_worker()
    {
        var business = await SignUp(Role.Business, "湯沢酒造");
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business, NewJob(title: "ラベル"));
        var response = await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/invitations", new { workerId = worker.Id });
        var invitation = await Created(response);
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/api/me/invitations"));
        Assert.That(Str(invitation["jobId"]), Is.EqualTo(Id(job)));
        Assert.That(Str(invitation["jobTitle"]), Is.EqualTo("ラベル"));
        Assert.That(Str(invitation["jobStatus"]), Is.EqualTo("open"));
        Assert.That(Str(invitation["workerId"]), Is.EqualTo(worker.Id));
        Assert.That(Str(invitation["invitedBy"]), Is.EqualTo(business.Id));
        Assert.That(Str(invitation["invitedByName"]), Is.EqualTo("湯沢酒造"));
        var told = (await Ok(await worker.Http.GetAsync("/api/notifications")))["items"]!.AsArray().Single()!;
        Assert.That(Str(told["kind"]), Is.EqualTo("invited"));
        Assert.That(Str(told["message"]), Is.EqualTo("You are invited to bid on \"ラベル\"."));
        Assert.That(Str(told["jobId"]), Is.EqualTo(Id(job)));

        await Problem(await business.Http.GetAsync("/api/me/invitations"), HttpStatusCode.Forbidden);
        var tooLong = await Problem(await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/invitations", new { workerId = new string('w', 65) }),
            HttpStatusCode.BadRequest);
        Assert.That(tooLong["errors"]!["workerId"], Is.Not.Null);
    }

    [Test]
    public async Task Workers_are_invited_only_to_open_jobs()
    {
        var (business, _, contract) = await AwardedContract();
        var worker = await SignUp(Role.Worker);
        var problem = await Problem(await business.Http.PostAsJsonAsync($"/api/jobs/{Str(contract["jobId"])}/invitations", new { workerId = worker.Id }),
            HttpStatusCode.Conflict);
        Assert.That(Str(problem["detail"]), Is.EqualTo("Workers are invited only to open jobs."));
        Assert.That(Scalar("SELECT COUNT(*) FROM invitations"), Is.Zero);
    }

    [Test]
    public async Task The_pipeline_lists_every_status_and_marks_overdue_work_with_the_hours_left()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        await ActiveLink(business, producer);
        var worker = await SignUp(Role.Worker);
        var overdue = await PostJob(business, NewJob(title: "overdue"));
        var overdueContract = await Award(business, Id(overdue), Id(await PlaceBid(worker, Id(overdue), deliveryDays: 1)));
        var revised = await PostJob(business, NewJob(title: "revised"));
        var revisedContract = await Award(business, Id(revised), Id(await PlaceBid(worker, Id(revised), deliveryDays: 1)));
        var delivered = await PostJob(business, NewJob(title: "delivered"));
        var deliveredContract = await Award(business, Id(delivered), Id(await PlaceBid(worker, Id(delivered), deliveryDays: 1)));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(revisedContract)}/submissions", new { message = "m" }));
        await Ok(await business.Http.PostAsJsonAsync($"/api/contracts/{Id(revisedContract)}/request-revision", new { reason = "r" }));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(deliveredContract)}/submissions", new { message = "m" }));
        var past = DateTimeOffset.UtcNow.AddHours(-4.5).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        using (var connection = App.OpenDatabase())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"UPDATE contracts SET deadline = '{past}' WHERE id = '{Id(overdueContract)}'";
            command.ExecuteNonQuery();
        }
        var otherBusiness = await SignUp(Role.Business);
        var elsewhere = await PostJob(otherBusiness);
        await Award(otherBusiness, Id(elsewhere), Id(await PlaceBid(worker, Id(elsewhere), deliveryDays: 1)));

        var pipeline = await Ok(await producer.Http.GetAsync("/api/producer/pipeline"));
        Assert.That(pipeline["jobs"]!.AsArray().Select(g => Str(g!["status"])), Is.EqualTo(new[] { "open", "awarded", "completed", "cancelled", "unfunded" }));
        var atRisk = pipeline["atRisk"]!.AsArray().Select(r => r!.AsObject()).ToArray();
        Assert.That(atRisk.Select(r => Str(r["contract"]!["jobTitle"])), Is.EqualTo(new[] { "overdue", "revised" }),
            "overdue first; delivered work and other businesses' contracts are not at risk");
        Assert.That(atRisk[0]["overdue"]!.GetValue<bool>(), Is.True);
        Assert.That(atRisk[0]["hoursLeft"]!.GetValue<int>(), Is.EqualTo(-5), "four and a half hours past, rounded down");
        Assert.That(atRisk[1]["overdue"]!.GetValue<bool>(), Is.False);
        Assert.That(atRisk[1]["hoursLeft"]!.GetValue<int>(), Is.EqualTo(23), "due in a day, less the seconds the test took");
    }

    [Test]
    public async Task Recommendations_explain_each_score_and_never_go_below_zero()
    {
        var business = await SignUp(Role.Business);
        var rated = await SignUp(Role.Worker, "rated");
        var idle = await SignUp(Role.Worker, "idle");
        await Profile(rated, "秋田県湯沢市", 10, "DESIGN");
        await Profile(idle, "沖縄県", 0, "transcription");
        var finished = await PostJob(business, NewJob(title: "finished"));
        var contract = await Award(business, Id(finished), Id(await PlaceBid(rated, Id(finished))));
        await Created(await rated.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "m" }));
        await Ok(await business.Http.PostAsync($"/api/contracts/{Id(contract)}/accept", null));
        await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/reviews", new { rating = 4, comment = "" }));
        for (var i = 0; i < 3; i++)
        {
            var busy = await PostJob(business, NewJob(title: $"busy {i}"));
            await Award(business, Id(busy), Id(await PlaceBid(idle, Id(busy))));
        }

        var job = await PostJob(business);
        var ranked = (await business.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/recommended-workers"))!;
        Assert.That(ranked.Select(w => Str(w!["displayName"])), Is.EqualTo(new[] { "rated", "idle" }));
        var top = ranked[0]!;
        Assert.That(top["score"]!.GetValue<int>(), Is.EqualTo(40 + 20 + 7 + 12), "skill, region, 10 of 20 hours, a 4.0 rating");
        Assert.That(top["skillMatch"]!.GetValue<bool>(), Is.True, "skills match in any case");
        Assert.That(top["regionMatch"]!.GetValue<bool>(), Is.True);
        Assert.That(top["rating"]!.GetValue<double>(), Is.EqualTo(4.0));
        Assert.That(top["reviewCount"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(Str(top["region"]), Is.EqualTo("秋田県湯沢市"));
        Assert.That(top["weeklyHours"]!.GetValue<int>(), Is.EqualTo(10));
        Assert.That(top["reasons"]!.AsArray().Select(r => (string?)r), Is.EqualTo(new[]
        {
            "Has design skills", "Lives in the job's region (秋田県湯沢市)", "Can give 10 hours a week", "Rated 4.0 from 1 review(s)",
        }));
        var last = ranked[1]!;
        Assert.That(last["score"]!.GetValue<int>(), Is.Zero, "7 for no reviews less 15 for three contracts is held at 0");
        Assert.That(last["skillMatch"]!.GetValue<bool>(), Is.False);
        Assert.That(last["regionMatch"]!.GetValue<bool>(), Is.False);
        Assert.That(last["activeContracts"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(last["rating"]?.GetValueKind(), Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(last["reasons"]!.AsArray().Select(r => (string?)r), Is.EqualTo(new[]
        {
            "No design skill listed", "Can give 0 hours a week", "No reviews yet", "Busy with 3 active contract(s)",
        }));
    }

    [Test]
    public async Task Recommendations_for_a_job_without_a_region_match_nobody_on_region_and_come_at_most_50_at_least_1()
    {
        var business = await SignUp(Role.Business);
        for (var i = 0; i < 3; i++) await Profile(await SignUp(Role.Worker, $"w{i}"), "秋田県湯沢市", 20, "design");
        var job = await PostJob(business, NewJob(region: null));
        var ranked = (await business.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/recommended-workers"))!;
        Assert.That(ranked, Has.Count.EqualTo(3));
        Assert.That(ranked.Select(w => w!["regionMatch"]!.GetValue<bool>()), Has.All.False);
        Assert.That(ranked.SelectMany(w => w!["reasons"]!.AsArray().Select(r => (string?)r)), Has.None.StartsWith("Lives in"));
        Assert.That((await business.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/recommended-workers?limit=2"))!, Has.Count.EqualTo(2));
        Assert.That((await business.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/recommended-workers?limit=0"))!, Has.Count.EqualTo(1));
        Assert.That((await business.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/recommended-workers?limit=-3"))!, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_worker_who_bid_on_the_job_is_not_recommended_for_it()
    {
        // A trial: both bidders were offered again with 招待する beside the bids they had sent.
        var business = await SignUp(Role.Business);
        var bidder = await SignUp(Role.Worker, "bidder");
        var other = await SignUp(Role.Worker, "other");
        await Profile(bidder, "秋田県湯沢市", 20, "design");
        await Profile(other, "秋田県湯沢市", 10, "Canva");
        var job = await PostJob(business);
        await PlaceBid(bidder, Id(job));
        var ranked = (await business.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/recommended-workers"))!;
        Assert.That(ranked.Select(w => Str(w!["displayName"])), Is.EqualTo(new[] { "other" }));
        Assert.That(ranked[0]!["skillMatch"]!.GetValue<bool>(), Is.True, "Canva is a design tool");
        var elsewhere = await PostJob(business);
        Assert.That((await business.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(elsewhere)}/recommended-workers"))!.Select(w => Str(w!["displayName"])),
            Is.EquivalentTo(new[] { "bidder", "other" }), "a bid on one job leaves the worker recommended for the others");
    }

    [Test]
    public async Task At_most_50_workers_are_recommended()
    {
        var business = await SignUp(Role.Business);
        SeedWorkers(55);
        var job = await PostJob(business);
        Assert.That((await business.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/recommended-workers?limit=1000"))!, Has.Count.EqualTo(50));
        Assert.That((await business.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/recommended-workers"))!, Has.Count.EqualTo(20), "20 by default");
    }

    /// <summary>Workers with profiles written straight into the database: signing up 55 over HTTP would only test signing up.</summary>
    private void SeedWorkers(int count)
    {
        using var connection = App.OpenDatabase();
        using var transaction = connection.BeginTransaction();
        const string Insert = """
            INSERT INTO users (id, email, display_name, role, password_hash, created_at)
            VALUES (@Id, @Id || '@seed.example', @Id, 'worker', 'x', '2026-01-01T00:00:00.0000000Z');
            INSERT INTO worker_profiles (worker_id, bio, region, weekly_hours, availability, updated_at)
            VALUES (@Id, '', '秋田県湯沢市', 10, '', '2026-01-01T00:00:00.0000000Z');
            """;
        for (var i = 0; i < count; i++)
            connection.Execute(Insert, new { Id = $"seed{i:D28}" }, transaction);
        transaction.Commit();
    }
}
