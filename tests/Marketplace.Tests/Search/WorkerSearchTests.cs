using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 12: businesses and producers search worker profiles (bio, skills, region) with the job search's Japanese-aware
/// tokens, through HTTP on the real index.
/// </summary>
public sealed class WorkerSearchTests : ApiTest
{
    private async Task<User> Worker(string bio, string region, params string[] skills)
    {
        var worker = await SignUp(Role.Worker);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio, skills, region, weeklyHours = 10, availability = "平日の午前" }));
        return worker;
    }

    private static async Task<string[]> Found(User searcher, string query) =>
        (await Ok(await searcher.Http.GetAsync("/api/workers?" + query)))["items"]!.AsArray().Select(w => Str(w!["workerId"])).ToArray();

    private static string Q(string words) => "q=" + Uri.EscapeDataString(words);

    [Test]
    public async Task Words_are_found_across_kana_width_case_and_in_bio_skills_and_region()
    {
        var label = await Worker("ラベルやロゴのデザインをしています。子育て中です。", "秋田県湯沢市", "デザイン", "Illustrator");
        var translator = await Worker("英訳と和訳。議事録の翻訳も。", "長野県塩尻市", "翻訳");
        var writer = await Worker("地域の記事を書きます", "山形県酒田市", "ライティング");
        var business = await SignUp(Role.Business);

        Assert.That(await Found(business, Q("らべる")), Is.EqualTo(new[] { label.Id }), "hiragana finds katakana");
        Assert.That(await Found(business, Q("ﾗﾍﾞﾙ")), Is.EqualTo(new[] { label.Id }), "half-width katakana");
        Assert.That(await Found(business, Q("ＩＬＬＵＳＴＲＡＴＯＲ")), Is.EqualTo(new[] { label.Id }), "full-width Latin, any case, in the skills");
        Assert.That(await Found(business, Q("illustrator")), Is.EqualTo(new[] { label.Id }), "a Latin word");
        Assert.That(await Found(business, Q("翻訳")), Is.EqualTo(new[] { translator.Id }), "a two-character word");
        Assert.That(await Found(business, Q("英訳")), Is.EqualTo(new[] { translator.Id }));
        Assert.That(await Found(business, Q("訳和")), Is.Empty, "a two-character word is a phrase, not two characters anywhere");
        Assert.That(await Found(business, Q("酒田")), Is.EqualTo(new[] { writer.Id }), "the region's words are searched");
        Assert.That(await Found(business, Q("記")), Is.EqualTo(new[] { writer.Id }), "one character is a prefix search");
        Assert.That(await Found(business, Q("デザイン 秋田")), Is.EqualTo(new[] { label.Id }), "every word must match");
        Assert.That(await Found(business, Q("デザイン 長野")), Is.Empty);
    }

    [Test]
    public async Task A_prefecture_finds_its_towns_and_combines_with_the_words_and_the_skill()
    {
        var yuzawa = await Worker("翻訳をします", "秋田県湯沢市", "翻訳", "design");
        var yokote = await Worker("翻訳をします", "秋田県横手市", "翻訳");
        var shiojiri = await Worker("翻訳をします", "長野県塩尻市", "翻訳");
        var producer = await SignUp(Role.Producer);

        var akita = "region=" + Uri.EscapeDataString("秋田県");
        Assert.That(await Found(producer, akita), Is.EquivalentTo(new[] { yuzawa.Id, yokote.Id }), "a prefecture without words");
        Assert.That(await Found(producer, Q("翻訳") + "&" + akita), Is.EquivalentTo(new[] { yuzawa.Id, yokote.Id }));
        Assert.That(await Found(producer, Q("翻訳") + "&region=" + Uri.EscapeDataString("長野県")), Is.EqualTo(new[] { shiojiri.Id }));
        Assert.That(await Found(producer, Q("翻訳") + "&region=" + Uri.EscapeDataString("秋田県湯")), Is.EqualTo(new[] { yuzawa.Id }),
            "any other beginning of a region is a prefix");
        Assert.That(await Found(producer, Q("翻訳") + "&" + akita + "&skill=DESIGN"), Is.EqualTo(new[] { yuzawa.Id }));
    }

    [Test]
    public async Task A_profile_change_moves_the_worker_in_the_index_at_once()
    {
        var worker = await Worker("ロゴを作ります", "秋田県湯沢市", "ロゴ");
        var business = await SignUp(Role.Business);
        Assert.That(await Found(business, Q("ロゴ")), Is.EqualTo(new[] { worker.Id }));
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "文字起こしをします", skills = new[] { "文字起こし" }, region = "長崎県西海市", weeklyHours = 5, availability = "" }));
        Assert.That(await Found(business, Q("ロゴ")), Is.Empty);
        Assert.That(await Found(business, Q("文字起こし") + "&region=" + Uri.EscapeDataString("長崎県")), Is.EqualTo(new[] { worker.Id }));
        Assert.That(await Found(business, "region=" + Uri.EscapeDataString("秋田県")), Is.Empty);
        Assert.That(Scalar("SELECT COUNT(*) FROM worker_fts"), Is.EqualTo(1), "one index row per profile");
    }

    [Test]
    public async Task Skills_rank_above_a_mention_in_the_bio_and_pages_follow_the_ranking()
    {
        var mention = await Worker("デザインもたまに翻訳もします。", "秋田県湯沢市", "design");
        var skilled = await Worker("よろしくお願いします。", "秋田県湯沢市", "翻訳");
        var both = await Worker("翻訳の仕事を十年。", "秋田県湯沢市", "翻訳");
        var business = await SignUp(Role.Business);
        Assert.That(await Found(business, Q("翻訳")), Is.EqualTo(new[] { both.Id, skilled.Id, mention.Id }));

        var first = await Ok(await business.Http.GetAsync("/api/workers?" + Q("翻訳") + "&limit=2"));
        var cursor = Str(first["nextCursor"]);
        // A profile written between the pages does not shift them: each score belongs to its own profile.
        await Worker("翻訳", "秋田県湯沢市", "翻訳", "翻訳者");
        var second = await Ok(await business.Http.GetAsync("/api/workers?" + Q("翻訳") + "&limit=2&cursor=" + Uri.EscapeDataString(cursor)));
        Assert.That(first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(w => Str(w!["workerId"])),
            Is.EqualTo(new[] { both.Id, skilled.Id, mention.Id }));
        Assert.That(second["nextCursor"]?.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Null).Or.Null);
    }

    [Test]
    public async Task Workers_and_visitors_may_not_search_workers_and_bad_words_are_400()
    {
        var worker = await Worker("翻訳をします", "秋田県湯沢市", "翻訳");
        await Problem(await worker.Http.GetAsync("/api/workers?" + Q("翻訳")), HttpStatusCode.Forbidden);
        var visitor = Browser();
        Assert.That((await visitor.GetAsync("/api/workers?" + Q("翻訳"))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var business = await SignUp(Role.Business);
        var problem = await Problem(await business.Http.GetAsync("/api/workers?" + Q("「」？")), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain("q"));
        await Problem(await business.Http.GetAsync("/api/workers?" + Q("翻訳") + "&cursor=nonsense"), HttpStatusCode.BadRequest);
        Assert.That(await Found(business, Q("\"翻訳\" OR NEAR(")), Is.Empty, "FTS5 syntax is plain words");
    }
}
