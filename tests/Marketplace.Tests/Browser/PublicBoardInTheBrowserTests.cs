using System.Text.RegularExpressions;
using Marketplace.Platform;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>A visitor on a phone finds and reads jobs without an account, then signs up to bid and lands back on the job.</summary>
public sealed class PublicBoardInTheBrowserTests : BrowserTest
{
    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });


    [Test]
    public async Task A_visitor_finds_a_job_by_a_half_width_word_reads_it_and_signs_up_to_bid()
    {
        var business = await SignUp(Role.Business, "湯沢酒造");
        var job = await PostJob(business, new
        {
            title = "純米酒のラベルデザイン", description = "雪と稲穂のモチーフで、720ml 瓶のラベルを。ラベル印刷用の入稿データまでお願いします。",
            category = "design", budgetMin = 30_000, budgetMax = 80_000, deadline = DateTimeOffset.UtcNow.AddDays(30), region = "秋田県湯沢市",
        });
        await PostJob(business, new
        {
            title = "会員向けのラベル校正", description = "会員限定の仕事です。", category = "writing", budgetMin = 5_000, budgetMax = 8_000,
            deadline = DateTimeOffset.UtcNow.AddDays(20), region = "秋田県湯沢市", membersOnly = true,
        });

        var visitor = await Person(phone: true);
        await visitor.GotoAsync("/jobs");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "募集中の仕事" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Status).Filter(new() { HasText = "1件" })).ToBeVisibleAsync();
        await Check(visitor, "board-for-a-visitor");

        await visitor.GetByLabel("キーワード").FillAsync("ﾗﾍﾞﾙ");
        // On a phone the filters and the sort are folded behind 絞り込み.
        await visitor.GetByRole(AriaRole.Button, new() { Name = "絞り込み" }).ClickAsync();
        await visitor.GetByLabel("並び順").SelectOptionAsync("relevance");
        await Button(visitor, "検索").ClickAsync();
        var card = visitor.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "純米酒のラベルデザイン" });
        await Assertions.Expect(card.Locator(".snippet mark").First).ToHaveTextAsync("ラベル");
        await Assertions.Expect(visitor.GetByText("会員向けのラベル校正")).ToHaveCountAsync(0);
        await Check(visitor, "search-with-marks");

        await visitor.GetByRole(AriaRole.Link, new() { Name = "純米酒のラベルデザイン" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "純米酒のラベルデザイン", Level = 1 })).ToBeVisibleAsync();
        await Check(visitor, "job-for-a-visitor");

        await visitor.GetByRole(AriaRole.Link, new() { Name = "会員登録して応募する" }).ClickAsync();
        await Assertions.Expect(visitor).ToHaveURLAsync(new Regex("/signup\\?next="));
        await visitor.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^ワーカー") }).CheckAsync();
        await visitor.GetByLabel("表示名").FillAsync("佐藤みさき");
        await visitor.GetByLabel("メールアドレス").FillAsync("misaki@test.example");
        await visitor.GetByLabel("パスワード").FillAsync(Password);
        await AgreeToTheTerms(visitor);
        await Button(visitor, "新規登録").ClickAsync();
        await Assertions.Expect(visitor).ToHaveURLAsync(new Regex($"/jobs/{Id(job)}$"));
        // A new worker is led to the profile first, with why (issue 13), and comes back to the job once it is saved.
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "まずプロフィールを入れましょう" })).ToBeVisibleAsync();
        await Check(visitor, "back-at-the-job-profile-first");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "プロフィールを入れる" }).ClickAsync();
        await Assertions.Expect(visitor.GetByText("プロフィールを入れると、あなたに合う仕事が届きます。")).ToBeVisibleAsync();
        await visitor.GetByLabel("スキル").FillAsync("デザイン、校正");
        await visitor.GetByLabel("地域").FillAsync("秋田県湯沢市");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(visitor).ToHaveURLAsync(new Regex($"/jobs/{Id(job)}$"));
        await Assertions.Expect(visitor.GetByLabel("金額（円）")).ToBeVisibleAsync();
        await Check(visitor, "back-at-the-job-to-bid");

        // Now a worker: the members-only job shows, and the search can be saved.
        await visitor.GotoAsync("/jobs?q=" + Uri.EscapeDataString("ラベル"));
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "会員向けのラベル校正" })).ToBeVisibleAsync();
        await Button(visitor, "この条件を保存").ClickAsync();
        await Assertions.Expect(visitor.GetByText("検索を保存しました。")).ToBeVisibleAsync();
        await visitor.GotoAsync("/saved-searches");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "ラベル" })).ToBeVisibleAsync();
        await Check(visitor, "saved-searches");
    }
}
