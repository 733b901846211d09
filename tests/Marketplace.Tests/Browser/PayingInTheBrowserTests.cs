using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Marketplace.Platform;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>
/// Issue 27 on a 360 px phone, in Japanese and in English: a worker reads her take-home while bidding and on the award;
/// the brewery reads 入金待ち with its due date, prints the payment request (A4, one page) and sees that it pays the amount
/// less the tax it remits; the office finds the transfer by its payment number, matches the bank's statement and
/// confirms it in one step; the worker without a bank account is told, and once she adds one reads her next transfer
/// date; the payouts due mark 口座未登録. Every page is axe-checked and never scrolls sideways.
/// </summary>
public sealed class PayingInTheBrowserTests : BrowserTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(PayoutTest.Sender)
    {
        ["Money:AutoConfirmPayments"] = "false",
        ["Payments:BankAccount:BankName"] = "秋田銀行", ["Payments:BankAccount:BankCode"] = "0117",
        ["Payments:BankAccount:BranchName"] = "湯沢支店", ["Payments:BankAccount:BranchCode"] = "201",
        ["Payments:BankAccount:Type"] = "ordinary", ["Payments:BankAccount:Number"] = "1234567",
        ["Payments:BankAccount:HolderKana"] = "ユザワシ シゴトマーケット",
    };

    private static Task English(IPage page) => ChooseLanguage(page, "English");

    private static Task Japanese(IPage page) => ChooseLanguage(page, "日本語");

    [Test]
    public async Task A_worker_reads_her_take_home_and_the_brewery_prints_its_payment_request_on_a_phone()
    {
        var brewery = await SignUp(Role.Business, "湯沢酒造");
        await Ok(await brewery.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        var misaki = await SignUp(Role.Worker, "佐藤 美咲");
        await Ok(await misaki.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills = new[] { "デザイン" }, region = "秋田県湯沢市", weeklyHours = 10, availability = "", isIndividual = true }));
        var job = await PostJob(brewery, NewJob(category: "design", budgetMin: 30_000, budgetMax: 80_000));

        // Bidding, the worker reads what ¥50,000 takes home after the fee and the tax the brewery withholds.
        var worker = await Person(phone: true);
        await SignIn(worker, misaki.Email);
        await worker.GotoAsync($"/jobs/{Id(job)}");
        await worker.GetByLabel("金額（円）").FillAsync("50000");
        await Assertions.Expect(worker.GetByTestId("take-home")).ToContainTextAsync("手取り見込み ¥39,895");
        await Assertions.Expect(worker.GetByTestId("take-home")).ToContainTextAsync("源泉徴収税 ¥5,105");
        await worker.GetByLabel("納品までの日数").FillAsync("14");
        await worker.GetByLabel("メッセージ").FillAsync("3案ご提案します");
        await Check(worker, "bid-take-home");
        await English(worker);
        await Assertions.Expect(worker.GetByTestId("take-home")).ToContainTextAsync("Take-home about ¥39,895");
        await Check(worker, "bid-take-home-en");
        await Japanese(worker);
        await worker.GetByRole(AriaRole.Button, new() { Name = "応募する" }).ClickAsync();
        await Assertions.Expect(worker.GetByRole(AriaRole.Region, new() { Name = "応募済み" })).ToContainTextAsync("金額 ¥50,000");

        var bidId = Str((await Ok(await misaki.Http.GetAsync("/api/me/bids")))["items"]![0]!["id"]);
        var contract = await Award(brewery, Id(job), bidId);
        var request = await Ok(await brewery.Http.GetAsync($"/api/contracts/{Id(contract)}/payment-request"));
        var reference = Str(request["reference"]);

        // The award notice: her take-home, and that the work waits for the money; no bank account yet, she is told.
        await worker.GotoAsync($"/contracts/{Id(contract)}");
        await Assertions.Expect(worker.GetByTestId("contract-status")).ToHaveTextAsync("入金待ち");
        await Assertions.Expect(worker.GetByTestId("award-take-home")).ToContainTextAsync("¥39,895");
        await Assertions.Expect(worker.GetByText("振込先の口座が登録されていません")).ToBeVisibleAsync();
        await Check(worker, "award-notice");
        await English(worker);
        await Assertions.Expect(worker.GetByTestId("contract-status")).ToHaveTextAsync("Awaiting payment");
        await Assertions.Expect(worker.GetByRole(AriaRole.Heading, new() { Name = "You won this job" })).ToBeVisibleAsync();
        await Check(worker, "award-notice-en");
        await Japanese(worker);

        // The brewery reads 入金待ち with the due date and opens the payment request from the contract.
        var business = await Person(phone: true);
        await SignIn(business, brewery.Email);
        await business.GotoAsync($"/contracts/{Id(contract)}");
        await Assertions.Expect(business.GetByTestId("contract-status")).ToHaveTextAsync("入金待ち");
        var due = DateOnly.Parse(Str(request["dueOn"]));
        await Assertions.Expect(business.GetByText($"入金期限 {due.Year}年{due.Month}月{due.Day}日").First).ToBeVisibleAsync();
        await Assertions.Expect(business.GetByTestId("escrow-total")).ToHaveTextAsync("¥44,895");
        await Check(business, "contract-awaiting-payment");
        await business.GetByRole(AriaRole.Link, new() { Name = "お支払いのご案内（印刷できます）" }).ClickAsync();
        await Assertions.Expect(business.GetByRole(AriaRole.Heading, new() { Name = "お支払いのご案内", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(business.GetByTestId("payment-reference")).ToHaveTextAsync(reference);
        await Assertions.Expect(business.GetByTestId("payment-amount")).ToHaveTextAsync("¥44,895");
        await Assertions.Expect(business.GetByTestId("payment-bank")).ToContainTextAsync("ユザワシ シゴトマーケット");
        await Assertions.Expect(business.GetByText($"振込人名義の例：{reference} 湯沢酒造")).ToBeVisibleAsync();
        await Assertions.Expect(business.GetByText("源泉徴収税 ¥5,105 はお支払い金額に含まれていません", new() { Exact = false })).ToBeVisibleAsync();
        await Check(business, "payment-request");

        // Printed, it is one A4 sheet without the site around it.
        await business.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(business.Locator("header.top")).ToBeHiddenAsync();
        await Assertions.Expect(business.GetByRole(AriaRole.Button, new() { Name = "印刷する・PDFで保存する" })).ToBeHiddenAsync();
        var pdfPath = Path.Combine(ArtifactsFolder, TestContext.CurrentContext.Test.Name, "payment-request.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(pdfPath)!);
        var pdf = await business.PdfAsync(new() { Path = pdfPath, PreferCSSPageSize = true, PrintBackground = true });
        var text = Encoding.ASCII.GetString(pdf);
        Assert.That(text, Does.Match(@"/MediaBox\s*\[\s*0 0 59[45]\.?\d* 84[12]\.?\d*\]"), "A4 is 595 × 842 points");
        Assert.That(Regex.Matches(text, @"/Type\s*/Page\b").Count, Is.EqualTo(1), "the request fits on one sheet");
        TestContext.AddTestAttachment(pdfPath, "payment-request.pdf");
        await business.EmulateMediaAsync(new() { Media = Media.Screen });

        await English(business);
        await Assertions.Expect(business.GetByRole(AriaRole.Heading, new() { Name = "Payment request", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(business.GetByText($"Payer name, for example: {reference} 湯沢酒造")).ToBeVisibleAsync();
        await Check(business, "payment-request-en");
        await Japanese(business);
    }

    [Test]
    public async Task The_office_finds_a_transfer_by_its_number_matches_the_bank_statement_and_the_worker_reads_her_next_transfer()
    {
        var adminAccount = await Marketplace.Accounts.CreateAdministrator.CreateAsync(App.Services, "admin@test.example", Password, "湯沢市 事務局");
        var office = Browser();
        await Ok(await office.PostAsJsonAsync("/api/auth/login", new { email = adminAccount.Email, password = Password }));
        var (secret, _) = await EnrolTwoStep(office);

        // Two ¥50,000 transfers from one brewery, told apart by their numbers.
        var brewery = await SignUp(Role.Business, "湯沢酒造");
        var yuki = await SignUp(Role.Worker, "阿部 由紀");
        var other = await SignUp(Role.Worker, "高橋 健太");
        var contracts = new List<(string Id, string Reference)>();
        foreach (var bidder in new[] { yuki, other })
        {
            var job = await PostJob(brewery, NewJob(category: "dataEntry", budgetMin: 1, budgetMax: 50_000));
            var contract = await Award(brewery, Id(job), Id(await PlaceBid(bidder, Id(job), 50_000)));
            contracts.Add((Id(contract), Str((await Ok(await brewery.Http.GetAsync($"/api/contracts/{Id(contract)}/payment-request")))["reference"])));
        }

        var admin = await Person(phone: true);
        admin.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await SignInWithCode(admin, adminAccount.Email, Password, TotpNow(secret, steps: 1));
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "入金の確認", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("transfer-reference")).ToHaveTextAsync(
            contracts.Select(c => $"お支払い番号 {c.Reference}").ToArray());
        await Check(admin, "transfers-with-numbers");
        await admin.GetByLabel("お支払い番号で探す").FillAsync(contracts[1].Reference);
        await admin.GetByRole(AriaRole.Button, new() { Name = "探す", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("transfer-reference")).ToHaveTextAsync([$"お支払い番号 {contracts[1].Reference}"]);
        await Check(admin, "transfers-found");

        // The bank's statement: the first transfer with its number before the name, the second without one.
        await admin.GetByRole(AriaRole.Link, new() { Name = "入金明細と照合する" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "入金明細と照合", Level = 1 })).ToBeVisibleAsync();
        var csv = $"日付,摘要,お引出し,お預入れ\r\n2026/12/01,{contracts[0].Reference} ﾕｻﾞﾜｼﾕｿﾞｳ,,50000\r\n2026/12/01,ﾕｻﾞﾜｼﾕｿﾞｳ,,50000\r\n";
        var shiftJis = CodePagesShiftJis().GetBytes(csv);
        await admin.GetByLabel("入出金明細のファイル").SetInputFilesAsync(new FilePayload { Name = "meisai.csv", MimeType = "text/csv", Buffer = shiftJis });
        await admin.GetByRole(AriaRole.Button, new() { Name = "照合する" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("matched").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Assertions.Expect(admin.GetByTestId("unmatched")).ToContainTextAsync("名義にお支払い番号がありません");
        await Assertions.Expect(admin.GetByTestId("matched")).ToContainTextAsync("ﾕｻﾞﾜｼﾕｿﾞｳ");
        Assert.That(Scalar("SELECT COUNT(*) FROM payments WHERE status = 'confirmed'"), Is.Zero, "reading the statement confirmed nothing");
        await Check(admin, "statement-matched");
        await English(admin);
        await Assertions.Expect(admin.GetByTestId("unmatched")).ToContainTextAsync("No payment number in the name");
        await Check(admin, "statement-matched-en");
        await Japanese(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "一致した1件の入金を確認する" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "1件の入金を確認しました。" })).ToBeVisibleAsync();
        Assert.That(Scalar($"SELECT COUNT(*) FROM contracts WHERE id = '{contracts[0].Id}' AND funded_at IS NOT NULL"), Is.EqualTo(1));

        // 阿部 由紀 delivers and is paid without a bank account: the office reads 口座未登録 among the payouts due.
        await Created(await yuki.Http.PostAsJsonAsync($"/api/contracts/{contracts[0].Id}/submissions", new { message = "納品します" }));
        await Ok(await brewery.Http.PostAsync($"/api/contracts/{contracts[0].Id}/accept", null));
        await admin.GetByRole(AriaRole.Link, new() { Name = "支払期日" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("bank-missing")).ToHaveTextAsync("口座未登録");
        await Check(admin, "payouts-due-no-account");
        await English(admin);
        await Assertions.Expect(admin.GetByTestId("bank-missing")).ToHaveTextAsync("No bank account");
        await Check(admin, "payouts-due-no-account-en");

        // She is told on her payouts page, adds an account, and reads the day of her next transfer.
        var worker = await Person(phone: true);
        await SignIn(worker, yuki.Email);
        await worker.GotoAsync("/payouts");
        await Assertions.Expect(worker.GetByText("振込先の口座が登録されていません")).ToBeVisibleAsync();
        await Assertions.Expect(worker.GetByText("¥45,000 が振込を待っています。", new() { Exact = false })).ToBeVisibleAsync();
        await Check(worker, "payouts-no-account");
        // The bank and the branch chosen by name, as the payouts page asks (issue 27).
        await worker.GetByLabel("金融機関").FillAsync("あおもりみちのく");
        await worker.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("青森みちのく銀行\\s?（0117）") }).ClickAsync();
        await worker.GetByLabel("支店").FillAsync("あおもりちゅうおう");
        await worker.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("青森中央営業部\\s?（014）") }).ClickAsync();
        await worker.GetByLabel("口座番号").FillAsync("45678");
        await worker.GetByLabel("口座名義（カタカナ）").FillAsync("あべ ゆき");
        await worker.GetByRole(AriaRole.Button, new() { Name = "口座を保存する" }).ClickAsync();
        await Assertions.Expect(worker.GetByTestId("next-transfer")).ToContainTextAsync("次回の振込予定日");
        await Assertions.Expect(worker.GetByText("振込先の口座が登録されていません")).ToHaveCountAsync(0);
        await Check(worker, "payouts-next-transfer");
        await English(worker);
        await Assertions.Expect(worker.GetByTestId("next-transfer")).ToContainTextAsync("Next transfer");
        await Check(worker, "payouts-next-transfer-en");
    }

    private static Encoding CodePagesShiftJis()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("shift_jis");
    }
}
