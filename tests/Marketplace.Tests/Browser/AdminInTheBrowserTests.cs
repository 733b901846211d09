using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>
/// Issue 13, the administrators' screens: on a 360 px phone in Japanese an administrator lands in the administrators'
/// area, confirms a bank transfer with a note, suspends a user, gathers a payout batch and downloads its Zengin file,
/// marks it paid and reads it all back in the audit trail; every page is axe-checked and never scrolls sideways.
/// </summary>
public sealed class AdminInTheBrowserTests : BrowserTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(PayoutTest.Sender)
    {
        ["Money:AutoConfirmPayments"] = "false",
    };


    [Test]
    public async Task An_administrator_on_a_phone_confirms_a_transfer_suspends_a_user_and_pays_out_a_batch()
    {
        // The administrator, as the operator makes one, enrolled in two-step sign-in through the API.
        var adminAccount = await Marketplace.Accounts.CreateAdministrator.CreateAsync(App.Services, "admin@test.example", Password, "湯沢市 事務局");
        var office = Browser();
        await Ok(await office.PostAsJsonAsync("/api/auth/login", new { email = adminAccount.Email, password = Password }));
        var (secret, _) = await EnrolTwoStep(office);

        // 佐藤 美咲 finished a contract whose transfer the office confirmed, and has a bank account: she is paid in a batch.
        var brewery = await SignUp(Role.Business, "湯沢酒造");
        var misaki = await SignUp(Role.Worker, "佐藤 美咲");
        var labels = await PostJob(brewery, NewJob(category: "dataEntry", budgetMin: 1, budgetMax: 50_000));
        var paidContract = await Award(brewery, Id(labels), Id(await PlaceBid(misaki, Id(labels), 30_000)));
        var paidPayment = Str((await Ok(await brewery.Http.GetAsync($"/api/contracts/{Id(paidContract)}/settlement")))["paymentId"]);
        Assert.That((await office.PostAsync($"/api/payments/{paidPayment}/confirm", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Created(await misaki.Http.PostAsJsonAsync($"/api/contracts/{Id(paidContract)}/submissions", new { message = "納品します" }));
        await Ok(await brewery.Http.PostAsync($"/api/contracts/{Id(paidContract)}/accept", null));
        await Ok(await misaki.Http.PutAsJsonAsync("/api/me/bank-account",
            new { bankCode = "0117", branchCode = "123", accountType = "ordinary", accountNumber = "1234567", holderName = "サトウ ミサキ" }));

        // 稲庭うどん工房 awarded a job to 高橋 健太 and its transfer waits for the office.
        var udon = await SignUp(Role.Business, "稲庭うどん工房");
        var kenta = await SignUp(Role.Worker, "高橋 健太");
        var translation = await PostJob(udon, NewJob(title: "英語メニューの翻訳", category: "translation", budgetMin: 1, budgetMax: 60_000));
        await Award(udon, Id(translation), Id(await PlaceBid(kenta, Id(translation), 40_000)));

        // Signing in lands in the administrators' area, on the transfers waiting for confirmation.
        var admin = await Person(phone: true);
        admin.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await SignInWithCode(admin, adminAccount.Email, Password, TotpNow(secret, steps: 1));
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "入金の確認", Level = 1 })).ToBeVisibleAsync();
        Assert.That(new Uri(admin.Url).AbsolutePath, Is.EqualTo("/admin/transfers"));
        await Assertions.Expect(admin.GetByRole(AriaRole.Navigation, new() { Name = "管理メニュー" }).GetByRole(AriaRole.Link))
            .ToHaveTextAsync(["入金の確認", "ユーザー", "紛争", "コンペの選定", "お問い合わせ", "振込バッチ", "支払期日", "操作記録", "規約の公開", "プログラム"]);
        await Check(admin, "admin-transfers");

        var transfer = admin.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "稲庭うどん工房" });
        await transfer.GetByLabel("メモ（任意）").FillAsync("秋田銀行 振込番号 0412");
        await transfer.GetByRole(AriaRole.Button, new() { Name = "入金を確認する" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "入金を確認しました" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByText("確認を待っている振込はありません。")).ToBeVisibleAsync();
        Assert.That(Scalar("SELECT COUNT(*) FROM payments WHERE status = 'confirmed' AND confirmation_note = '秋田銀行 振込番号 0412'"), Is.EqualTo(1));
        await Check(admin, "admin-transfer-confirmed");

        // Users: found by a part of the name, suspended with a reason.
        await admin.GetByRole(AriaRole.Link, new() { Name = "ユーザー", Exact = true }).ClickAsync();
        await admin.GetByLabel("名前またはメールアドレス").FillAsync("高橋");
        await admin.GetByRole(AriaRole.Button, new() { Name = "検索する" }).ClickAsync();
        var card = admin.GetByRole(AriaRole.Article).Filter(new() { HasText = "高橋 健太" });
        await Assertions.Expect(admin.GetByRole(AriaRole.Article)).ToHaveCountAsync(1);
        await Assertions.Expect(card.GetByText("利用中")).ToBeVisibleAsync();
        await Check(admin, "admin-users");
        await card.GetByRole(AriaRole.Button, new() { Name = "利用を停止する" }).ClickAsync();
        await card.GetByLabel("停止の理由").FillAsync("なりすましの疑い");
        await Check(admin, "admin-suspend-form");
        await card.GetByRole(AriaRole.Button, new() { Name = "利用を停止する", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "高橋 健太さんの利用を停止しました。" })).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByText("利用停止中")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByText("停止の理由：なりすましの疑い")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByText("停止中は振込バッチに含まれません。残高は再開まで保留されます。")).ToBeVisibleAsync();
        await Check(admin, "admin-user-suspended");
        var refused = await Browser().PostAsJsonAsync("/api/auth/login", new { email = kenta.Email, password = Password });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the suspended account cannot sign in");
        Assert.That((await kenta.Http.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "its session ended");

        // The same page in English: no sideways scrolling either.
        await ChooseLanguage(admin, "English");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByText("Suspended", new() { Exact = true })).ToBeVisibleAsync();
        // What was just done is reworded too: no Japanese sentence is left on the English page.
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "高橋 健太 is suspended." })).ToBeVisibleAsync();
        await Check(admin, "admin-users-en");
        await ChooseLanguage(admin, "日本語");

        // Payout batches: gather one at the default cutoff (now), download its Zengin file, mark it paid.
        await admin.GetByRole(AriaRole.Link, new() { Name = "振込バッチ", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByText("バッチはまだありません。")).ToBeVisibleAsync();
        await Check(admin, "admin-batches");
        await admin.GetByRole(AriaRole.Button, new() { Name = "バッチを作る" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "振込の明細" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "佐藤 美咲: ￥27,000" })
            .Or(admin.GetByRole(AriaRole.Heading, new() { Name = "佐藤 美咲: ¥27,000" }))).ToBeVisibleAsync();
        await Check(admin, "admin-batch");

        var download = await admin.RunAndWaitForDownloadAsync(() =>
            admin.GetByRole(AriaRole.Link, new() { Name = "全銀ファイルをダウンロード" }).ClickAsync());
        var file = await File.ReadAllBytesAsync((await download.PathAsync())!);
        // Header, one data record, trailer and end: four 120-byte records, each ending CR LF.
        Assert.That(file, Has.Length.EqualTo(4 * 122));
        Assert.That(Enumerable.Range(0, 4).Select(i => (char)file[i * 122]), Is.EqualTo(new[] { '1', '2', '8', '9' }));
        Assert.That(download.SuggestedFilename, Does.StartWith("zengin-").And.EndWith(".txt"));

        await admin.GetByRole(AriaRole.Button, new() { Name = "振込済みにする" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("振込済み", new() { Exact = true }).First).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "組戻しを記録" })).ToBeVisibleAsync();
        await Check(admin, "admin-batch-paid");

        await admin.GetByRole(AriaRole.Link, new() { Name = "支払期日", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "支払期日", Level = 1 })).ToBeVisibleAsync();
        await Check(admin, "admin-payouts-due");

        // The audit trail holds each step, newest first, with the note and the reason.
        await admin.GetByRole(AriaRole.Link, new() { Name = "操作記録", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 2 }))
            .ToHaveTextAsync(["振込済みの記帳", "振込バッチの作成", "利用停止", "入金の確認", "入金の確認"]);
        await Assertions.Expect(admin.GetByText("秋田銀行 振込番号 0412")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByText("なりすましの疑い")).ToBeVisibleAsync();
        await Check(admin, "admin-audit");

        // The money screens and the trail in English: reworded, still no sideways scrolling at 360 px.
        await ChooseLanguage(admin, "English");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Audit trail", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 2 }))
            .ToHaveTextAsync(["Batch marked paid", "Payout batch created", "Account suspended", "Transfer confirmed", "Transfer confirmed"]);
        await Check(admin, "admin-audit-en");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Payout batches", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Batches so far" })).ToBeVisibleAsync();
        await Check(admin, "admin-batches-en");
        await Assertions.Expect(admin.GetByText("1 transfer", new() { Exact = true })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Payout batch \\(cutoff") }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Record a returned transfer" })).ToBeVisibleAsync();
        await Check(admin, "admin-batch-paid-en");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Payouts due", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Payouts due", Level = 1 })).ToBeVisibleAsync();
        await Check(admin, "admin-payouts-due-en");
        await ChooseLanguage(admin, "日本語");

        await admin.GetByRole(AriaRole.Link, new() { Name = "紛争", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "紛争の一覧", Level = 1 })).ToBeVisibleAsync();
        await Check(admin, "admin-disputes");
    }
}
