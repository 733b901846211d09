using System.Net.Http.Json;
using Marketplace.Platform;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>Milestones in the browser (issue 24): a contract paid in two releases, worked through on two phones.</summary>
public sealed class MilestonesInTheBrowserTests : BrowserTest
{
    [Test]
    public async Task A_two_milestone_contract_is_paid_in_two_releases()
    {
        var businessUser = await SignUp(Role.Business);
        var workerUser = await SignUp(Role.Worker);
        var job = await PostJob(businessUser);
        await PlaceBid(workerUser, Id(job), amount: 50_000);
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).DateTime);

        // The business awards on a phone, choosing to pay in two milestones in the award's confirmation.
        var business = await Person(phone: true);
        await SignIn(business, businessUser.Email);
        await business.GotoAsync($"/jobs/{Id(job)}");
        await business.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("さんに発注する$") }).First.ClickAsync();
        await business.GetByLabel("分割払い（マイルストーン）にする").CheckAsync();
        await business.GetByLabel("1. 内容").FillAsync("ラフ案");
        await business.GetByLabel("1. 金額（円）").FillAsync("20000");
        await business.GetByLabel("1. 納期").FillAsync(today.AddDays(7).ToString("yyyy-MM-dd"));
        await business.GetByLabel("2. 内容").FillAsync("完成データ");
        await business.GetByLabel("2. 金額（円）").FillAsync("30000");
        await business.GetByLabel("2. 納期").FillAsync(today.AddDays(14).ToString("yyyy-MM-dd"));
        await Assertions.Expect(business.GetByTestId("plan-sum")).ToHaveTextAsync("合計 ¥50,000（契約額 ¥50,000）");
        await Check(business, "business-award-milestones");
        await business.GetByRole(AriaRole.Button, new() { Name = "発注を確定する" }).ClickAsync();
        await Assertions.Expect(business.GetByRole(AriaRole.Heading, new() { Name = "発注しました" })).ToBeVisibleAsync();
        var id = Str((await businessUser.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/contracts"))!["items"]![0]!["id"]);

        // The worker, on a phone, sees the plan: the first part is funded at award, the second waits for its payment.
        var worker = await Person(phone: true);
        await SignIn(worker, workerUser.Email);
        await worker.GotoAsync($"/contracts/{id}");
        await Assertions.Expect(worker.GetByRole(AriaRole.Heading, new() { Name = "マイルストーン（分割払い）" })).ToBeVisibleAsync();
        await Assertions.Expect(worker.GetByText("2件中0件検収済み")).ToBeVisibleAsync();
        await Assertions.Expect(worker.GetByText("依頼者の仮払いを待っています。")).ToBeVisibleAsync();
        await Check(worker, "worker-plan");
        await worker.GetByLabel("納品メッセージ").FillAsync("ラフ案を3点お送りします。");
        // A milestone is delivered as a contract is: with files.
        await worker.GetByRole(AriaRole.Listitem, new() { Name = "ラフ案" }).Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "ラフ案.png", MimeType = "image/png", Buffer = Uploads.Png });
        await Assertions.Expect(worker.GetByText("ラフ案.png", new() { Exact = false }).First).ToBeVisibleAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "このマイルストーンを納品する" }).ClickAsync();
        await Assertions.Expect(worker.GetByText("納品済み：検収中")).ToBeVisibleAsync();

        // The business accepts the first part (the first release) and funds the second, having read what it received.
        await business.GotoAsync($"/contracts/{id}");
        var delivered = business.GetByRole(AriaRole.Region, new() { Name = "経過" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "ラフ案を3点" });
        await Assertions.Expect(delivered).ToContainTextAsync("納品：ラフ案");
        await Assertions.Expect(delivered.GetByRole(AriaRole.Link, new() { Name = "ラフ案.png", Exact = false })).ToBeVisibleAsync();
        await Check(business, "business-delivered");
        await business.GetByRole(AriaRole.Button, new() { Name = "このマイルストーンを検収する" }).ClickAsync();
        await business.GetByRole(AriaRole.Button, new() { Name = "検収を確定する" }).ClickAsync();
        await Assertions.Expect(business.GetByText("2件中1件検収済み")).ToBeVisibleAsync();
        await business.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("このマイルストーンの.*を仮払いする") }).ClickAsync();
        await Assertions.Expect(business.GetByText("入金済み：作業を始められます")).ToBeVisibleAsync();
        await Check(business, "business-second-funded");

        // The worker delivers the second part; the business accepts it: the second release completes the contract.
        await worker.ReloadAsync();
        await worker.GetByLabel("納品メッセージ").FillAsync("完成データです。");
        await worker.GetByRole(AriaRole.Button, new() { Name = "このマイルストーンを納品する" }).ClickAsync();
        await Assertions.Expect(worker.GetByText("納品済み：検収中")).ToBeVisibleAsync();
        await business.ReloadAsync();
        await business.GetByRole(AriaRole.Button, new() { Name = "このマイルストーンを検収する" }).ClickAsync();
        await business.GetByRole(AriaRole.Button, new() { Name = "検収を確定する" }).ClickAsync();
        await Assertions.Expect(business.GetByText("2件中2件検収済み")).ToBeVisibleAsync();
        await Assertions.Expect(business.GetByText("検収・支払済み")).ToHaveCountAsync(2);
        await Check(business, "business-completed");

        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE contract_id = '{id}' AND kind = 'escrowReleased'"), Is.EqualTo(2), "two releases");
        Assert.That(Scalar($"SELECT COUNT(*) FROM contracts WHERE id = '{id}' AND status = 'completed'"), Is.EqualTo(1));
        await worker.ReloadAsync();
        await Assertions.Expect(worker.GetByText("検収・支払済み")).ToHaveCountAsync(2);
        await Check(worker, "worker-paid");
    }
}
