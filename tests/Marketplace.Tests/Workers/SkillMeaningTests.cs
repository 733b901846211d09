using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Jobs;
using Marketplace.Platform;
using Marketplace.Search;

namespace Marketplace.Tests;

/// <summary>
/// Skills match by meaning within a category (Search/SkillWords.cs): 英訳 counts for a translation job, a search for 翻訳
/// finds a worker who wrote Translation or 英訳, and never a designer.
/// </summary>
public sealed class SkillMeaningTests : ApiTest
{
    private async Task<User> WorkerWith(params string[] skills)
    {
        var worker = await SignUp(Role.Worker);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills, region = "秋田県湯沢市", weeklyHours = 10, availability = "" }));
        return worker;
    }

    private static async Task<string[]> Found(User searcher, string skill) =>
        (await Ok(await searcher.Http.GetAsync($"/api/workers?skill={Uri.EscapeDataString(skill)}")))["items"]!.AsArray()
            .Select(w => Str(w!["workerId"])).ToArray();

    [TestCase("英訳", JobCategory.Translation)]
    [TestCase("和訳", JobCategory.Translation)]
    [TestCase("Translation", JobCategory.Translation)]
    [TestCase("ＥＮＧＬＩＳＨ", JobCategory.Translation)]
    [TestCase("テープ起こし", JobCategory.Transcription)]
    [TestCase("イラスト", JobCategory.Design)]
    [TestCase("えくせる", JobCategory.DataEntry)]
    public void A_skill_written_in_a_workers_own_words_is_one_of_its_category(string skill, JobCategory category) =>
        Assert.That(SkillWords.OfCategory(category).Intersect(SkillWords.SameMeaning(skill)), Is.Not.Empty);

    [Test]
    public void A_skill_of_no_category_means_only_itself() =>
        Assert.That(SkillWords.SameMeaning("Blender"), Is.EqualTo(new[] { "blender" }));

    [Test]
    public async Task The_producer_recommends_a_worker_who_wrote_英訳_for_a_translation_job()
    {
        var business = await SignUp(Role.Business);
        var translator = await WorkerWith("英訳");
        var designer = await WorkerWith("イラスト");
        var job = await PostJob(business, NewJob("酒蔵の英語紹介文", "translation"));
        var ranked = (await business.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/recommended-workers"))!;
        Assert.That(ranked.Single(w => Str(w!["workerId"]) == translator.Id)!["skillMatch"]!.GetValue<bool>(), Is.True);
        Assert.That(ranked.Single(w => Str(w!["workerId"]) == designer.Id)!["skillMatch"]!.GetValue<bool>(), Is.False);
        Assert.That(Str(ranked[0]!["workerId"]), Is.EqualTo(translator.Id));
    }

    [Test]
    public async Task A_search_by_a_skill_finds_the_workers_who_wrote_it_in_other_words_of_its_category_and_no_other()
    {
        var business = await SignUp(Role.Business);
        var english = await WorkerWith("英訳");
        var translation = await WorkerWith("Translation");
        var designer = await WorkerWith("デザイン");
        var blender = await WorkerWith("Blender");
        Assert.That(await Found(business, "翻訳"), Is.EquivalentTo(new[] { english.Id, translation.Id }));
        Assert.That(await Found(business, "translation"), Is.EquivalentTo(new[] { english.Id, translation.Id }));
        Assert.That(await Found(business, "でざいん"), Is.EqualTo(new[] { designer.Id }));
        Assert.That(await Found(business, "BLENDER"), Is.EqualTo(new[] { blender.Id }));
        // With words too, the skill narrows the same way.
        var withWords = (await Ok(await business.Http.GetAsync($"/api/workers?q={Uri.EscapeDataString("秋田")}&skill={Uri.EscapeDataString("英語")}")))["items"]!
            .AsArray().Select(w => Str(w!["workerId"]));
        Assert.That(withWords, Is.EquivalentTo(new[] { english.Id, translation.Id }));
    }
}
