using System.Net.Http.Json;
using Marketplace.Platform;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>
/// Issue 27, tried as people would: the business's menu on a laptop, a question to the office answered in the product,
/// and a worker's portfolio seen by a business, on phones.
/// </summary>
public sealed class HelpdeskInTheBrowserTests : BrowserTest
{

    [Test]
    public async Task The_business_menu_fits_one_row_on_a_laptop_in_both_languages_with_api_tokens_under_settings()
    {
        var owner = await SignUp(Role.Business, "稲庭うどん工房 湯沢本店");
        var page = await Person(); // 1280 × 900
        await SignIn(page, owner.Email);
        foreach (var lang in new[] { "ja", "en" })
        {
            if (lang == "en") await ChooseLanguage(page, "English");
            var items = page.Locator("#main-nav > ul > li");
            var tops = new List<double>();
            for (var i = 0; i < await items.CountAsync(); i++) tops.Add((await items.Nth(i).BoundingBoxAsync())!.Y);
            Assert.That(tops.Max() - tops.Min(), Is.LessThan(4), $"{lang}: the menu's {tops.Count} items on one row ({string.Join(", ", tops)})");
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "API tokens" })).ToBeVisibleAsync();
        await Check(page, "settings");
    }

    [Test]
    public async Task A_question_reaches_the_office_which_answers_it_in_the_product_on_phones()
    {
        var workerUser = await SignUp(Role.Worker, "阿部 由紀");
        var worker = await Person(phone: true);
        await SignIn(worker, workerUser.Email);
        await worker.GotoAsync("/help");
        await worker.GetByText("報酬はいつ振り込まれますか？").ClickAsync();
        await Assertions.Expect(worker.GetByText("支払期日までに")).ToBeVisibleAsync();
        await worker.GetByLabel("件名").FillAsync("振込日について");
        await worker.GetByLabel("お問い合わせ内容").FillAsync("11月に検収された分はいつ振り込まれますか？");
        await worker.GetByRole(AriaRole.Button, new() { Name = "送信する" }).ClickAsync();
        await Assertions.Expect(worker.GetByText("お問い合わせを受け付けました。")).ToBeVisibleAsync();
        await Assertions.Expect(worker.GetByRole(AriaRole.Link, new() { Name = "振込日について" })).ToBeVisibleAsync();
        await Check(worker, "help");

        var adminAccount = await Marketplace.Accounts.CreateAdministrator.CreateAsync(App.Services, "admin@test.example", Password, "湯沢市 事務局");
        var enrolling = Browser();
        await Ok(await enrolling.PostAsJsonAsync("/api/auth/login", new { email = adminAccount.Email, password = Password }));
        var (secret, _) = await EnrolTwoStep(enrolling);
        var admin = await Person(phone: true);
        await SignInWithCode(admin, adminAccount.Email, Password, TotpNow(secret, steps: 1));
        await Assertions.Expect(admin.Locator("#main-nav")).ToBeAttachedAsync();
        await admin.GotoAsync("/admin/tickets");
        await Check(admin, "admin-tickets");
        await admin.GetByRole(AriaRole.Link, new() { Name = "振込日について" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("阿部 由紀（ワーカー）")).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Form, new() { Name = "事務局として回答する" }).GetByRole(AriaRole.Textbox).FillAsync("検収の翌月末までにお振込みします。");
        await admin.GetByRole(AriaRole.Button, new() { Name = "回答を送る" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("検収の翌月末までにお振込みします。")).ToBeVisibleAsync();
        await Check(admin, "admin-ticket-answered");

        await worker.GotoAsync("/notifications");
        // The notification opens the question itself, with the office's answer.
        await worker.GetByRole(AriaRole.Link, new() { Name = "お問い合わせに事務局から回答がありました" }).ClickAsync();
        await Assertions.Expect(worker.GetByRole(AriaRole.Heading, new() { Name = "振込日について" })).ToBeVisibleAsync();
        await Assertions.Expect(worker.GetByText("検収の翌月末までにお振込みします。")).ToBeVisibleAsync();
        await Assertions.Expect(worker.Locator(".from-office strong")).ToHaveTextAsync("事務局");
        await Check(worker, "ticket");
    }

    [Test]
    public async Task A_worker_shows_a_portfolio_that_a_business_sees_on_a_phone()
    {
        var workerUser = await SignUp(Role.Worker, "佐藤 美咲");
        await Ok(await workerUser.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "ラベルのデザインをしています。", skills = new[] { "デザイン" }, region = "秋田県湯沢市", weeklyHours = 10, availability = "平日" }));
        var worker = await Person(phone: true);
        await SignIn(worker, workerUser.Email);
        await worker.GotoAsync("/profile");
        var chooser = worker.WaitForFileChooserAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "ファイルを選ぶ" }).ClickAsync();
        await (await chooser).SetFilesAsync(new FilePayload { Name = "酒ラベル.png", MimeType = "image/png", Buffer = Uploads.Png });
        await Assertions.Expect(worker.GetByText("アップロード済み")).ToBeVisibleAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(worker.GetByRole(AriaRole.Button, new() { Name = "酒ラベル.png をポートフォリオから外す" })).ToBeVisibleAsync();
        await Check(worker, "profile-portfolio");

        var business = await Person(phone: true);
        await SignIn(business, (await SignUp(Role.Business)).Email);
        await business.GotoAsync($"/workers/{workerUser.Id}");
        var image = business.GetByRole(AriaRole.Region, new() { Name = "ポートフォリオ" }).GetByRole(AriaRole.Img, new() { Name = "酒ラベル.png" });
        await Assertions.Expect(image).ToBeVisibleAsync();
        Assert.That(await image.EvaluateAsync<int>("img => img.naturalWidth"), Is.GreaterThan(0), "the image is served to a signed-in business");
        await Check(business, "worker-portfolio");
    }
}
