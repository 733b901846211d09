using System.Net.Http.Json;
using Marketplace.Platform;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>
/// Issue 12 on a phone: a business finds a worker by a word typed in hiragana, and a visitor reads a job's public file
/// and its public Q&amp;A (axe-clean, no sideways scrolling at 360 px).
/// </summary>
public sealed class WorkerSearchInTheBrowserTests : BrowserTest
{

    [Test]
    public async Task A_business_finds_a_worker_by_a_word_in_hiragana()
    {
        var worker = await SignUp(Role.Worker, "佐藤 美咲");
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile", new
        {
            bio = "子育て中です。ラベルとロゴのデザインをしています。", skills = new[] { "ロゴ", "Illustrator" }, region = "秋田県湯沢市",
            weeklyHours = 10, availability = "平日の午前",
        }));
        var other = await SignUp(Role.Worker, "田中 健太");
        await Ok(await other.Http.PutAsJsonAsync("/api/me/worker-profile", new
        {
            bio = "翻訳をします。", skills = new[] { "翻訳" }, region = "長野県塩尻市", weeklyHours = 5, availability = "",
        }));
        var business = await SignUp(Role.Business, "湯沢酒造");

        var page = await Person(phone: true);
        await SignIn(page, business.Email);
        await page.GotoAsync("/workers");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ワーカーをさがす", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("キーワード（自己紹介・スキル・地域）").FillAsync("ろご");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "佐藤 美咲" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "田中 健太" })).ToHaveCountAsync(0);
        await Check(page, "worker-search");
    }

    [Test]
    public async Task A_visitor_sees_a_jobs_public_file_and_its_public_answers()
    {
        var business = await SignUp(Role.Business, "湯沢酒造");
        var brief = Id(await Created(await business.Http.Upload(Uploads.Pdf, "ラベルの案内.pdf")));
        var quote = Id(await Created(await business.Http.Upload(Uploads.Pdf, "見積書.pdf")));
        var job = await PostJob(business, new
        {
            title = "純米酒のラベルデザイン", description = "雪と稲穂のモチーフで", category = "design", budgetMin = 30_000, budgetMax = 80_000,
            deadline = DateTimeOffset.UtcNow.AddDays(30), region = "秋田県湯沢市", fileIds = new[] { brief, quote }, publicFileIds = new[] { brief },
        });
        var worker = await SignUp(Role.Worker);
        var question = await Created(await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/questions", new { body = "納期は延ばせますか" }));
        await Ok(await business.Http.PostAsJsonAsync($"/api/questions/{Id(question)}/answer", new { body = "1週間までなら延ばせます", @public = true }));

        var visitor = await Person(phone: true);
        await visitor.GotoAsync($"/jobs/{Id(job)}");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "参考ファイル" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("ラベルの案内.pdf")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("見積書.pdf")).ToHaveCountAsync(0);
        await Assertions.Expect(visitor.GetByText("1週間までなら延ばせます")).ToBeVisibleAsync();
        await Check(visitor, "job-files-and-answers-for-a-visitor");
    }
}
