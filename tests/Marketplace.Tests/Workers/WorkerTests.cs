using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

public sealed class WorkerTests : ApiTest
{
    private static object Profile(string region = "秋田県湯沢市", params string[] skills) => new
    {
        bio = "子育て中のデザイナーです", skills, region, weeklyHours = 10, availability = "平日 9:00–12:00",
    };

    [Test]
    public async Task A_worker_keeps_a_profile_that_others_can_read()
    {
        var worker = await SignUp(Role.Worker, "佐藤 美咲");
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile", Profile("秋田県湯沢市", "design", "ロゴ", "Design")));
        var saved = await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile", Profile("秋田県横手市", "design", "illustration")));
        Assert.That(saved["skills"]!.AsArray().Select(s => Str(s)), Is.EquivalentTo(new[] { "design", "illustration" }));
        var business = await SignUp(Role.Business);
        var read = await Ok(await business.Http.GetAsync($"/api/workers/{worker.Id}"));
        Assert.That(Str(read["region"]), Is.EqualTo("秋田県横手市"));
        Assert.That(read["weeklyHours"]!.GetValue<int>(), Is.EqualTo(10));
        Assert.That(read["rating"]?.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Null).Or.Null);
    }

    [Test]
    public async Task A_worker_reads_its_own_tax_status_and_others_do_not()
    {
        var worker = await SignUp(Role.Worker);
        var saved = await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile", new
        {
            bio = "", skills = new[] { "design" }, region = "秋田県湯沢市", weeklyHours = 10, availability = "", isIndividual = false,
        }));
        Assert.That(saved["isIndividual"]!.GetValue<bool>(), Is.False);
        var own = await Ok(await worker.Http.GetAsync($"/api/workers/{worker.Id}"));
        Assert.That(own["isIndividual"]!.GetValue<bool>(), Is.False);

        var business = await SignUp(Role.Business);
        var seen = await Ok(await business.Http.GetAsync($"/api/workers/{worker.Id}"));
        Assert.That(seen["isIndividual"]?.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Null).Or.Null);
    }

    [Test]
    public async Task Only_workers_keep_profiles()
    {
        var business = await SignUp(Role.Business);
        await Problem(await business.Http.PutAsJsonAsync("/api/me/worker-profile", Profile()), HttpStatusCode.Forbidden);
        await Problem(await business.Http.GetAsync($"/api/workers/{business.Id}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Businesses_find_workers_by_skill_and_region_and_workers_may_not_search()
    {
        var misaki = await SignUp(Role.Worker);
        var kenta = await SignUp(Role.Worker);
        await Ok(await misaki.Http.PutAsJsonAsync("/api/me/worker-profile", Profile("秋田県湯沢市", "design")));
        await Ok(await kenta.Http.PutAsJsonAsync("/api/me/worker-profile", Profile("秋田県横手市", "translation", "design")));
        var business = await SignUp(Role.Business);

        async Task<string[]> Found(string query) =>
            (await Ok(await business.Http.GetAsync("/api/workers?" + query)))["items"]!.AsArray().Select(w => Str(w!["workerId"])).ToArray();

        Assert.That(await Found("skill=DESIGN"), Is.EquivalentTo(new[] { misaki.Id, kenta.Id }));
        Assert.That(await Found("skill=design&region=" + Uri.EscapeDataString("秋田県湯沢市")), Is.EqualTo(new[] { misaki.Id }));
        Assert.That(await Found("skill=translation"), Is.EqualTo(new[] { kenta.Id }));
        await Problem(await misaki.Http.GetAsync("/api/workers"), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Invalid_profile_fields_are_400s_and_keep_the_old_profile()
    {
        var worker = await SignUp(Role.Worker);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile", Profile("秋田県湯沢市", "design")));
        var problem = await Problem(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills = new[] { "" }, region = "", weeklyHours = 200, availability = "" }), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "region", "weeklyHours", "skills[0]" }));
        Assert.That(Scalar("SELECT COUNT(*) FROM worker_skills WHERE skill = 'design'"), Is.EqualTo(1));
    }
}
