using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>The deal's clock in the browser: the countdown in words, the printable terms notice, the dispute and its decision.</summary>
public sealed class DealClockInTheBrowserTests : BrowserTest
{
    [Test]
    public async Task The_terms_notice_prints_on_A4_and_the_countdown_speaks_in_days()
    {
        var (businessUser, workerUser, contract) = await AwardedContract();
        var id = Id(contract);
        await Created(await workerUser.Http.PostAsJsonAsync($"/api/contracts/{id}/submissions", new { message = "初稿です" }));

        var business = await Person(phone: true);
        await SignIn(business, businessUser.Email);
        await business.GotoAsync($"/contracts/{id}");
        await Assertions.Expect(business.GetByText("検収期限まで あと7日")).ToBeVisibleAsync();
        await Check(business, "contract-inspection");

        await business.GetByRole(AriaRole.Link, new() { Name = "取引条件明示書（第1版）" }).ClickAsync();
        await Assertions.Expect(business.GetByRole(AriaRole.Heading, new() { Name = "取引条件明示書" })).ToBeVisibleAsync();
        await Assertions.Expect(business.GetByText("純米酒のラベルデザイン")).ToBeVisibleAsync();
        await Assertions.Expect(business.GetByText("法定の最終支払日")).ToBeVisibleAsync();
        await Check(business, "terms");

        // Printed: the site's header and buttons are gone, and Chromium writes an A4 PDF.
        await business.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(business.Locator("header.top")).ToBeHiddenAsync();
        await Assertions.Expect(business.GetByRole(AriaRole.Button, new() { Name = "印刷する" })).ToBeHiddenAsync();
        var pdfPath = Path.Combine(ArtifactsFolder, TestContext.CurrentContext.Test.Name, "terms.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(pdfPath)!);
        var pdf = await business.PdfAsync(new() { Path = pdfPath, PreferCSSPageSize = true, PrintBackground = true });
        Assert.That(System.Text.Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));
        Assert.That(System.Text.Encoding.ASCII.GetString(pdf), Does.Match(@"/MediaBox\s*\[\s*0 0 59[45]\.?\d* 84[12]\.?\d*\]"), "A4 is 595 × 842 points");
        TestContext.AddTestAttachment(pdfPath, "terms.pdf");
    }

    [Test]
    public async Task A_declined_cancellation_goes_to_the_administrator_who_decides_it()
    {
        var (businessUser, workerUser, contract) = await AwardedContract();
        var id = Id(contract);
        await Created(await workerUser.Http.PostAsJsonAsync($"/api/contracts/{id}/submissions", new { message = "納品" }));

        // The business proposes, on a phone, to cancel paying nothing.
        var business = await Person(phone: true);
        await SignIn(business, businessUser.Email);
        await business.GotoAsync($"/contracts/{id}");
        // On a phone the form is folded until asked for.
        await business.GetByText("解約の提案を書く").ClickAsync();
        await business.GetByLabel("受注者に支払う額（円）").FillAsync("0");
        await business.GetByLabel("解約の理由").FillAsync("イメージと違いました。");
        await business.GetByRole(AriaRole.Button, new() { Name = "解約を提案する" }).ClickAsync();
        await Assertions.Expect(business.GetByText("相手方の回答を待っています。").Last).ToBeVisibleAsync();
        await Check(business, "cancellation-proposed");

        // The worker reads the proposal at the top of the contract, disagrees, confirms and tells the office its side.
        var worker = await Person(phone: true);
        await SignIn(worker, workerUser.Email);
        await worker.GotoAsync($"/contracts/{id}");
        await Assertions.Expect(worker.Locator(".hold")).ToContainTextAsync("受注者への支払い ¥0");
        await worker.GetByRole(AriaRole.Button, new() { Name = "同意しない（事務局の判断へ）" }).ClickAsync();
        await Check(worker, "escalation-confirm");
        await worker.GetByLabel("何があったか（事務局に伝えること）").FillAsync("指示どおりに納品しました。");
        await worker.GetByRole(AriaRole.Button, new() { Name = "同意せず、事務局に伝える" }).ClickAsync();
        await worker.GetByRole(AriaRole.Link, new() { Name = "紛争のページを見る" }).ClickAsync();
        await Assertions.Expect(worker.GetByText("指示どおりに納品しました。")).ToBeVisibleAsync();
        await Assertions.Expect(worker.GetByText("まだ意見がないのは：発注者側")).ToBeVisibleAsync();
        await Check(worker, "dispute");

        // The business gives its own account too, so that the office may decide before the statement days pass.
        await business.GotoAsync($"/disputes/{Str((await Detail(businessUser, id))["disputeId"])}");
        await business.GetByLabel("事務局に伝えたいこと").FillAsync("色見本と違う色でした。");
        await business.GetByRole(AriaRole.Button, new() { Name = "送る" }).ClickAsync();
        await Assertions.Expect(business.GetByText("色見本と違う色でした。")).ToBeVisibleAsync();

        // The administrator, enrolled in two-step sign-in, signs in with its code, finds the dispute in the queue and decides.
        var adminAccount = await Marketplace.Accounts.CreateAdministrator.CreateAsync(App.Services, "admin@test.example", Password, "湯沢市 事務局");
        var enrolling = Browser();
        await Ok(await enrolling.PostAsJsonAsync("/api/auth/login", new { email = adminAccount.Email, password = Password }));
        var (secret, _) = await EnrolTwoStep(enrolling);
        var admin = await Person();
        // The enrolment used this time step's code; each step's code is accepted once, and the next step's is accepted early.
        await SignInWithCode(admin, adminAccount.Email, Password, TotpNow(secret, steps: 1));
        await Assertions.Expect(admin.Locator("#main-nav")).ToBeAttachedAsync();
        await admin.GotoAsync("/admin/disputes");
        await admin.GetByRole(AriaRole.Link, new() { Name = "純米酒のラベルデザイン" }).ClickAsync();
        await Check(admin, "admin-dispute");
        await admin.GetByLabel("受注者に支払う額（円）").FillAsync("25000");
        await admin.GetByLabel("判断の理由").FillAsync("半分の出来と判断します。");
        admin.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "判断を確定する" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("判断：受注者への支払い ¥25,000")).ToBeVisibleAsync();
        await Check(admin, "admin-decided");
    }


    private static async Task<System.Text.Json.Nodes.JsonObject> Detail(User user, string contractId) => await Ok(await user.Http.GetAsync($"/api/contracts/{contractId}"));
}
