using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Marketplace.Platform;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>Issue 11's paperwork in the browser: the registration number in the worker's profile, and each document as an A4 sheet.</summary>
public sealed class DocumentsInTheBrowserTests : BrowserTest
{

    [Test]
    public async Task A_registered_workers_invoice_prints_as_an_A4_qualified_invoice_in_both_languages_at_360_px()
    {
        var business = await SignUp(Role.Business, "湯沢酒造");
        var worker = await SignUp(Role.Worker, "佐藤 美咲");

        // The worker gives its registration number in its profile, on a phone; a wrong check digit is refused under the field.
        var workerPage = await Person(phone: true);
        await SignIn(workerPage, worker.Email);
        await workerPage.GotoAsync("/profile");
        await workerPage.GetByLabel("スキル").FillAsync("デザイン");
        await workerPage.GetByLabel("地域").FillAsync("秋田県湯沢市");
        await workerPage.GetByLabel("インボイスの登録番号").FillAsync("T7123456789013");
        await workerPage.GetByLabel("氏名または名称").FillAsync("佐藤 美咲");
        await workerPage.GetByLabel("住所").FillAsync("秋田県湯沢市佐竹町1-1");
        await workerPage.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(workerPage.GetByText("登録番号は T と13桁の数字です").First).ToBeVisibleAsync();
        await Check(workerPage, "profile-refused-number");
        // Typed in lower case on a phone, it is still the register's T.
        await workerPage.GetByLabel("インボイスの登録番号").FillAsync("t7123456789012");
        await workerPage.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(workerPage.GetByRole(AriaRole.Status).Filter(new() { HasText = "保存しました" })).ToBeVisibleAsync();
        var details = await Ok(await worker.Http.GetAsync("/api/me/tax-details"));
        Assert.That(Str(details["invoiceNumber"]), Is.EqualTo("T7123456789012"));
        Assert.That(Str(details["postalAddress"]), Is.EqualTo("秋田県湯沢市佐竹町1-1"));
        await Check(workerPage, "profile-saved");

        var job = await PostJob(business, NewJob(category: "design", budgetMin: 1, budgetMax: 100_000));
        var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), 55_000)));
        (await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "納品します" })).EnsureSuccessStatusCode();
        (await business.Http.PostAsync($"/api/contracts/{Id(contract)}/accept", null)).EnsureSuccessStatusCode();

        // The business opens the worker's invoice from the contract's documents.
        var page = await Person(phone: true);
        await SignIn(page, business.Email);
        await page.GotoAsync($"/contracts/{Id(contract)}");
        await page.GetByRole(AriaRole.Link, new() { Name = "ワーカーの請求書（番号 1）を開く（印刷用）" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "請求書", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("document-recipient")).ToHaveTextAsync("湯沢酒造 御中");
        await Assertions.Expect(page.GetByTestId("document-registration")).ToHaveTextAsync("T7123456789012");
        await Assertions.Expect(page.Locator(".sheet-issuer")).ToContainTextAsync("佐藤 美咲");
        await Assertions.Expect(page.GetByTestId("document-number")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("document-total")).ToHaveTextAsync(new Regex("[¥￥]55,000"));
        await Assertions.Expect(page.GetByTestId("document-rate-total")).ToHaveTextAsync(new Regex("[¥￥]55,000"));
        await Assertions.Expect(page.GetByTestId("document-tax")).ToHaveTextAsync(new Regex("[¥￥]5,000"));
        await Assertions.Expect(page.GetByText("10%対象（税込）")).ToBeVisibleAsync();
        // The rate stays one line in its narrow column at 360 px (its "10" and "%" were put on two lines).
        var rate = page.Locator(".sheet-table tbody td").Nth(1);
        await Assertions.Expect(rate).ToHaveTextAsync("10%");
        Assert.That(await rate.EvaluateAsync<int>("cell => { const r = document.createRange(); r.selectNodeContents(cell); return r.getClientRects().length; }"),
            Is.EqualTo(1), "the rate on one line");
        await Assertions.Expect(page.GetByText("純米酒のラベルデザイン")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("document-not-qualified")).ToHaveCountAsync(0);
        await Check(page, "invoice");

        // Printed: the site's header and the buttons are gone, and Chromium writes one A4 page.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.top")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "印刷する" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("document-registration")).ToBeVisibleAsync();
        var pdfPath = Path.Combine(ArtifactsFolder, TestContext.CurrentContext.Test.Name, "invoice.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(pdfPath)!);
        var pdf = await page.PdfAsync(new() { Path = pdfPath, PreferCSSPageSize = true, PrintBackground = true });
        var text = Encoding.ASCII.GetString(pdf);
        Assert.That(text[..5], Is.EqualTo("%PDF-"));
        Assert.That(text, Does.Match(@"/MediaBox\s*\[\s*0 0 59[45]\.?\d* 84[12]\.?\d*\]"), "A4 is 595 × 842 points");
        Assert.That(Regex.Matches(text, @"/Type\s*/Page\b").Count, Is.EqualTo(1), "the invoice fits on one sheet");
        Assert.That(pdf.Length, Is.GreaterThan(5_000), "the page has content (text and its fonts)");
        TestContext.AddTestAttachment(pdfPath, "invoice.pdf");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // In English: the same sheet, no Japanese interface words, and still no sideways scrolling.
        await ChooseLanguage(page, "English");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invoice", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("document-recipient")).ToHaveTextAsync("To: 湯沢酒造");
        await Assertions.Expect(page.GetByText("Subject to 10% (tax included)")).ToBeVisibleAsync();
        await Check(page, "invoice-en");

        // The operator is not registered in this test: its fee document is a receipt that says it is no qualified invoice.
        await workerPage.GotoAsync($"/contracts/{Id(contract)}");
        await workerPage.GetByRole(AriaRole.Link, new() { Name = "サービス利用料の領収書（番号 1）を開く（印刷用）" }).ClickAsync();
        await Assertions.Expect(workerPage.GetByRole(AriaRole.Heading, new() { Name = "領収書", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(workerPage.GetByTestId("document-recipient")).ToHaveTextAsync("佐藤 美咲 様");
        await Assertions.Expect(workerPage.GetByTestId("document-not-qualified")).ToContainTextAsync("適格請求書ではありません");
        await Assertions.Expect(workerPage.GetByTestId("document-tax")).ToHaveCountAsync(0);
        await Assertions.Expect(workerPage.GetByTestId("document-total")).ToHaveTextAsync(new Regex("[¥￥]5,500"));
        await Check(workerPage, "receipt");
    }
}
