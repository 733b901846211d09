using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>The public job board: what a visitor reads without an account, how it is cached and limited (issue 12).</summary>
public sealed class PublicBoardTests : ApiTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Site:PublicUrl"] = "https://jobs.example.jp" };

    private static object Job(string title, bool membersOnly = false, string description = "説明") => new
    {
        title, description, category = "design", budgetMin = 30_000, budgetMax = 80_000,
        deadline = DateTimeOffset.UtcNow.AddDays(30), region = "秋田県湯沢市", membersOnly,
    };

    private static string[] Titles(JsonObject page) => page["items"]!.AsArray().Select(j => Str(j!["title"])).ToArray();

    [Test]
    public async Task A_visitor_reads_open_public_jobs_only_and_never_bids()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var open = await PostJob(business, Job("公開"));
        var members = await PostJob(business, Job("会員限定", membersOnly: true));
        var awarded = await PostJob(business, Job("決定済み"));
        await Award(business, Id(awarded), Id(await PlaceBid(worker, Id(awarded))));
        await PlaceBid(worker, Id(open));
        var visitor = Browser();

        Assert.That(Titles(await Ok(await visitor.GetAsync("/api/jobs"))), Is.EqualTo(new[] { "公開" }));
        var shown = await Ok(await visitor.GetAsync($"/api/jobs/{Id(open)}"));
        Assert.That((Str(shown["title"]), shown["bidCount"]!.GetValue<int>()), Is.EqualTo(("公開", 1)));
        await Problem(await visitor.GetAsync($"/api/jobs/{Id(members)}"), HttpStatusCode.NotFound);
        await Problem(await visitor.GetAsync($"/api/jobs/{Id(awarded)}"), HttpStatusCode.NotFound);
        await Problem(await visitor.GetAsync($"/api/jobs/{Id(open)}/bids"), HttpStatusCode.Unauthorized);
        Assert.That(Titles(await Ok(await visitor.GetAsync("/api/jobs?status=awarded"))), Is.Empty);
        await Problem(await visitor.GetAsync("/api/jobs?mine=true"), HttpStatusCode.Unauthorized);
        await Problem(await visitor.PostAsJsonAsync("/api/jobs", Job("x")), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_members_only_job_is_for_signed_in_workers_and_its_own_business()
    {
        var business = await SignUp(Role.Business);
        var members = await PostJob(business, Job("会員限定", membersOnly: true));
        Assert.That(members["membersOnly"]!.GetValue<bool>(), Is.True);
        var worker = await SignUp(Role.Worker);
        var otherBusiness = await SignUp(Role.Business);

        Assert.That(Titles(await Ok(await worker.Http.GetAsync("/api/jobs"))), Is.EqualTo(new[] { "会員限定" }));
        Assert.That(Titles(await Ok(await worker.Http.GetAsync("/api/jobs?q=" + Uri.EscapeDataString("会員")))), Is.EqualTo(new[] { "会員限定" }));
        await Ok(await worker.Http.GetAsync($"/api/jobs/{Id(members)}"));
        await Ok(await business.Http.GetAsync($"/api/jobs/{Id(members)}"));
        Assert.That(Titles(await Ok(await business.Http.GetAsync("/api/jobs?mine=true"))), Is.EqualTo(new[] { "会員限定" }));
        await Problem(await otherBusiness.Http.GetAsync($"/api/jobs/{Id(members)}"), HttpStatusCode.NotFound);
        Assert.That(Titles(await Ok(await otherBusiness.Http.GetAsync("/api/jobs"))), Is.Empty);
        Assert.That(Titles(await Ok(await Browser().GetAsync("/api/jobs?q=" + Uri.EscapeDataString("会員")))), Is.Empty);
    }

    [Test]
    public async Task A_visitors_answer_is_public_with_an_ETag_and_a_signed_in_answer_is_never_stored()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business, Job("公開"));
        var visitor = Browser();
        foreach (var path in new[] { "/api/jobs", $"/api/jobs/{Id(job)}" })
        {
            var first = await visitor.GetAsync(path);
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(first.Headers.CacheControl!.Public, Is.True, path);
            Assert.That(first.Headers.CacheControl.MaxAge, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(first.Headers.Vary, Is.EquivalentTo(new[] { "Cookie", "Authorization" }));
            var etag = first.Headers.ETag!;
            var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(etag);
            var notModified = await visitor.SendAsync(again);
            Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified), path);
            Assert.That(await notModified.Content.ReadAsByteArrayAsync(), Is.Empty);
            Assert.That(notModified.Headers.ETag, Is.EqualTo(etag));

            var signedIn = await business.Http.GetAsync(path);
            Assert.That(signedIn.Headers.CacheControl!.NoStore, Is.True, "a signed-in answer differs per caller");
            Assert.That(signedIn.Headers.CacheControl.Public, Is.False);
            // The job's own version (If-Match, issue 25) may tag a signed-in answer, never the visitors' copy's.
            Assert.That(signedIn.Headers.ETag?.Tag, Is.Not.EqualTo(etag.Tag), "a signed-in answer is not the visitors' copy");
        }
        // A change is a new ETag: the old one no longer answers 304.
        var before = (await visitor.GetAsync("/api/jobs")).Headers.ETag!;
        await PostJob(business, Job("新着"));
        var stale = new HttpRequestMessage(HttpMethod.Get, "/api/jobs");
        stale.Headers.IfNoneMatch.Add(before);
        Assert.That((await visitor.SendAsync(stale)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var missing = await visitor.GetAsync("/api/jobs/00000000000000000000000000000000");
        Assert.That(missing.Headers.CacheControl!.NoStore, Is.True, "a refusal is never cached publicly");
    }

    [Test]
    public async Task Link_previews_carry_the_jobs_tags_escaped_and_only_for_a_public_job()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business, Job("<script>alert(1)</script> & \"ラベル\"", description: "雪と稲穂の\nモチーフで、純米酒のラベルを"));
        var members = await PostJob(business, Job("会員限定の仕事", membersOnly: true));
        var visitor = Browser();
        var page = await visitor.GetAsync($"/jobs/{Id(job)}");
        Assert.That(page.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("<meta property=\"og:title\" content=\"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;ラベル&quot;\" />"));
        Assert.That(html, Does.Not.Contain("<script>alert(1)"));
        Assert.That(html, Does.Contain("<meta property=\"og:description\" content=\"¥30,000〜¥80,000 / 秋田県湯沢市 / 雪と稲穂の モチーフで、純米酒のラベルを\" />"));
        Assert.That(html, Does.Contain($"<meta property=\"og:url\" content=\"https://jobs.example.jp/jobs/{Id(job)}\" />"));
        Assert.That(html, Does.Contain("<meta property=\"og:site_name\" content=\"地域しごとマーケット\" />"));
        Assert.That(html, Does.Contain("<meta name=\"twitter:card\" content=\"summary\" />"));
        Assert.That(html, Does.Contain("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;ラベル&quot; | 地域しごとマーケット</title>"));
        var hidden = await (await visitor.GetAsync($"/jobs/{Id(members)}")).Content.ReadAsStringAsync();
        Assert.That(hidden, Does.Not.Contain("og:title").And.Not.Contain("会員限定の仕事"));
    }

    [Test]
    public async Task The_sitemap_lists_public_jobs_and_robots_keep_out_of_the_api()
    {
        var business = await SignUp(Role.Business);
        var open = await PostJob(business, Job("公開"));
        var members = await PostJob(business, Job("会員限定", membersOnly: true));
        var cancelled = await PostJob(business, Job("取消"));
        await Ok(await business.Http.PostAsync($"/api/jobs/{Id(cancelled)}/cancel", null));
        var visitor = Browser();
        var sitemap = await visitor.GetAsync("/sitemap.xml");
        Assert.That(sitemap.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/xml"));
        var xml = System.Xml.Linq.XDocument.Parse(await sitemap.Content.ReadAsStringAsync());
        var urls = xml.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToArray();
        Assert.That(urls, Is.EqualTo(new[] { "https://jobs.example.jp/jobs", $"https://jobs.example.jp/jobs/{Id(open)}" }));
        Assert.That(urls, Has.None.Contains(Id(members)).And.None.Contains(Id(cancelled)));

        var robots = await (await visitor.GetAsync("/robots.txt")).Content.ReadAsStringAsync();
        Assert.That(robots, Does.Contain("Disallow: /api/\n").And.Contain("Disallow: /my-jobs\n").And.Contain("Sitemap: https://jobs.example.jp/sitemap.xml"));
        Assert.That(robots, Does.Not.Contain("Disallow: /jobs\n"));
    }
}
