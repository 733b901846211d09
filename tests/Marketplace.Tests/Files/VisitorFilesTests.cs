using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 12: a visitor reads a public job's public files and its public Q&amp;A; never a file its business kept from
/// visitors, a confidential job's files, or anything of a closed or members-only job.
/// </summary>
public sealed class VisitorFilesTests : ApiTest
{
    private static object Job(string[] fileIds, string[]? publicFileIds = null, bool membersOnly = false, bool confidential = false) => new
    {
        title = "純米酒のラベルデザイン", description = "雪と稲穂のモチーフで", category = "design", budgetMin = 30_000, budgetMax = 80_000,
        deadline = DateTimeOffset.UtcNow.AddDays(30), region = "秋田県湯沢市", fileIds, publicFileIds, membersOnly, confidentialFiles = confidential,
    };

    private async Task<string> Upload(User user, string name) => Id(await Created(await user.Http.Upload(Uploads.Pdf, name)));

    [Test]
    public async Task A_visitor_downloads_the_public_files_of_an_open_job_and_nothing_else()
    {
        var business = await SignUp(Role.Business);
        var brief = await Upload(business, "ラベル案内.pdf");
        var quote = await Upload(business, "見積書.pdf");
        var job = await PostJob(business, Job([brief, quote], publicFileIds: [brief]));
        var visitor = App.CreateClient();

        var download = await visitor.GetAsync($"/api/files/{brief}");
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(Uploads.Pdf));
        await Problem(await visitor.GetAsync($"/api/files/{quote}"), HttpStatusCode.NotFound); // not made public
        var seen = await Ok(await visitor.GetAsync($"/api/jobs/{Id(job)}"));
        Assert.That(seen["files"]!.AsArray().Select(f => Str(f!["id"])), Is.EqualTo(new[] { brief }));

        // Signed-in people see both, and the business sees which is public.
        var own = await Ok(await business.Http.GetAsync($"/api/jobs/{Id(job)}"));
        Assert.That(own["files"]!.AsArray().ToDictionary(f => Str(f!["id"]), f => f!["public"]!.GetValue<bool>()),
            Is.EqualTo(new Dictionary<string, bool> { [brief] = true, [quote] = false }));
        var worker = await SignUp(Role.Worker);
        Assert.That((await worker.Http.GetAsync($"/api/files/{quote}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // Made private again: the visitor's 404.
        await Ok(await business.Http.PatchAsJsonAsync($"/api/jobs/{Id(job)}", new { publicFileIds = Array.Empty<string>() }));
        await Problem(await visitor.GetAsync($"/api/files/{brief}"), HttpStatusCode.NotFound);
        await Ok(await business.Http.PatchAsJsonAsync($"/api/jobs/{Id(job)}", new { publicFileIds = new[] { quote } }));
        Assert.That((await visitor.GetAsync($"/api/files/{quote}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // Closed: nothing of it.
        await Ok(await business.Http.PostAsync($"/api/jobs/{Id(job)}/cancel", null));
        await Problem(await visitor.GetAsync($"/api/files/{quote}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_members_only_or_confidential_jobs_files_are_never_a_visitors_even_when_marked_public()
    {
        var business = await SignUp(Role.Business);
        var members = await Upload(business, "会員向け.pdf");
        var secret = await Upload(business, "顧客名簿.pdf");
        await PostJob(business, Job([members], publicFileIds: [members], membersOnly: true));
        var confidentialJob = await PostJob(business, Job([secret], publicFileIds: [secret], confidential: true));
        var visitor = App.CreateClient();
        await Problem(await visitor.GetAsync($"/api/files/{members}"), HttpStatusCode.NotFound);
        await Problem(await visitor.GetAsync($"/api/files/{secret}"), HttpStatusCode.NotFound);
        var seen = await Ok(await visitor.GetAsync($"/api/jobs/{Id(confidentialJob)}"));
        Assert.That(seen["files"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Public_files_must_be_files_of_the_job()
    {
        var business = await SignUp(Role.Business);
        var attached = await Upload(business, "a.pdf");
        var loose = await Upload(business, "b.pdf");
        var problem = await Problem(await business.Http.PostAsJsonAsync("/api/jobs", Job([attached], publicFileIds: [loose])), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain("publicFileIds"));
        var job = await PostJob(business, Job([attached]));
        var patch = await Problem(await business.Http.PatchAsJsonAsync($"/api/jobs/{Id(job)}", new { publicFileIds = new[] { loose } }), HttpStatusCode.BadRequest);
        Assert.That(patch["errors"]!.AsObject().Select(e => e.Key), Does.Contain("publicFileIds"));
        Assert.That(Scalar("SELECT COUNT(*) FROM files WHERE \"public\" = TRUE"), Is.EqualTo(0), "a refused change writes nothing");

        // A stranger cannot make a job's file public.
        var stranger = await SignUp(Role.Business);
        await Problem(await stranger.Http.PatchAsJsonAsync($"/api/jobs/{Id(job)}", new { publicFileIds = new[] { attached } }), HttpStatusCode.Forbidden);
        Assert.That(Scalar("SELECT COUNT(*) FROM files WHERE \"public\" = TRUE"), Is.EqualTo(0));
    }

    [Test]
    public async Task A_visitor_reads_the_public_QandA_of_a_public_job_without_names()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business, Job([]));
        var worker = await SignUp(Role.Worker, "田中 一郎");
        var publicQ = await Created(await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/questions", new { body = "納期は延ばせますか" }));
        var privateQ = await Created(await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/questions", new { body = "連絡先を教えてください" }));
        await Created(await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/questions", new { body = "まだ答えのない質問" }));
        await Ok(await business.Http.PostAsJsonAsync($"/api/questions/{Id(publicQ)}/answer", new { body = "1週間までなら", @public = true }));
        await Ok(await business.Http.PostAsJsonAsync($"/api/questions/{Id(privateQ)}/answer", new { body = "非公開の答え", @public = false }));

        var visitor = App.CreateClient();
        var response = await visitor.GetAsync($"/api/jobs/{Id(job)}/questions");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.Public, Is.True, "cached like the board");
        var questions = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.That(questions.Select(q => Str(q!["id"])), Is.EqualTo(new[] { Id(publicQ) }));
        Assert.That(questions[0]!["askerName"]?.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Null).Or.Null);
        Assert.That(Str(questions[0]!["answer"]), Is.EqualTo("1週間までなら"));

        await Ok(await business.Http.PostAsync($"/api/jobs/{Id(job)}/cancel", null));
        await Problem(await visitor.GetAsync($"/api/jobs/{Id(job)}/questions"), HttpStatusCode.NotFound);
        var members = await PostJob(business, new
        {
            title = "会員限定", description = "説明", category = "design", budgetMin = 1000, budgetMax = 2000,
            deadline = DateTimeOffset.UtcNow.AddDays(30), membersOnly = true,
        });
        await Problem(await visitor.GetAsync($"/api/jobs/{Id(members)}/questions"), HttpStatusCode.NotFound);
        await Problem(await visitor.GetAsync("/api/jobs/nonexistent/questions"), HttpStatusCode.NotFound);
    }
}
