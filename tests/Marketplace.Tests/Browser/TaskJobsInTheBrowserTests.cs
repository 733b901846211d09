using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;
using Marketplace.TaskJobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>
/// Issue 24, task jobs on a 360 px phone: the business posts 30 items and reads what to transfer; two workers take and
/// answer them one at a time; the business approves, rejects with a reason, bulk approves, and meets the rejection cap
/// in words; the task jobs' clock approves the rest 14 days after the deadline, the job closes and each worker opens
/// its receipt; the administrator paying them opens the job from the payouts due. Every page is axe-checked.
/// </summary>
public sealed class TaskJobsInTheBrowserTests : BrowserTest
{
    private ManualClock Time { get; } = new();
    protected override TimeProvider? Clock => Time;

    // The money is confirmed by the administrator, and the sessions outlive the 21 days the clock is moved on.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Money:AutoConfirmPayments"] = "false", ["Auth:SessionIdleHours"] = "10000", ["Auth:SessionLifetimeDays"] = "365",
    };

    [Test]
    public async Task Thirty_items_taken_by_two_workers_are_reviewed_on_a_phone_and_the_rest_approved_by_the_clock()
    {
        var businessUser = await SignUp(Role.Business, "湯沢木工");
        var yukiUser = await SignUp(Role.Worker, "阿部 由紀");
        var kentaUser = await SignUp(Role.Worker, "高橋 健太");

        // The business posts on its phone and sees the total it transfers before sending.
        var business = await Person(phone: true);
        await SignIn(business, businessUser.Email);
        await business.GotoAsync("/task-jobs/new");
        await business.GetByLabel("タイトル", new() { Exact = true }).FillAsync("木工品の説明文");
        await business.GetByLabel("分野").SelectOptionAsync("dataEntry");
        await business.GetByLabel("作業の手順", new() { Exact = true }).FillAsync("商品ページを見て、説明文を50字以内で書いてください。");
        await business.GetByLabel("項目1の名前").FillAsync("説明文");
        await business.GetByLabel("文字数の上限").FillAsync("50");
        await business.GetByLabel("件数", new() { Exact = true }).FillAsync("30");
        await business.GetByLabel("1件の報酬", new() { Exact = true }).FillAsync("100");
        await business.GetByLabel("1人が作業できる件数", new() { Exact = true }).FillAsync("20");
        var deadline = Time.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).AddDays(7);
        await business.GetByLabel("締め切り", new() { Exact = true }).FillAsync(deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(business.GetByTestId("task-total")).ToHaveTextAsync("30件 × 単価 ¥100 = 合計 ¥3,000 を預けます");
        await Check(business, "post-task-job");
        // The two ways of giving the items are one a line at 360 px (a user trial saw them run together).
        var byCount = (await business.GetByLabel("件数を指定する").BoundingBoxAsync())!;
        var byCsv = (await business.GetByLabel("CSVで件ごとの内容を渡す").BoundingBoxAsync())!;
        Assert.That(byCsv.Y, Is.GreaterThanOrEqualTo(byCount.Y + byCount.Height), "each radio button on its own line");
        await business.GetByRole(AriaRole.Button, new() { Name = "依頼内容を確定して振込案内へ" }).ClickAsync();
        await Assertions.Expect(business.GetByRole(AriaRole.Heading, new() { Name = "お振込みのご案内" })).ToBeVisibleAsync();
        await Assertions.Expect(business.GetByTestId("payment-amount")).ToHaveTextAsync("¥3,000");
        await Check(business, "task-payment-request");
        var jobId = business.Url.Split('/').Last();

        // The administrator confirms the transfer (its own browser test is elsewhere): the job opens on the board.
        var adminAccount = await Marketplace.Accounts.CreateAdministrator.CreateAsync(App.Services, "office@test.example", Password, "運営事務局");
        var adminHttp = Browser();
        await Ok(await adminHttp.PostAsJsonAsync("/api/auth/login", new { email = adminAccount.Email, password = Password }));
        var (adminSecret, _) = await EnrolTwoStep(adminHttp);
        var payment = (await adminHttp.GetFromJsonAsync<JsonArray>("/api/payments"))!.Single(p => Str(p!["jobId"]) == jobId)!;
        await Expect(await adminHttp.PostAsync($"/api/payments/{Str(payment["id"])}/confirm", null), System.Net.HttpStatusCode.NoContent);

        // A worker finds it on the board by its price per item and the items left, and answers two items one-handed.
        var yuki = await Person(phone: true);
        await SignIn(yuki, yukiUser.Email);
        await yuki.GotoAsync("/jobs");
        await Assertions.Expect(yuki.GetByTestId("task-price")).ToHaveTextAsync("1件 ¥100");
        await Assertions.Expect(yuki.GetByTestId("task-left")).ToHaveTextAsync("残り30件");
        await Check(yuki, "board-with-a-task-job");
        await yuki.GetByRole(AriaRole.Link, new() { Name = "木工品の説明文" }).ClickAsync();
        await yuki.GetByRole(AriaRole.Button, new() { Name = "1件作業を始める" }).ClickAsync();
        await Assertions.Expect(yuki.GetByRole(AriaRole.Heading, new() { Name = "1件目" })).ToBeVisibleAsync();
        await Assertions.Expect(yuki.GetByTestId("minutes-left")).ToContainTextAsync("残り60分");
        await Check(yuki, "task-item");
        await yuki.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        await Assertions.Expect(yuki.GetByText("回答を入れてください。")).ToBeVisibleAsync();
        await yuki.GetByLabel("説明文").FillAsync("秋田杉のまな板。食洗機は使えません。");
        await yuki.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        await yuki.GetByRole(AriaRole.Button, new() { Name = "次の1件へ" }).ClickAsync();
        await Assertions.Expect(yuki.GetByRole(AriaRole.Heading, new() { Name = "2件目" })).ToBeVisibleAsync();
        await yuki.GetByLabel("説明文").FillAsync("桜の菓子皿。手洗いしてください。");
        await yuki.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        await Assertions.Expect(yuki.GetByTestId("my-counts")).ToHaveTextAsync("確認待ち 2件・承認 0件（¥0、終了時に支払額が確定）・非承認 0件");
        await Check(yuki, "two-items-submitted");
        // In English, the same screen (the words of the task pages come with English whole).
        await ChooseLanguage(yuki, "English");
        await Assertions.Expect(yuki.GetByTestId("my-counts")).ToHaveTextAsync("Waiting for review 2 · approved 0 (¥0, fixed when the job closes) · rejected 0");
        await Assertions.Expect(yuki.GetByRole(AriaRole.Button, new() { Name = "Next item" })).ToBeVisibleAsync();
        await Check(yuki, "two-items-submitted-en");
        await ChooseLanguage(yuki, "日本語");

        // The rest through the API: Yuki 13 more, Kenta 15.
        for (var i = 0; i < 13; i++) await Answer(yukiUser, jobId, "ブナの器。");
        var kentas = new List<string>();
        for (var i = 0; i < 15; i++) kentas.Add(await Answer(kentaUser, jobId, "クルミの箸。"));

        // Kenta has 4 rejections already, his cap (30% of 15 submitted); the business approves one of Yuki's, rejects
        // another with a reason, bulk approves three, and is told why a fifth rejection of Kenta's is refused.
        foreach (var id in kentas.Take(4))
            await Ok(await businessUser.Http.PostAsJsonAsync($"/api/task-submissions/{id}/reject", new { reason = "字数が足りません" }));
        await business.GotoAsync($"/task-jobs/{jobId}");
        await Assertions.Expect(business.GetByTestId("review-counts")).ToHaveTextAsync("確認待ち 26件・承認 0件・非承認 4件");
        await Check(business, "task-review");
        var answers = business.GetByTestId("task-answer");
        var first = business.Locator("[data-testid=task-answer][data-item='1']");
        await first.GetByRole(AriaRole.Button, new() { Name = "承認", Exact = true }).ClickAsync();
        await Assertions.Expect(business.GetByTestId("review-counts")).ToHaveTextAsync("確認待ち 25件・承認 1件・非承認 4件");
        var second = business.Locator("[data-testid=task-answer][data-item='2']");
        await second.GetByRole(AriaRole.Button, new() { Name = "非承認", Exact = true }).ClickAsync();
        await second.GetByLabel("非承認の理由").FillAsync("皿の素材は桜ではなく栗です。");
        await second.GetByRole(AriaRole.Button, new() { Name = "非承認にする" }).ClickAsync();
        await Assertions.Expect(business.GetByTestId("review-counts")).ToHaveTextAsync("確認待ち 24件・承認 1件・非承認 5件");
        for (var i = 0; i < 3; i++) await answers.Nth(i).GetByRole(AriaRole.Checkbox).CheckAsync();
        await business.GetByRole(AriaRole.Button, new() { Name = "選んだ3件を承認" }).ClickAsync();
        await Assertions.Expect(business.GetByText("3件を承認しました。")).ToBeVisibleAsync();
        var kentas5th = answers.Filter(new() { HasText = "高橋 健太" }).First;
        await kentas5th.GetByRole(AriaRole.Button, new() { Name = "非承認", Exact = true }).ClickAsync();
        await kentas5th.GetByLabel("非承認の理由").FillAsync("字数が足りません");
        await kentas5th.GetByRole(AriaRole.Button, new() { Name = "非承認にする" }).ClickAsync();
        await Assertions.Expect(kentas5th.GetByText("このワーカーの非承認は上限（3件または提出件数の30%の多い方）に達しました。", new() { Exact = false })).ToBeVisibleAsync();
        await Check(business, "rejection-cap-refused");
        await Assertions.Expect(business.GetByRole(AriaRole.Link, new() { Name = "すべての回答をCSVで保存" })).ToHaveAttributeAsync("href", $"/api/task-jobs/{jobId}/answers.csv");

        // Yuki reads why her second item was rejected.
        await yuki.ReloadAsync();
        await Assertions.Expect(yuki.GetByText("皿の素材は桜ではなく栗です。")).ToBeVisibleAsync();
        await Check(yuki, "rejection-reason");

        // Nobody reviews the rest: 14 days after the deadline the clock approves them, once.
        Time.Advance(TimeSpan.FromDays(7 + 14 + 1));
        Assert.That(await App.Services.GetRequiredService<TaskJobClock>().RunOnceAsync(), Is.EqualTo(21), "26 waiting, less one approved, one rejected and three bulk approved");
        Assert.That(await App.Services.GetRequiredService<TaskJobClock>().RunOnceAsync(), Is.Zero, "exactly once");
        var approved = (await businessUser.Http.GetFromJsonAsync<JsonArray>($"/api/task-jobs/{jobId}/submissions?status=approved"))!;
        Assert.That(approved.Count(s => s!["autoApproved"]!.GetValue<bool>()), Is.EqualTo(21));
        await business.ReloadAsync();
        await Assertions.Expect(business.GetByTestId("review-counts")).ToHaveTextAsync("確認待ち 0件・承認 25件・非承認 5件");
        // The deadline has passed and nothing awaits: the job closed, paying each worker, and the business reads each
        // worker's documents under the worker's name.
        await Assertions.Expect(business.GetByRole(AriaRole.Heading, new() { Name = "阿部 由紀 さんへの支払いの書類" })).ToBeVisibleAsync();
        await Assertions.Expect(business.GetByRole(AriaRole.Heading, new() { Name = "高橋 健太 さんへの支払いの書類" })).ToBeVisibleAsync();
        await Check(business, "after-the-clock");

        // Yuki (no registration number) opens her receipt for her 14 approved items, as the same printable sheet a
        // contract's documents open as.
        await yuki.ReloadAsync();
        await yuki.GetByRole(AriaRole.Link, new() { Name = "ワーカーの領収書（番号 1）を開く（印刷用）" }).ClickAsync();
        await Assertions.Expect(yuki.GetByRole(AriaRole.Heading, new() { Name = "領収書", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(yuki.GetByTestId("document-total")).ToHaveTextAsync("¥1,400");
        await Assertions.Expect(yuki.GetByText("木工品の説明文（14件）")).ToBeVisibleAsync();
        await Check(yuki, "task-job-receipt");
        await yuki.GetByRole(AriaRole.Link, new() { Name = "タスクに戻る" }).ClickAsync();
        await Assertions.Expect(yuki.GetByRole(AriaRole.Heading, new() { Name = "請求書・領収書" })).ToBeVisibleAsync();

        // The administrator, paying the two workers, opens the job from the payouts due on a phone: its counts, where it
        // stands and each worker's documents, and nothing to take, review or export.
        var admin = await Person(phone: true);
        await SignInWithCode(admin, adminAccount.Email, Password, TotpNow(adminSecret));
        await admin.GotoAsync("/admin/payouts-due");
        await admin.GetByRole(AriaRole.Link, new() { Name = "木工品の説明文" }).First.ClickAsync();
        await Assertions.Expect(admin.GetByTestId("review-counts")).ToHaveTextAsync("確認待ち 0件・承認 25件・非承認 5件");
        await Assertions.Expect(admin.GetByText("運営者として閲覧しています", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "高橋 健太 さんへの支払いの書類" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("section.task-job").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(admin.GetByRole(AriaRole.Link, new() { Name = "すべての回答をCSVで保存" })).ToHaveCountAsync(0);
        await Check(admin, "task-job-for-an-administrator");
    }

    private async Task<string> Answer(User worker, string jobId, string text)
    {
        var item = await Ok(await worker.Http.PostAsync($"/api/task-jobs/{jobId}/take", null));
        return Id(await Created(await worker.Http.PostAsJsonAsync($"/api/task-items/{Id(item)}/submission", new { answers = new[] { text } })));
    }
}
