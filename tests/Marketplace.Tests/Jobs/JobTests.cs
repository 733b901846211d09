using Dapper;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

public sealed class JobTests : ApiTest
{
    [Test]
    public async Task A_business_posts_a_job_that_opens_for_bids()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business, NewJob(title: "  酒蔵紹介ページの英訳 ", category: "translation", budgetMin: 20_000, budgetMax: 45_000));
        Assert.That(Str(job["status"]), Is.EqualTo("open"));
        Assert.That(Str(job["title"]), Is.EqualTo("酒蔵紹介ページの英訳"));
        Assert.That(Str(job["category"]), Is.EqualTo("translation"));
        Assert.That(Str(job["businessId"]), Is.EqualTo(business.Id));
        var fetched = await Ok(await business.Http.GetAsync($"/api/jobs/{Id(job)}"));
        Assert.That(fetched["budgetMax"]!.GetValue<long>(), Is.EqualTo(45_000));
    }

    [Test]
    public async Task Only_a_business_posts_jobs()
    {
        var worker = await SignUp(Role.Worker);
        await Problem(await worker.Http.PostAsJsonAsync("/api/jobs", NewJob()), HttpStatusCode.Forbidden);
        await Problem(await Browser().PostAsJsonAsync("/api/jobs", NewJob()), HttpStatusCode.Unauthorized);
        Assert.That(Scalar("SELECT COUNT(*) FROM jobs"), Is.Zero);
    }

    [Test]
    public async Task Fields_the_caller_may_not_set_are_ignored_or_refused_never_applied()
    {
        var business = await SignUp(Role.Business);
        var other = await SignUp(Role.Business);
        var job = await PostJob(business, new
        {
            title = "t", description = "d", category = "design", budgetMin = 1, budgetMax = 2,
            deadline = DateTimeOffset.UtcNow.AddDays(3), status = "completed", id = "chosen", producerId = other.Id,
        });
        Assert.That(Str(job["status"]), Is.EqualTo("open"));
        Assert.That(Id(job), Is.Not.EqualTo("chosen"));
        Assert.That(job["producerId"]?.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Null).Or.Null);

        await Problem(await business.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "t", description = "d", category = "design", budgetMin = 1, budgetMax = 2,
            deadline = DateTimeOffset.UtcNow.AddDays(3), businessId = other.Id,
        }), HttpStatusCode.Forbidden);
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE business_id = '{other.Id}'"), Is.Zero);
    }

    [TestCase("title", "", TestName = "Empty title is refused")]
    [TestCase("title", "121", TestName = "A title over 120 characters is refused")]
    [TestCase("description", "10001", TestName = "A description over 10000 characters is refused")]
    [TestCase("budgetMin", "0", TestName = "A budget under 1 yen is refused")]
    [TestCase("budgetMax", "100000001", TestName = "A budget over 100 million yen is refused")]
    [TestCase("budgetMax", "min", TestName = "A budget max under the min is refused")]
    [TestCase("deadline", "past", TestName = "A deadline in the past is refused")]
    [TestCase("deadline", "far", TestName = "A deadline more than a year away is refused")]
    public async Task Invalid_job_fields_get_a_400_naming_the_field(string field, string value)
    {
        var business = await SignUp(Role.Business);
        var job = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(NewJob(), Json))!.AsObject();
        job[field] = (field, value) switch
        {
            ("title", "121") => new string('字', 121),
            ("description", _) => new string('a', 10_001),
            ("budgetMax", "min") => 1,
            ("budgetMin" or "budgetMax", _) => long.Parse(value),
            ("deadline", "past") => DateTimeOffset.UtcNow.AddDays(-1),
            ("deadline", _) => DateTimeOffset.UtcNow.AddDays(400),
            _ => value,
        };
        var problem = await Problem(await business.Http.PostAsJsonAsync("/api/jobs", job), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]![field], Is.Not.Null, problem.ToJsonString());
        Assert.That(Scalar("SELECT COUNT(*) FROM jobs"), Is.Zero);
    }

    [TestCase("title", "121", "maxLength", TestName = "A too-long title carries the code maxLength and its limit")]
    [TestCase("budgetMax", "min", "budgetMaxBelowMin", TestName = "A budget max under the min carries its own code")]
    [TestCase("deadline", "past", "deadlineInPast", TestName = "A past deadline carries its own code")]
    public async Task Field_errors_carry_a_language_neutral_code_for_the_web_client(string field, string value, string code)
    {
        var business = await SignUp(Role.Business);
        var job = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(NewJob(), Json))!.AsObject();
        job[field] = (field, value) switch
        {
            ("title", _) => new string('字', 121),
            ("budgetMax", _) => 1,
            _ => DateTimeOffset.UtcNow.AddDays(-1),
        };
        var problem = await Problem(await business.Http.PostAsJsonAsync("/api/jobs", job), HttpStatusCode.BadRequest);
        var codes = problem["errorCodes"]![field]!.AsArray();
        Assert.That(codes.Select(c => (string?)c!["code"]), Does.Contain(code), problem.ToJsonString());
        Assert.That(codes.Select(c => (string?)c!["message"]), Is.EquivalentTo(problem["errors"]![field]!.AsArray().Select(m => (string?)m)),
            "each coded entry carries the message it stands for");
        if (code == "maxLength") Assert.That((int?)codes.First(c => (string?)c!["code"] == "maxLength")!["max"], Is.EqualTo(120));
    }

    [Test]
    public async Task The_job_list_pages_newest_first_with_a_cursor_and_no_repeats()
    {
        var business = await SignUp(Role.Business);
        for (var i = 0; i < 7; i++) await PostJob(business, NewJob(title: $"job {i}"));
        var worker = await SignUp(Role.Worker);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Ok(await worker.Http.GetAsync($"/api/jobs?limit=3{(cursor is null ? "" : "&cursor=" + cursor)}"));
            seen.AddRange(page["items"]!.AsArray().Select(j => Str(j!["title"])));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);

        Assert.That(seen, Is.EqualTo(Enumerable.Range(0, 7).Reverse().Select(i => $"job {i}")));
    }

    [Test]
    public async Task The_job_list_limit_is_clamped_to_100_and_a_forged_cursor_is_a_400()
    {
        var business = await SignUp(Role.Business);
        SeedOpenJobs(business, 150);
        var worker = await SignUp(Role.Worker);

        async Task<(int Count, string? Next)> Page(string query)
        {
            var page = await Ok(await worker.Http.GetAsync("/api/jobs?" + query));
            return (page["items"]!.AsArray().Count, page["nextCursor"]?.GetValue<string>());
        }

        var huge = await Page("limit=100000");
        Assert.That(huge.Count, Is.EqualTo(100), "at most 100 a page");
        Assert.That(huge.Next, Is.Not.Null, "150 jobs: there is a next page");
        Assert.That(await Page("limit=100&cursor=" + huge.Next), Is.EqualTo((50, (string?)null)), "the rest, and no further page");
        Assert.That((await Page("limit=101")).Count, Is.EqualTo(100));
        Assert.That((await Page("limit=100")).Count, Is.EqualTo(100));
        Assert.That((await Page("limit=99")).Count, Is.EqualTo(99));
        var negative = await Page("limit=-5");
        Assert.That(negative.Count, Is.EqualTo(1), "a limit under 1 is 1");
        Assert.That(negative.Next, Is.Not.Null);
        Assert.That((await Page("limit=0")).Count, Is.EqualTo(1));
        Assert.That((await Page("")).Count, Is.EqualTo(20), "the default page");

        await Problem(await worker.Http.GetAsync("/api/jobs?cursor=not-ours"), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.GetAsync("/api/jobs?limit=many"), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.GetAsync("/api/jobs?status=finished"), HttpStatusCode.BadRequest);
    }

    /// <summary>Open jobs written straight into the database: posting 150 over HTTP would only test posting again.</summary>
    private void SeedOpenJobs(User business, int count)
    {
        using var connection = App.OpenDatabase();
        using var transaction = connection.BeginTransaction();
        const string Insert = """
            INSERT INTO jobs (id, business_id, title, description, category, budget_min, budget_max, deadline, status, created_at)
            VALUES (@Id, @Business, @Title, 'seeded', 'design', 1000, 2000, @Deadline, 'open', @Now)
            """;
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            // Time-ordered ids, a millisecond apart, as the API makes them (the full-text rowid is taken from them).
            var id = Guid.CreateVersion7(now.AddMilliseconds(i)).ToString("N");
            var title = $"seeded {i}";
            connection.Execute(Insert, new { Id = id, Business = business.Id, Title = title, Deadline = now.AddDays(30), Now = now }, transaction);
            // The search row PostJob writes beside every job (the board is read from the full-text index).
            connection.Execute(Marketplace.Search.JobSearchIndex.InsertSql,
                Marketplace.Search.JobSearchIndex.Row(id, title, "seeded", null), transaction);
        }
        transaction.Commit();
    }

    [Test]
    public async Task The_job_list_filters_by_category_region_words_and_status()
    {
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "ラベルデザイン", category: "design", region: "秋田県湯沢市"));
        await PostJob(business, NewJob(title: "英訳 100%", category: "translation", region: "秋田県横手市"));
        var cancelled = await PostJob(business, NewJob(title: "文字起こし", category: "transcription"));
        await Ok(await business.Http.PostAsync($"/api/jobs/{Id(cancelled)}/cancel", null));
        var worker = await SignUp(Role.Worker);

        async Task<string[]> Titles(string query) =>
            (await Ok(await worker.Http.GetAsync("/api/jobs?" + query)))["items"]!.AsArray().Select(j => Str(j!["title"])).ToArray();

        Assert.That(await Titles("category=translation"), Is.EqualTo(new[] { "英訳 100%" }));
        Assert.That(await Titles("region=" + Uri.EscapeDataString("秋田県湯沢市")), Is.EqualTo(new[] { "ラベルデザイン" }));
        Assert.That(await Titles("q=" + Uri.EscapeDataString("デザイン")), Is.EqualTo(new[] { "ラベルデザイン" }));
        Assert.That(await Titles("q=" + Uri.EscapeDataString("100")), Is.EqualTo(new[] { "英訳 100%" }), "digits are a word");
        var nothing = await Problem(await worker.Http.GetAsync("/api/jobs?q=" + Uri.EscapeDataString("%")), HttpStatusCode.BadRequest);
        Assert.That(nothing["errorCodes"]!["q"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("noSearchWords"), "% alone has nothing to search for");
        Assert.That(await Titles("status=open"), Has.Length.EqualTo(2));
        Assert.That(await Titles("status=cancelled"), Is.Empty, "a stranger does not see another business's cancelled job");
    }

    [Test]
    public async Task The_job_list_filters_by_budget_range_overlap()
    {
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "small", budgetMin: 5_000, budgetMax: 10_000));
        await PostJob(business, NewJob(title: "large", budgetMin: 80_000, budgetMax: 120_000));
        var worker = await SignUp(Role.Worker);

        async Task<string[]> Titles(string query) =>
            (await Ok(await worker.Http.GetAsync("/api/jobs?" + query)))["items"]!.AsArray().Select(j => Str(j!["title"])).ToArray();

        Assert.That(await Titles("minBudget=50000"), Is.EqualTo(new[] { "large" }), "pays at least 50,000");
        Assert.That(await Titles("maxBudget=10000"), Is.EqualTo(new[] { "small" }), "starts at or below 10,000");
        Assert.That(await Titles("minBudget=10000&maxBudget=80000"), Is.EqualTo(new[] { "large", "small" }));
        await Problem(await worker.Http.GetAsync("/api/jobs?minBudget=-1"), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.GetAsync("/api/jobs?maxBudget=lots"), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task The_owner_cancels_an_open_job_and_its_pending_bids_are_rejected()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business);
        var bid = await PlaceBid(worker, Id(job));
        var cancelled = await Ok(await business.Http.PostAsync($"/api/jobs/{Id(job)}/cancel", null));
        Assert.That(Str(cancelled["status"]), Is.EqualTo("cancelled"));
        var bids = await worker.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/bids");
        Assert.That(Str(bids!.Single()!["status"]), Is.EqualTo("rejected"), Id(bid));
    }

    [Test]
    public async Task Cancel_is_refused_to_others_and_after_work_was_delivered()
    {
        var (business, worker, contract) = await AwardedContract();
        var stranger = await SignUp(Role.Business);
        var jobId = Str(contract["jobId"]);
        await Problem(await stranger.Http.PostAsync($"/api/jobs/{jobId}/cancel", null), HttpStatusCode.NotFound);
        await Problem(await worker.Http.PostAsync($"/api/jobs/{jobId}/cancel", null), HttpStatusCode.Forbidden);
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "納品します" }));
        await Problem(await business.Http.PostAsync($"/api/jobs/{jobId}/cancel", null), HttpStatusCode.Conflict);
    }

    [Test]
    public async Task An_awarded_job_cancelled_before_delivery_cancels_its_contract()
    {
        var (business, _, contract) = await AwardedContract();
        await Ok(await business.Http.PostAsync($"/api/jobs/{Str(contract["jobId"])}/cancel", null));
        var after = await Ok(await business.Http.GetAsync($"/api/contracts/{Id(contract)}"));
        Assert.That(Str(after["contract"]!["status"]), Is.EqualTo("cancelled"));
    }

    [Test]
    public async Task Unknown_and_malformed_job_ids_are_404_problems()
    {
        var worker = await SignUp(Role.Worker);
        await Problem(await worker.Http.GetAsync("/api/jobs/00000000000000000000000000000000"), HttpStatusCode.NotFound);
        await Problem(await worker.Http.GetAsync("/api/jobs/'%20OR%201=1"), HttpStatusCode.NotFound);
    }
}
