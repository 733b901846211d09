using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Marketplace.Platform;
using Marketplace.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>Japanese search on the job board: normalisation, bigrams, ranking, sorts, counts, snippets (issue 12).</summary>
public sealed class SearchTests : ApiTest
{
    private async Task<JsonObject> Search(HttpClient http, string query) => await Ok(await http.GetAsync("/api/jobs?" + query));

    private static string[] Titles(JsonObject page) => page["items"]!.AsArray().Select(j => Str(j!["title"])).ToArray();

    private async Task<string[]> Find(HttpClient http, string words, string more = "") =>
        Titles(await Search(http, "q=" + Uri.EscapeDataString(words) + more));

    [Test]
    public async Task Half_width_katakana_finds_full_width_and_the_reverse()
    {
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "日本酒のラベルデザイン"));
        await PostJob(business, NewJob(title: "ﾊﾟﾝﾌﾚｯﾄ作成", description: "観光案内"));
        var visitor = Browser();
        Assert.That(await Find(visitor, "ﾗﾍﾞﾙ"), Is.EqualTo(new[] { "日本酒のラベルデザイン" }));
        Assert.That(await Find(visitor, "パンフレット"), Is.EqualTo(new[] { "ﾊﾟﾝﾌﾚｯﾄ作成" }));
    }

    [Test]
    public async Task Full_width_letters_and_digits_are_the_usual_ones_in_any_case()
    {
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "ＬＯＧＯ制作 ２０２６年度", description: "ロゴ"));
        await PostJob(business, NewJob(title: "Logo refresh", description: "for 2025"));
        var visitor = Browser();
        Assert.That(await Find(visitor, "logo"), Is.EquivalentTo(new[] { "ＬＯＧＯ制作 ２０２６年度", "Logo refresh" }));
        Assert.That(await Find(visitor, "2026"), Is.EqualTo(new[] { "ＬＯＧＯ制作 ２０２６年度" }));
        Assert.That(await Find(visitor, "ＬＯＧＯ"), Has.Length.EqualTo(2));
    }

    [Test]
    public async Task Hiragana_and_katakana_are_one()
    {
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "ホンヤクのお仕事", description: "英語から日本語へ"));
        await PostJob(business, NewJob(title: "翻訳チェック", description: "ネイティブ確認"));
        await PostJob(business, NewJob(title: "ほんやくの練習", description: "初心者向け"));
        var visitor = Browser();
        Assert.That(await Find(visitor, "ほんやく"), Is.EquivalentTo(new[] { "ホンヤクのお仕事", "ほんやくの練習" }),
            "翻訳 needs a reading dictionary: not found, as the README says");
        Assert.That(await Find(visitor, "ホンヤク"), Is.EquivalentTo(new[] { "ホンヤクのお仕事", "ほんやくの練習" }), "katakana finds hiragana too");
        Assert.That(await Find(visitor, "ねいてぃぶ"), Is.EqualTo(new[] { "翻訳チェック" }));
        Assert.That(await Find(visitor, "ﾈｲﾃｨﾌﾞ"), Is.EqualTo(new[] { "翻訳チェック" }));
    }

    [Test]
    public async Task Two_character_words_match_as_bigrams_and_not_across_a_gap()
    {
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "議事録の文字起こし", description: "会議1時間"));
        await PostJob(business, NewJob(title: "英訳", description: "商品説明"));
        await PostJob(business, NewJob(title: "英語の翻訳", description: "訳は丁寧に"));
        await PostJob(business, NewJob(title: "ベルとラベ", description: "鈴"));
        var visitor = Browser();
        Assert.That(await Find(visitor, "議事"), Is.EqualTo(new[] { "議事録の文字起こし" }));
        Assert.That(await Find(visitor, "英訳"), Is.EqualTo(new[] { "英訳" }), "英 and 訳 apart are not 英訳");
        Assert.That(await Find(visitor, "翻訳"), Is.EqualTo(new[] { "英語の翻訳" }));
        Assert.That(await Find(visitor, "文字起こし"), Is.EqualTo(new[] { "議事録の文字起こし" }), "a longer word is its bigrams in order");
        Assert.That(await Find(visitor, "起こし文字"), Is.Empty, "the same bigrams out of order are not the word");
        Assert.That(await Find(visitor, "ラベル"), Is.Empty, "らべ and べる both stand in ベルとラベ, but not one after the other");
    }

    [Test]
    public async Task One_character_finds_it_anywhere_in_a_word_even_at_its_end()
    {
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "日本酒", description: "純米"));
        await PostJob(business, NewJob(title: "酒蔵の紹介", description: "観光"));
        await PostJob(business, NewJob(title: "うどん", description: "稲庭"));
        var visitor = Browser();
        Assert.That(await Find(visitor, "酒"), Is.EquivalentTo(new[] { "日本酒", "酒蔵の紹介" }), "酒 ends 日本酒 and starts 酒蔵");
        Assert.That(await Find(visitor, "ど"), Is.EqualTo(new[] { "うどん" }));
    }

    [Test]
    public async Task A_Latin_word_is_a_whole_word()
    {
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "WordPress site update", description: "PHP"));
        await PostJob(business, NewJob(title: "Word documents", description: "Excel and Word"));
        var visitor = Browser();
        Assert.That(await Find(visitor, "word"), Is.EqualTo(new[] { "Word documents" }));
        Assert.That(await Find(visitor, "WORDPRESS"), Is.EqualTo(new[] { "WordPress site update" }));
        Assert.That(await Find(visitor, "word excel"), Is.EqualTo(new[] { "Word documents" }), "every word must match");
        Assert.That(await Find(visitor, "word php"), Is.Empty);
    }

    [Test]
    public async Task A_prefecture_finds_its_towns_and_no_other_prefecture()
    {
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "湯沢", region: "秋田県湯沢市"));
        await PostJob(business, NewJob(title: "横手", region: "秋田県横手市"));
        await PostJob(business, NewJob(title: "塩尻", region: "長野県塩尻市"));
        await PostJob(business, NewJob(title: "どこでも", region: null));
        var visitor = Browser();
        async Task<string[]> In(string region, string more = "") => Titles(await Search(visitor, "region=" + Uri.EscapeDataString(region) + more));
        Assert.That(await In("秋田県"), Is.EquivalentTo(new[] { "湯沢", "横手" }));
        Assert.That(await In("秋田県湯沢市"), Is.EqualTo(new[] { "湯沢" }));
        Assert.That(await In("長野"), Is.EqualTo(new[] { "塩尻" }));
        Assert.That(await In("秋田県", "&sort=budget"), Is.EquivalentTo(new[] { "湯沢", "横手" }), "the prefix works without the full-text index too");
        Assert.That(await In("秋田県", "&q=" + Uri.EscapeDataString("湯沢")), Is.EqualTo(new[] { "湯沢" }));
    }

    [Test]
    public async Task Filters_combine_with_the_words()
    {
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "翻訳 A", category: "translation", budgetMin: 10_000, budgetMax: 20_000, deadlineDays: 5, region: "長野県立科町"));
        await PostJob(business, NewJob(title: "翻訳 B", category: "translation", budgetMin: 50_000, budgetMax: 90_000, deadlineDays: 40, region: "長野県塩尻市"));
        await PostJob(business, NewJob(title: "翻訳 C", category: "writing", budgetMin: 50_000, budgetMax: 90_000, deadlineDays: 5, region: "長野県塩尻市"));
        var visitor = Browser();
        Assert.That(await Find(visitor, "翻訳", "&category=translation"), Is.EquivalentTo(new[] { "翻訳 A", "翻訳 B" }));
        Assert.That(await Find(visitor, "翻訳", "&category=translation&region=" + Uri.EscapeDataString("長野県塩尻")), Is.EqualTo(new[] { "翻訳 B" }));
        Assert.That(await Find(visitor, "翻訳", "&minBudget=30000"), Is.EquivalentTo(new[] { "翻訳 B", "翻訳 C" }));
        Assert.That(await Find(visitor, "翻訳", "&maxBudget=30000"), Is.EqualTo(new[] { "翻訳 A" }));
        var soon = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(10).ToString("O"));
        Assert.That(await Find(visitor, "翻訳", "&deadlineBefore=" + soon), Is.EquivalentTo(new[] { "翻訳 A", "翻訳 C" }));
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"));
        Assert.That(await Find(visitor, "翻訳", "&postedSince=" + future), Is.Empty);
        Assert.That(Titles(await Search(visitor, "category=writing&sort=deadline")), Is.EqualTo(new[] { "翻訳 C" }));
    }

    [Test]
    public async Task A_title_match_ranks_above_a_description_match_and_the_newer_wins_a_tie()
    {
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "商品説明の作成", description: "翻訳は不要です"));
        await PostJob(business, NewJob(title: "翻訳 older", description: "英語"));
        await PostJob(business, NewJob(title: "翻訳 newer", description: "英語"));
        var visitor = Browser();
        Assert.That(await Find(visitor, "翻訳"), Is.EqualTo(new[] { "翻訳 newer", "翻訳 older", "商品説明の作成" }));
        Assert.That(await Find(visitor, "翻訳", "&sort=newest"), Is.EqualTo(new[] { "翻訳 newer", "翻訳 older", "商品説明の作成" }));
        Assert.That(await Find(visitor, "英語"), Is.EqualTo(new[] { "翻訳 newer", "翻訳 older" }));
    }

    [Test]
    public async Task Ranking_reads_the_same_statistics_on_every_engine_the_open_jobs_and_their_tokens()
    {
        // BM25's inputs from the engine's index must be what the stored tokens say, so that every engine ranks alike:
        // the open jobs, their average title and description length in tokens, and how many hold each phrase.
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        await PostJob(business, NewJob(title: "酒蔵のラベル", description: "ラベルと酒のロゴ logo"));
        await PostJob(business, NewJob(title: "ロゴ制作", description: "酒"));
        await PostJob(business, NewJob(title: "翻訳 logos", description: "英語から日本語へ、ラベル用", category: "translation"));
        await Created(await business.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "会員限定 ラベル", description = "酒", category = "design", budgetMin = 1000, budgetMax = 2000,
            deadline = DateTimeOffset.UtcNow.AddDays(5), region = "秋田県", membersOnly = true,
        }));
        var closed = await PostJob(business, NewJob(title: "酒のラベル closed", description: "ラベル ラベル"));
        await Award(business, Id(closed), Id(await PlaceBid(worker, Id(closed))));

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var engine = TextSearch.Of(db);
        List<(string Title, string Body)> open;
        using (var connection = App.OpenDatabase())
            open = connection.Query<(string, string)>(
                "SELECT s.title, s.body FROM job_search s JOIN jobs j ON j.id = s.job_id WHERE j.status = 'open'").ToList();
        static int Tokens(string text) => text.Length == 0 ? 0 : text.Split(' ').Length;

        var corpus = await Ranking.BoardCorpusAsync(db);
        Assert.That(corpus.Documents, Is.EqualTo(4));
        Assert.That(corpus.AverageLength, Is.EqualTo(open.Sum(j => Tokens(j.Title) + Tokens(j.Body)) / 4.0).Within(1e-9));
        foreach (var words in new[] { "ラベル", "酒", "ロゴ", "logo", "翻訳", "日本語", "秋田" })
        {
            var phrase = SearchText.Phrases(words).Single();
            var holding = open.Count(j => Ranking.Occurrences(j.Title, phrase) + Ranking.Occurrences(j.Body, phrase) > 0);
            Assert.That(await engine.BoardDocumentCountAsync(db, phrase), Is.EqualTo(holding), words);
        }
    }

    [Test]
    public async Task Budget_and_deadline_sorts_order_the_board_with_or_without_words()
    {
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "データ入力 1", budgetMin: 1_000, budgetMax: 5_000, deadlineDays: 20));
        await PostJob(business, NewJob(title: "データ入力 2", budgetMin: 1_000, budgetMax: 90_000, deadlineDays: 3));
        await PostJob(business, NewJob(title: "データ入力 3", budgetMin: 1_000, budgetMax: 30_000, deadlineDays: 60));
        var visitor = Browser();
        foreach (var words in new[] { "", "&q=" + Uri.EscapeDataString("データ") })
        {
            Assert.That(Titles(await Search(visitor, "sort=budget" + words)), Is.EqualTo(new[] { "データ入力 2", "データ入力 3", "データ入力 1" }));
            Assert.That(Titles(await Search(visitor, "sort=deadline" + words)), Is.EqualTo(new[] { "データ入力 2", "データ入力 1", "データ入力 3" }));
            Assert.That(Titles(await Search(visitor, "sort=newest" + words)), Is.EqualTo(new[] { "データ入力 3", "データ入力 2", "データ入力 1" }));
        }
        var signedIn = await SignUp(Role.Business);
        var refused = await Problem(await signedIn.Http.GetAsync("/api/jobs?mine=true&sort=budget"), HttpStatusCode.BadRequest);
        Assert.That(refused["errorCodes"]!["sort"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("sortNeedsOpenBoard"));
        await Problem(await visitor.GetAsync("/api/jobs?sort=cheapest"), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Budget_and_deadline_sorts_in_one_category_page_through_its_jobs_alone_by_cursor()
    {
        // With a category, the sorts without words read the category's own index (status, category, key, id).
        var business = await SignUp(Role.Business);
        for (var i = 0; i < 7; i++)
        {
            await PostJob(business, NewJob(title: $"翻訳 {i}", category: "translation", budgetMin: 1_000, budgetMax: 10_000 + i % 3 * 20_000, deadlineDays: 30 - i % 4 * 5));
            await PostJob(business, NewJob(title: $"記事 {i}", category: "writing", budgetMin: 1_000, budgetMax: 15_000 + i * 10_000, deadlineDays: 2 + i));
        }
        var visitor = Browser();
        async Task<string[]> All(string query)
        {
            var titles = new List<string>();
            for (string? cursor = null; ;)
            {
                var page = await Search(visitor, query + "&limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
                titles.AddRange(Titles(page));
                cursor = page["nextCursor"]?.GetValue<string>();
                if (cursor is null) return [.. titles];
            }
        }
        // Highest budget first, the newer first on a tie; soonest deadline first, the older first on a tie.
        Assert.That(await All("category=translation&sort=budget"), Is.EqualTo(new[] { "翻訳 5", "翻訳 2", "翻訳 4", "翻訳 1", "翻訳 6", "翻訳 3", "翻訳 0" }));
        Assert.That(await All("category=translation&sort=budget&minBudget=30000"), Is.EqualTo(new[] { "翻訳 5", "翻訳 2", "翻訳 4", "翻訳 1" }));
        Assert.That(await All("category=translation&sort=deadline"), Is.EqualTo(new[] { "翻訳 3", "翻訳 2", "翻訳 6", "翻訳 1", "翻訳 5", "翻訳 0", "翻訳 4" }));
        Assert.That(await All("category=writing&sort=deadline&minBudget=50000"), Is.EqualTo(new[] { "記事 4", "記事 5", "記事 6" }));
    }

    [Test]
    public async Task A_minimum_budget_finds_exactly_the_jobs_at_or_above_it_at_every_budget_bands_edge()
    {
        // The board's index holds a job's budget as bands (BudgetBands, migration 0049): a minimum that is a band is
        // decided by the index alone, so the view's bands and the API's must be the same list, edge for edge.
        var business = await SignUp(Role.Business);
        var budgets = BudgetBands.Amounts.SelectMany(b => new[] { b - 1, b }).Append(1).Append(70_001).Append(BudgetBands.Amounts[^1] + 1).ToArray();
        foreach (var budget in budgets)
            await PostJob(business, NewJob(title: $"予算 {budget}", budgetMin: 1, budgetMax: budget, region: budget % 2 == 0 ? "長野県塩尻市" : "秋田県湯沢市"));
        var visitor = Browser();
        async Task<(string[] Titles, int Total)> Board(string query)
        {
            var titles = new List<string>();
            int? total = null;
            for (string? cursor = null; ;)
            {
                var page = await Search(visitor, query + "&limit=50" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
                titles.AddRange(Titles(page));
                total ??= page["total"]!.GetValue<int>();
                cursor = page["nextCursor"]?.GetValue<string>();
                if (cursor is null) return ([.. titles], total.Value);
            }
        }
        var minimums = BudgetBands.Amounts.SelectMany(b => new[] { b, b + 1 }).Append(70_000).Append(1).ToArray();
        foreach (var min in minimums)
        {
            var expected = budgets.Where(b => b >= min).OrderByDescending(b => b).Select(b => $"予算 {b}").ToArray();
            var (titles, total) = await Board($"minBudget={min}");
            Assert.That(titles, Is.EquivalentTo(expected), $"minBudget={min}");
            Assert.That(total, Is.EqualTo(expected.Length), $"the count of minBudget={min}");
            var inTown = budgets.Where(b => b >= min && b % 2 == 0).Select(b => $"予算 {b}").ToArray();
            var (town, townTotal) = await Board($"minBudget={min}&region=" + Uri.EscapeDataString("長野県塩尻市"));
            Assert.That(town, Is.EquivalentTo(inTown), $"minBudget={min} in a town");
            Assert.That(townTotal, Is.EqualTo(inTown.Length), $"the count of minBudget={min} in a town");
            Assert.That(await Find(visitor, "予算", $"&minBudget={min}&limit=50"), Is.EquivalentTo(expected), $"予算 with minBudget={min}");
        }
    }

    [Test]
    public async Task Every_sort_pages_through_every_match_once_by_cursor_beyond_the_window_and_counts_stop_at_1000()
    {
        var business = await SignUp(Role.Business);
        // 1,100 matches: more than the relevance window (1,000) and the exact count; a few also in the title.
        Seed(business, 1_100, i => (i % 50 == 0 ? $"翻訳 {i}" : $"案件 {i}", i % 3 == 0 ? "英語の翻訳です" : "翻訳と校正", 1_000 + i * 7 % 900));
        Seed(business, 30, i => ($"ロゴ {i}", "デザイン", 5_000));
        var visitor = Browser();
        foreach (var sort in new[] { "relevance", "newest", "budget", "deadline" })
        {
            var seen = new List<string>();
            string? cursor = null;
            JsonObject? first = null;
            do
            {
                var page = await Search(visitor, $"q={Uri.EscapeDataString("翻訳")}&sort={sort}&limit=100" + (cursor is null ? "" : "&cursor=" + cursor));
                first ??= page;
                seen.AddRange(page["items"]!.AsArray().Select(j => Id(j!.AsObject())));
                cursor = page["nextCursor"]?.GetValue<string>();
            } while (cursor is not null && seen.Count < 2_000);
            Assert.That(seen, Has.Count.EqualTo(1_100).And.Unique, sort);
            Assert.That(first!["total"]!.GetValue<int>(), Is.EqualTo(1_000), sort);
            Assert.That(first["totalCapped"]!.GetValue<bool>(), Is.True, sort);
            if (sort == "relevance")
                Assert.That(Titles(first).Take(22).Count(t => t.StartsWith("翻訳", StringComparison.Ordinal)), Is.EqualTo(20),
                    "the 20 of the window with the word in the title come first");
        }
        var few = await Search(visitor, "q=" + Uri.EscapeDataString("ロゴ"));
        Assert.That((few["total"]!.GetValue<int>(), few["totalCapped"]!.GetValue<bool>()), Is.EqualTo((30, false)), "exact below the cap");
        var all = await Search(visitor, "");
        Assert.That((all["total"]!.GetValue<int>(), all["totalCapped"]!.GetValue<bool>()), Is.EqualTo((1_000, true)));
        var next = await Search(visitor, "cursor=" + Str(all["nextCursor"]));
        Assert.That(next["total"], Is.Null, "a next page keeps the first page's count");
    }

    [Test]
    public async Task Budget_and_deadline_without_words_page_by_cursor_through_equal_keys()
    {
        var business = await SignUp(Role.Business);
        // Three jobs to each budget and each deadline, so that pages of ten end inside a run of equal keys.
        Seed(business, 45, i => ($"案件 {i}", "説明", 1_000 + i / 3 * 100), deadlineDays: i => 1 + i % 15);
        var visitor = Browser();
        foreach (var sort in new[] { "budget", "deadline" })
        {
            var seen = new List<JsonObject>();
            string? cursor = null;
            do
            {
                var page = await Search(visitor, $"sort={sort}&limit=10" + (cursor is null ? "" : "&cursor=" + cursor));
                seen.AddRange(page["items"]!.AsArray().Select(j => j!.AsObject()));
                cursor = page["nextCursor"]?.GetValue<string>();
            } while (cursor is not null && seen.Count < 100);
            Assert.That(seen.Select(Id).ToList(), Has.Count.EqualTo(45).And.Unique, sort);
            var keys = seen.Select(j => (Budget: j["budgetMax"]!.GetValue<long>(), Deadline: j["deadline"]!.GetValue<DateTimeOffset>(), Id: Id(j))).ToList();
            var expected = sort == "budget"
                ? keys.OrderByDescending(k => k.Budget).ThenByDescending(k => k.Id, StringComparer.Ordinal)
                : keys.OrderBy(k => k.Deadline).ThenBy(k => k.Id, StringComparer.Ordinal);
            Assert.That(keys, Is.EqualTo(expected.ToList()), sort + ": the key, then the id breaking ties");
        }
    }

    [Test]
    public async Task Snippets_mark_the_words_as_ranges_of_the_original_text()
    {
        var business = await SignUp(Role.Business);
        var description = "<b>湯沢</b>の酒蔵です。ﾗﾍﾞﾙのデザインと、ラベル印刷の入稿データ作成をお願いします。" + new string('あ', 300);
        await PostJob(business, NewJob(title: "ラベル制作", description: description));
        var item = (await Search(Browser(), "q=" + Uri.EscapeDataString("らべる")))["items"]![0]!;
        var title = Str(item["title"]);
        var titleMarks = item["match"]!["titleHighlights"]!.AsArray().Select(h => title.Substring(h!["start"]!.GetValue<int>(), h["length"]!.GetValue<int>()));
        Assert.That(titleMarks, Is.EqualTo(new[] { "ラベル" }));
        var snippet = item["match"]!["snippet"]!;
        var text = Str(snippet["text"]);
        var marks = snippet["highlights"]!.AsArray().Select(h => text.Substring(h!["start"]!.GetValue<int>(), h["length"]!.GetValue<int>())).ToArray();
        Assert.That(marks, Is.EqualTo(new[] { "ﾗﾍﾞﾙ", "ラベル" }), "the half-width original is marked, whole");
        Assert.That(text, Does.StartWith("<b>湯沢</b>"), "text, never markup: the client renders it as text");
        Assert.That(text, Does.EndWith("…").And.Length.LessThan(description.Length));
        var plain = (await Search(Browser(), ""))["items"]![0]!;
        Assert.That(plain["match"], Is.Null, "no words, no match");
    }

    [Test]
    public async Task The_index_follows_every_status_change_in_the_same_transaction()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var awarded = await PostJob(business, NewJob(title: "校正 awarded"));
        var cancelled = await PostJob(business, NewJob(title: "校正 cancelled"));
        await PostJob(business, NewJob(title: "校正 open"));
        await Award(business, Id(awarded), Id(await PlaceBid(worker, Id(awarded))));
        await Ok(await business.Http.PostAsync($"/api/jobs/{Id(cancelled)}/cancel", null));
        Assert.That(await Find(Browser(), "校正"), Is.EqualTo(new[] { "校正 open" }));
        // The business still finds its own closed jobs by words, through its own stream.
        Assert.That(await Find(business.Http, "校正", "&mine=true"), Is.EquivalentTo(new[] { "校正 open", "校正 awarded", "校正 cancelled" }));
        Assert.That(await Find(business.Http, "校正", "&status=cancelled"), Is.EqualTo(new[] { "校正 cancelled" }));
        Assert.That(await Find(worker.Http, "校正", "&status=awarded"), Is.EqualTo(new[] { "校正 awarded" }), "the bidder's own relation");
        using var connection = App.OpenDatabase();
        Assert.That(WithFacet(connection, "job_fts", "sopen"), Is.EqualTo(1));
        Assert.That(WithFacet(connection, "job_fts", "sawarded"), Is.EqualTo(1));
        // The open board's own index holds the open job alone.
        Assert.That(WithFacet(connection, "job_board_fts", "open"), Is.EqualTo(1));
        Assert.That(connection.ExecuteScalar<long>("SELECT COUNT(*) FROM job_board_fts"), Is.EqualTo(1));
        if (connection is SqliteConnection)
        {
            // FTS5 holds exactly what the content views say.
            connection.Execute("INSERT INTO job_fts (job_fts) VALUES ('integrity-check')");
            connection.Execute("INSERT INTO job_board_fts (job_board_fts) VALUES ('integrity-check')");
        }
    }

    /// <summary>How many rows of a jobs index hold a facet token, asked in the engine's own terms.</summary>
    private static long WithFacet(System.Data.Common.DbConnection connection, string index, string facet) =>
        connection is SqliteConnection
            ? connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {index} WHERE {index} MATCH @Match", new { Match = "facets : " + facet })
            : connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {index} f WHERE f.terms @@ CAST(@Match AS tsquery)",
                new { Match = PostgresTextSearch.Lexeme(facet) + ":D" });

    [Test]
    public async Task Typed_search_syntax_is_plain_text()
    {
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "facets members sopen", description: "NEAR AND OR NOT"));
        var visitor = Browser();
        foreach (var typed in new[] { "\"", "facets : sopen", "NEAR(a b)", "*", "a OR b", "{title} : x", "^x", "-x" })
        {
            var response = await visitor.GetAsync("/api/jobs?q=" + Uri.EscapeDataString(typed));
            Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.OK, HttpStatusCode.BadRequest), typed);
        }
        Assert.That(await Find(visitor, "facets : sopen"), Is.EqualTo(new[] { "facets members sopen" }), "words, not a column filter");
        Assert.That(await Find(visitor, "open"), Is.Empty, "the facet every open job has is not a word");
        Assert.That(await Find(visitor, "cdesign"), Is.Empty, "nor is a category's facet");
    }

    [Test]
    public async Task Jobs_written_before_the_index_are_indexed_at_start_up_and_only_once()
    {
        var business = await SignUp(Role.Business);
        await PostJob(business, NewJob(title: "校正 posted"));
        var id = TimeOrderedId.New();
        using (var connection = App.OpenDatabase())
            connection.Execute(
                """
                INSERT INTO jobs (id, business_id, title, description, category, budget_min, budget_max, deadline, status, created_at)
                VALUES (@Id, @Business, '校正 written before 0009', 'd', 'writing', 1, 2, @Deadline, 'open', @Now)
                """, new { Id = id, Business = business.Id, Deadline = DateTimeOffset.UtcNow.AddDays(3), Now = DateTimeOffset.UtcNow });
        Assert.That(await Find(Browser(), "校正"), Is.EqualTo(new[] { "校正 posted" }), "no search row yet");

        var database = App.Services.GetRequiredService<Db>();
        Assert.That(await JobSearchIndex.BackfillAsync(database), Is.EqualTo(1));
        Assert.That(await Find(Browser(), "校正"), Is.EquivalentTo(new[] { "校正 posted", "校正 written before 0009" }));
        Assert.That(await JobSearchIndex.BackfillAsync(database), Is.EqualTo(0), "every job has its row: nothing more to do");
    }

    /// <summary>Open jobs written straight into the database with their search rows, a millisecond apart.</summary>
    private void Seed(User business, int count, Func<int, (string Title, string Description, long Budget)> make, Func<int, int>? deadlineDays = null)
    {
        using var connection = App.OpenDatabase();
        using var transaction = connection.BeginTransaction();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var (title, description, budget) = make(i);
            var id = Guid.CreateVersion7(now.AddMilliseconds(i - count)).ToString("N");
            connection.Execute(
                """
                INSERT INTO jobs (id, business_id, title, description, category, budget_min, budget_max, deadline, status, created_at)
                VALUES (@Id, @Business, @Title, @Description, 'translation', 1, @Budget, @Deadline, 'open', @Now)
                """,
                new { Id = id, Business = business.Id, Title = title, Description = description, Budget = budget,
                      Deadline = now.AddDays(deadlineDays?.Invoke(i) ?? 1 + i % 90), Now = now }, transaction);
            connection.Execute(JobSearchIndex.InsertSql, JobSearchIndex.Row(id, title, description, null), transaction);
        }
        transaction.Commit();
    }
}
