using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>
/// Issue 23 in the browser, on phones: a director runs a whole order with her team. Sign-ups, the job, the bid and the
/// award go through the API (they are not the point); the team's own steps are taken on 360 px screens, down to each
/// member's pay with her own withholding on her statement.
/// </summary>
public sealed class TeamsInTheBrowserTests : BrowserTest
{
    private static string JapanMinute(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm");

    private static string JapanDay(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd");

    [Test]
    public async Task A_director_splits_an_order_covers_a_sick_day_checks_the_work_and_the_business_accepts_it()
    {
        var business = await SignUp(Role.Business, "塩尻商事");
        await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        var director = await SignUp(Role.Worker, "監督 由美");
        var aiko = await SignUp(Role.Worker, "青木 愛子");
        var emi = await SignUp(Role.Worker, "江藤 恵美");
        var mai = await SignUp(Role.Worker, "前田 舞");

        // The director makes the team and invites Aiko by e-mail, on her phone.
        var lead = await Person(phone: true);
        await SignIn(lead, director.Email);
        await lead.GotoAsync("/teams");
        var create = lead.GetByRole(AriaRole.Form, new() { Name = "チームを作る" });
        await create.GetByLabel("チーム名").FillAsync("塩尻テレワークチームA");
        await create.GetByLabel("紹介文").FillAsync("データ入力と文字起こしのチームです。");
        await create.GetByLabel("地域").FillAsync("長野県塩尻市");
        await create.GetByLabel("得意な仕事").FillAsync("データ入力、文字起こし");
        await create.GetByLabel("あなたが働ける時間（週）").FillAsync("10");
        await Check(lead, "teams-create");
        await create.GetByRole(AriaRole.Button, new() { Name = "チームを作る" }).ClickAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Heading, new() { Name = "塩尻テレワークチームA", Level = 1 })).ToBeVisibleAsync();
        var teamId = lead.Url.Split('/').Last();
        await lead.GetByLabel("招待する人のメールアドレス").FillAsync(aiko.Email);
        await lead.GetByRole(AriaRole.Button, new() { Name = "招待する" }).ClickAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Status).Filter(new() { HasText = "招待を送りました" })).ToBeVisibleAsync();
        await Check(lead, "team-invited");

        // Aiko accepts on her phone; the team is then hers too.
        var aikoPage = await Person(phone: true);
        await SignIn(aikoPage, aiko.Email);
        await aikoPage.GotoAsync("/teams");
        await Assertions.Expect(aikoPage.GetByRole(AriaRole.Heading, new() { Name = "チームへの招待" })).ToBeVisibleAsync();
        await Check(aikoPage, "invitation");
        await aikoPage.GetByRole(AriaRole.Button, new() { Name = "参加する" }).ClickAsync();
        await Assertions.Expect(aikoPage.GetByRole(AriaRole.Heading, new() { Name = "チームへの招待" })).ToHaveCountAsync(0);
        await Assertions.Expect(aikoPage.Locator("#my-teams-title + ul").GetByRole(AriaRole.Link, new() { Name = "塩尻テレワークチームA" })).ToBeVisibleAsync();

        // Emi and Mai join through the API; the director bids for the team and the business sees the bid as the team's.
        foreach (var person in new[] { emi, mai })
        {
            var invitation = await Created(await director.Http.PostAsJsonAsync($"/api/teams/{teamId}/invitations", new { email = person.Email, role = "member" }));
            await Ok(await person.Http.PostAsync($"/api/team-invitations/{Id(invitation)}/accept", null));
        }
        var job = await PostJob(business, NewJob(title: "顧客データの入力", category: "design", budgetMin: 1, budgetMax: 100_000));
        var bid = await Created(await director.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids",
            new { amount = 100_000, deliveryDays = 20, message = "チームで分担して対応します", teamId }));
        var owner = await Person(phone: true);
        await SignIn(owner, business.Email);
        await owner.GotoAsync($"/jobs/{Id(job)}");
        var teamBid = owner.GetByTestId("team-bid");
        await Assertions.Expect(teamBid).ToContainTextAsync("塩尻テレワークチームA");
        foreach (var name in new[] { "監督 由美（ディレクター）", "青木 愛子（メンバー）", "江藤 恵美（メンバー）", "前田 舞（メンバー）" })
            await Assertions.Expect(teamBid).ToContainTextAsync(name);
        await Check(owner, "business-sees-team-bid");
        var contractId = Id(await Award(business, Id(job), Id(bid)));

        // The director splits the order into three tasks from the contract's page; the director's share left is shown.
        await lead.GotoAsync($"/contracts/{contractId}");
        await lead.GetByRole(AriaRole.Link, new() { Name = "タスクに分ける" }).ClickAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Heading, new() { Name = "タスクへの分担", Level = 1 })).ToBeVisibleAsync();
        // ¥100,000 of design for a withholding agent: ¥10,000 fee and ¥10,210 withheld leave ¥79,790 for the team.
        await Assertions.Expect(lead.GetByTestId("director-share")).ToHaveTextAsync("¥79,790");
        var due = JapanMinute(DateTimeOffset.UtcNow.AddDays(5));
        foreach (var (title, member) in new[] { ("入力 A", aiko), ("入力 B", emi), ("入力 C", mai) })
        {
            var form = lead.GetByRole(AriaRole.Form, new() { Name = "タスクを作る" });
            await form.GetByLabel("タスク名").FillAsync(title);
            await form.GetByLabel("作業の指示").FillAsync("マニュアルの手順どおりに");
            await form.GetByLabel("担当するメンバー").SelectOptionAsync(member.Id);
            await form.GetByLabel("報酬（円）").FillAsync("20000");
            await form.GetByLabel("見込み時間").FillAsync("5");
            await form.GetByLabel("期限").FillAsync(due);
            if (title == "入力 C")
            {
                // The manual goes with Mai's task: only she (its member) and the team's runners read it.
                await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "作業マニュアル.pdf", MimeType = "application/pdf", Buffer = Uploads.Pdf });
                await Assertions.Expect(form.GetByText("アップロード済み")).ToBeVisibleAsync();
                await Check(lead, "task-with-file");
            }
            await form.GetByRole(AriaRole.Button, new() { Name = "タスクを任せる" }).ClickAsync();
            await Assertions.Expect(lead.GetByTestId("contract-task").Filter(new() { HasText = title })).ToBeVisibleAsync();
        }
        await Assertions.Expect(lead.GetByTestId("director-share")).ToHaveTextAsync("¥19,790");
        await Check(lead, "contract-split");

        // Aiko sees her task with its written terms, then marks tomorrow off: her child has a fever.
        await aikoPage.GotoAsync("/my-tasks");
        await Assertions.Expect(aikoPage.GetByTestId("my-task").Filter(new() { HasText = "入力 A" })).ToContainTextAsync("¥20,000");
        var tomorrow = JapanDay(DateTimeOffset.UtcNow.AddDays(1));
        await aikoPage.GetByLabel("最初の日").FillAsync(tomorrow);
        await aikoPage.GetByLabel("理由（任意）").FillAsync("子どもの発熱");
        await aikoPage.GetByRole(AriaRole.Button, new() { Name = "お休みを登録する" }).ClickAsync();
        await Assertions.Expect(aikoPage.GetByRole(AriaRole.Status).Filter(new() { HasText = "お休みを登録しました" })).ToBeVisibleAsync();
        await Check(aikoPage, "my-tasks-sick-day");

        // The board shows Aiko away (never why) and her task at risk; one tap gives it to Mai.
        await lead.GotoAsync($"/teams/{teamId}/board");
        var atRisk = lead.GetByTestId("task-at-risk").Filter(new() { HasText = "入力 A" });
        await Assertions.Expect(atRisk).ToContainTextAsync("担当者がお休み");
        await Assertions.Expect(lead.GetByTestId("board-member").Filter(new() { HasText = "青木 愛子" })).ToContainTextAsync("お休み");
        await Assertions.Expect(lead.GetByText("子どもの発熱")).ToHaveCountAsync(0);
        await Check(lead, "board-at-risk");
        await ChooseLanguage(lead, "English");
        await Assertions.Expect(lead.GetByText("Its member is away")).ToBeVisibleAsync();
        await Check(lead, "board-at-risk-en");
        await ChooseLanguage(lead, "日本語");
        await atRisk.GetByRole(AriaRole.Button, new() { Name = "前田 舞さんに交代" }).ClickAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Status).Filter(new() { HasText = "前田 舞さんに任せました" })).ToBeVisibleAsync();
        await Assertions.Expect(lead.GetByTestId("task-at-risk")).ToHaveCountAsync(0);

        // Aiko no longer has the task; its terms show her that they were withdrawn. Mai has two, each with her own terms.
        await aikoPage.GotoAsync("/my-tasks");
        await Assertions.Expect(aikoPage.GetByText("任されたタスクはまだありません。")).ToBeVisibleAsync();
        var maiPage = await Person(phone: true);
        await SignIn(maiPage, mai.Email);
        await maiPage.GotoAsync("/my-tasks");
        await Assertions.Expect(maiPage.GetByTestId("my-task")).ToHaveCountAsync(2);
        await maiPage.GetByTestId("my-task").Filter(new() { HasText = "入力 A" }).GetByRole(AriaRole.Link, new() { Name = "取引条件（書面）" }).ClickAsync();
        await Assertions.Expect(maiPage.GetByRole(AriaRole.Heading, new() { Name = "タスクの取引条件明示書", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(maiPage.GetByTestId("task-notice").First).ToContainTextAsync("前田 舞");
        await Assertions.Expect(maiPage.GetByTestId("task-notice").First).ToContainTextAsync("塩尻テレワークチームA");
        await Check(maiPage, "task-terms");
        var taskA = maiPage.Url.Split('/')[^2];
        await aikoPage.GotoAsync($"/tasks/{taskA}/terms");
        await Assertions.Expect(aikoPage.GetByText("他のメンバーへ移り、この条件は取り下げられました", new() { Exact = false })).ToBeVisibleAsync();
        await Check(aikoPage, "withdrawn-terms");

        // Everyone delivers: Mai both of hers on her phone (task C with the manual shared with it, and her result file),
        // Emi through the API.
        foreach (var title in new[] { "入力 A", "入力 C" })
        {
            await maiPage.GotoAsync("/my-tasks");
            await maiPage.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            if (title == "入力 C")
            {
                await Assertions.Expect(maiPage.GetByRole(AriaRole.Link, new() { Name = "作業マニュアル.pdf をダウンロード" })).ToBeVisibleAsync();
                await maiPage.Locator("form input[type=file]").SetInputFilesAsync(new FilePayload { Name = "入力結果.pdf", MimeType = "application/pdf", Buffer = Uploads.Pdf });
                await Assertions.Expect(maiPage.GetByText("アップロード済み")).ToBeVisibleAsync();
            }
            await maiPage.GetByLabel("納品のメッセージ").FillAsync($"{title} できました");
            await maiPage.GetByRole(AriaRole.Button, new() { Name = "納品する" }).ClickAsync();
            await Assertions.Expect(maiPage.GetByText("前田 舞さんが納品しました")).ToBeVisibleAsync();
        }
        await Assertions.Expect(maiPage.GetByRole(AriaRole.Link, new() { Name = "入力結果.pdf をダウンロード" })).ToBeVisibleAsync();
        await Check(maiPage, "task-delivered");

        // The team's own thread on the team page: the director writes, Mai reads it.
        await lead.GotoAsync($"/teams/{teamId}");
        var compose = lead.GetByRole(AriaRole.Form, new() { Name = "メッセージを書く" });
        await compose.GetByLabel("メッセージ").FillAsync("入力 C のマニュアルを更新しました");
        await compose.GetByRole(AriaRole.Button, new() { Name = "送信" }).ClickAsync();
        await Assertions.Expect(lead.Locator("ol.messages")).ToContainTextAsync("入力 C のマニュアルを更新しました");
        // Mai opens it from her notification: on a phone the team page is two screens tall and its thread is at the
        // bottom, so the page opens at the new message, which has the focus (a user trial found it opened at the top).
        await maiPage.GotoAsync("/notifications");
        await maiPage.GetByRole(AriaRole.Link, new() { Name = "「塩尻テレワークチームA」に新しいメッセージが届きました" }).ClickAsync();
        var newMessage = maiPage.Locator("ol.messages > li", new() { HasText = "入力 C のマニュアルを更新しました" });
        await Assertions.Expect(newMessage).ToBeInViewportAsync();
        await Assertions.Expect(newMessage).ToBeFocusedAsync();
        Assert.That(await maiPage.EvaluateAsync<double>("() => window.scrollY"), Is.GreaterThan(0), "the page opened at the message, not at its top");
        // In view, it is no longer offered by the "go to the unread messages" button.
        await Assertions.Expect(maiPage.Locator(".jump-unread")).ToHaveCountAsync(0);
        await Check(maiPage, "team-thread");
        var emiTasks = JsonNode.Parse(await (await emi.Http.GetAsync("/api/me/tasks")).Content.ReadAsStringAsync())!.AsArray();
        var emiTaskId = emiTasks[0]!["id"]!.GetValue<string>();
        await Created(await emi.Http.PostAsJsonAsync($"/api/tasks/{emiTaskId}/submissions", new { message = "できました" }));

        // The director returns Emi's with a reason, Emi fixes it, and the director approves all three.
        await lead.GotoAsync($"/contracts/{contractId}/tasks");
        await lead.GetByRole(AriaRole.Button, new() { Name = "「入力 B」を差し戻す" }).ClickAsync();
        await lead.GetByLabel("差し戻す理由").FillAsync("郵便番号の列が空です");
        await lead.GetByRole(AriaRole.Button, new() { Name = "理由を添えて差し戻す" }).ClickAsync();
        await Assertions.Expect(lead.GetByTestId("contract-task").Filter(new() { HasText = "入力 B" })).ToContainTextAsync("差し戻し");
        await Check(lead, "task-returned");
        await Created(await emi.Http.PostAsJsonAsync($"/api/tasks/{emiTaskId}/submissions", new { message = "直しました" }));
        await lead.ReloadAsync();
        foreach (var title in new[] { "入力 A", "入力 B", "入力 C" })
        {
            await lead.GetByRole(AriaRole.Button, new() { Name = $"「{title}」を承認する" }).ClickAsync();
            await Assertions.Expect(lead.GetByTestId("contract-task").Filter(new() { HasText = title })).ToContainTextAsync("承認済み");
        }
        await Check(lead, "tasks-approved");

        // The director delivers the assembled work; the business accepts it.
        await Created(await director.Http.PostAsJsonAsync($"/api/contracts/{contractId}/submissions", new { message = "3000件、入力しました" }));
        (await business.Http.PostAsync($"/api/contracts/{contractId}/accept", null)).EnsureSuccessStatusCode();
        var contract = await Ok(await business.Http.GetAsync($"/api/contracts/{contractId}"));
        Assert.That(Str(contract["contract"]!["status"]), Is.EqualTo("completed"));

        // Each member sees her pay with her own withholding (10.21%) on her statement: Mai ¥40,000 for two tasks, Emi ¥20,000.
        var emiPage = await Person(phone: true);
        await SignIn(emiPage, emi.Email);
        foreach (var (page, name, gross, tax, net) in new[] { (maiPage, "mai", "40,000", "4,084", "35,916"), (emiPage, "emi", "20,000", "2,042", "17,958") })
        {
            await page.GotoAsync("/statement");
            var totals = page.Locator("dl.totals");
            await Assertions.Expect(totals).ToContainTextAsync(new System.Text.RegularExpressions.Regex($"報酬の総額[¥￥]{gross}"));
            await Assertions.Expect(totals).ToContainTextAsync(new System.Text.RegularExpressions.Regex($"源泉徴収された所得税−[¥￥]{tax}"));
            await Assertions.Expect(totals).ToContainTextAsync(net);
            await Check(page, $"statement-{name}");
        }
    }
}
