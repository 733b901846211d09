using System.Net.Http.Json;
using Marketplace.Platform;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

public sealed class PayoutsInTheBrowserTests : BrowserTest
{
    [Test]
    public async Task A_worker_on_a_phone_saves_a_bank_account_in_hiragana_and_reads_the_contracts_invoice()
    {
        var business = await SignUp(Role.Business, "湯沢酒造");
        var worker = await SignUp(Role.Worker, "佐藤 美咲");
        var job = await PostJob(business, NewJob(category: "dataEntry", budgetMin: 1, budgetMax: 50_000));
        var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), 30_000)));
        (await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "納品します" })).EnsureSuccessStatusCode();
        (await business.Http.PostAsync($"/api/contracts/{Id(contract)}/accept", null)).EnsureSuccessStatusCode();

        var page = await Person(phone: true);
        await SignIn(page, worker.Email);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^メニュー") }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "振込と口座" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "振込と口座", Level = 1 })).ToBeVisibleAsync();
        // The balance, and the notice that it waits for an account (issue 27).
        await Assertions.Expect(page.GetByText("¥27,000", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("振込先の口座が登録されていません")).ToBeVisibleAsync();
        await Check(page, "payouts-empty-account");

        // The bank and the branch are chosen by name (issue 27), in hiragana for a bank written in kanji, and the small
        // ゅ typed for the list's large ユ (アオモリチユウオウ).
        await page.GetByLabel("金融機関").FillAsync("あおもりみちのく");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("青森みちのく銀行\\s?（0117）") }).ClickAsync();
        await page.GetByLabel("支店").FillAsync("あおもりちゅうおう");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("青森中央営業部\\s?（014）") }).ClickAsync();
        await Assertions.Expect(page.Locator(".bank-picker output").Last).ToHaveTextAsync("青森中央営業部（014）");
        await page.GetByLabel("口座番号").FillAsync("45678");
        await page.GetByLabel("口座名義（カタカナ）").FillAsync("佐藤 みさき");
        await page.GetByRole(AriaRole.Button, new() { Name = "口座を保存する" }).ClickAsync();
        // The refusal names the character, in Japanese.
        await Assertions.Expect(page.GetByText("「佐」は振込の名義に使えません")).ToBeVisibleAsync();
        await Check(page, "payouts-refused-kanji");

        await page.GetByLabel("口座名義（カタカナ）").FillAsync("さとう みさき");
        await page.GetByRole(AriaRole.Button, new() { Name = "口座を保存する" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "ｻﾄｳ ﾐｻｷ" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("saved-account")).ToContainTextAsync("****678");
        await Check(page, "payouts-saved");

        // The same page in English: no Japanese interface text, and still no sideways scrolling.
        await ChooseLanguage(page, "English");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payouts and bank account", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Account holder (katakana)")).ToBeVisibleAsync();
        await Check(page, "payouts-en");
        await ChooseLanguage(page, "日本語");

        await page.GotoAsync($"/contracts/{Id(contract)}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "請求書・領収書" })).ToBeVisibleAsync();
        // The worker has no registration number: its invoice is a receipt, in its name too.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ワーカーの領収書" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("適格請求書ではありません（登録番号なし）").First).ToBeVisibleAsync();
        await Check(page, "contract-documents");
    }
}
