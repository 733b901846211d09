using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Platform;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>
/// Issue 13, "Knowing where you are" and "Words and formats", on a 360 px phone in both languages: a bid already
/// sent shows 応募済み (also after a reload), notifications name the job and the other party, a new account lands on
/// its first step, the business's withholding setting has a page, the title follows the page and the language, the
/// site can be added to a home screen, and axe's heading-order and landmark-unique findings are gone.
/// </summary>
public sealed class WordsInTheBrowserTests : BrowserTest
{
    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });


    /// <summary>axe's moderate rules the issue names: heading levels in order, and landmarks (regions) with unique names.</summary>
    private static async Task NoHeadingOrLandmarkFindings(IPage page)
    {
        var found = await page.EvaluateAsync<JsonElement>(
            """
            async () => (await axe.run(document, { runOnly: ['heading-order', 'landmark-unique'] })).violations
              .map(v => ({ id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))
            """);
        Assert.That(found.GetArrayLength(), Is.Zero, $"axe heading-order / landmark-unique on {page.Url}: {found}");
    }

    private static async Task English(IPage page) => await ChooseLanguage(page, "English");
    private static async Task Japanese(IPage page) => await ChooseLanguage(page, "日本語");

    [Test]
    public async Task A_worker_on_a_phone_bids_once_and_the_job_then_says_so_in_both_languages()
    {
        var business = await SignUp(Role.Business, "湯沢酒造");
        var job = await PostJob(business, NewJob("日本酒ラベルのデザイン", budgetMin: 30_000, budgetMax: 55_000));
        await PostJob(business, NewJob("観光パンフレットの英訳", category: "translation"));
        var workerUser = await SignUp(Role.Worker, "佐藤 美咲");
        (await workerUser.Http.PutAsJsonAsync("/api/me/worker-profile", new
        {
            bio = "子育て中のデザイナーです。", skills = new[] { "design", "illustration" }, region = "秋田県湯沢市", weeklyHours = 12,
            availability = "平日 9:00〜12:00", isIndividual = true,
        })).EnsureSuccessStatusCode();

        var worker = await Person(phone: true);
        await SignIn(worker, workerUser.Email);
        await Assertions.Expect(worker.GetByRole(AriaRole.Heading, new() { Name = "募集中の仕事", Level = 1 })).ToBeVisibleAsync();
        // Budgets read ¥30,000〜¥55,000 (never the full-width ￥); job titles are h2 under the h1.
        await Assertions.Expect(worker.GetByText("¥30,000〜¥55,000")).ToBeVisibleAsync();
        await Assertions.Expect(worker.GetByText("￥", new() { Exact = false })).ToHaveCountAsync(0);
        await Assertions.Expect(worker.GetByRole(AriaRole.Heading, new() { Name = "日本酒ラベルのデザイン", Level = 2 })).ToBeVisibleAsync();
        await NoHeadingOrLandmarkFindings(worker);
        await Check(worker, "jobs-ja");
        await Assertions.Expect(worker).ToHaveTitleAsync("募集中の仕事 | 地域しごとマーケット");

        await worker.GetByRole(AriaRole.Link, new() { Name = "日本酒ラベルのデザイン" }).ClickAsync();
        await Assertions.Expect(worker).ToHaveTitleAsync("日本酒ラベルのデザイン | 地域しごとマーケット");
        await worker.GetByLabel("金額（円）").FillAsync("45000");
        await worker.GetByLabel("納品までの日数").FillAsync("21");
        await worker.GetByLabel("メッセージ").FillAsync("酒蔵のラベル制作の経験があります。");
        await Button(worker, "応募する").ClickAsync();
        var applied = worker.GetByRole(AriaRole.Region, new() { Name = "応募済み" });
        await Assertions.Expect(applied).ToContainTextAsync("金額 ¥45,000・納期 21日で応募しています");

        // After a reload the job still says 応募済み with the bid, not the form again.
        await worker.ReloadAsync();
        await Assertions.Expect(applied).ToContainTextAsync("酒蔵のラベル制作の経験があります。");
        await Assertions.Expect(worker.GetByLabel("金額（円）")).ToHaveCountAsync(0);
        await Assertions.Expect(worker.GetByRole(AriaRole.Button, new() { Name = "応募を取り下げる" })).ToBeVisibleAsync();
        await Check(worker, "job-applied-ja");

        await English(worker);
        await Assertions.Expect(worker).ToHaveTitleAsync("日本酒ラベルのデザイン | Regional Work Market");
        await Assertions.Expect(worker.GetByRole(AriaRole.Region, new() { Name = "Bid sent" })).ToContainTextAsync("You bid ¥45,000 with delivery in 21 days on");
        await Assertions.Expect(worker.GetByText("¥30,000–¥55,000").First).ToBeVisibleAsync();
        await Check(worker, "job-applied-en");

        // Withdrawing brings the form back.
        worker.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "Withdraw the bid" }).ClickAsync();
        await Assertions.Expect(worker.GetByText("Your bid was withdrawn. You can bid again.")).ToBeVisibleAsync();
        await Assertions.Expect(worker.GetByLabel("Amount (yen)")).ToBeVisibleAsync();
        await Japanese(worker);

        // My bids label the days: 納期 21日, not a bare 21日 that reads as a date.
        await worker.GotoAsync("/bids");
        await Assertions.Expect(worker.GetByText("納期 21日")).ToBeVisibleAsync();
        await Check(worker, "my-bids-ja");
    }

    [Test]
    public async Task Notifications_name_the_job_and_the_other_party_and_link_to_it()
    {
        var businessUser = await SignUp(Role.Business, "湯沢酒造");
        var producerUser = await SignUp(Role.Producer, "菅原");
        var link = await Created(await businessUser.Http.PostAsJsonAsync("/api/producer-links",
            new { producerEmail = producerUser.Email, canPostJobs = true, canAward = true, feeRate = 0.05m }));
        (await producerUser.Http.PostAsync($"/api/producer-links/{Id(link)}/accept", null)).EnsureSuccessStatusCode();
        var job = await PostJob(businessUser, NewJob("日本酒ラベルのデザイン"));
        var misaki = await SignUp(Role.Worker, "佐藤 美咲");
        var kenta = await SignUp(Role.Worker, "高橋 健太");
        (await producerUser.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/invitations", new { workerId = kenta.Id })).EnsureSuccessStatusCode();
        await PlaceBid(misaki, Id(job));
        await PlaceBid(kenta, Id(job), 48_000);

        var business = await Person(phone: true);
        await SignIn(business, businessUser.Email);
        await business.GotoAsync("/notifications");
        var bids = business.GetByRole(AriaRole.Link, new() { Name = "「日本酒ラベルのデザイン」に応募がありました" });
        await Assertions.Expect(bids).ToHaveCountAsync(2);
        await Assertions.Expect(business.GetByText("佐藤 美咲さん（ワーカー）")).ToBeVisibleAsync();
        await Assertions.Expect(business.GetByText("高橋 健太さん（ワーカー）")).ToBeVisibleAsync();
        await Check(business, "notifications-ja");
        await English(business);
        await Assertions.Expect(business.GetByRole(AriaRole.Link, new() { Name = "New bid on “日本酒ラベルのデザイン”" })).ToHaveCountAsync(2);
        await Assertions.Expect(business.GetByText("佐藤 美咲 (Worker)")).ToBeVisibleAsync();
        await Check(business, "notifications-en");
        await Japanese(business);
        await bids.First.ClickAsync();
        await Assertions.Expect(business).ToHaveURLAsync(new Regex($"/jobs/{Id(job)}$"));
        // The bids table's scrolling region is named apart from the bids section.
        await NoHeadingOrLandmarkFindings(business);

        // The invited worker reads who invited, as what.
        var worker = await Person(phone: true);
        await SignIn(worker, kenta.Email);
        await worker.GotoAsync("/invitations");
        await Assertions.Expect(worker.GetByText("菅原さん（プロデューサー）から")).ToBeVisibleAsync();
        await Check(worker, "invitations-ja");
        await worker.GotoAsync("/notifications");
        await Assertions.Expect(worker.GetByRole(AriaRole.Link, new() { Name = "「日本酒ラベルのデザイン」への応募に招待されました" })).ToBeVisibleAsync();
        await Assertions.Expect(worker.GetByText("菅原さん（プロデューサー）")).ToBeVisibleAsync();
    }

    [Test]
    public async Task New_accounts_land_on_their_first_step_and_a_business_finds_its_withholding_setting()
    {
        // A new business: how it works and 仕事を依頼する.
        var business = await Person(phone: true);
        await business.GotoAsync("/signup");
        await Assertions.Expect(business.GetByRole(AriaRole.Group, new() { Name = "登録の種類" })).ToBeVisibleAsync();
        await business.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^事業者") }).CheckAsync();
        await business.GetByLabel("表示名").FillAsync("湯沢酒造");
        await business.GetByLabel("メールアドレス").FillAsync("brewery@words.example");
        await business.GetByLabel("パスワード").FillAsync(Password);
        await AgreeToTheTerms(business);
        await Button(business, "新規登録").ClickAsync();
        await Assertions.Expect(business.GetByRole(AriaRole.Heading, new() { Name = "仕事を依頼してみましょう", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(business.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "仕事を依頼する" })).ToBeVisibleAsync();
        await Check(business, "welcome-business-ja");
        await English(business);
        await Assertions.Expect(business.GetByRole(AriaRole.Heading, new() { Name = "Post your first job", Level = 1 })).ToBeVisibleAsync();
        await Check(business, "welcome-business-en");
        await Japanese(business);

        // The menu names the person once, on the sign-out item.
        await Button(business, "メニュー").ClickAsync();
        var nav = business.Locator("#main-nav");
        await Assertions.Expect(nav.GetByRole(AriaRole.Button, new() { Name = "ログアウト（湯沢酒造）" })).ToBeVisibleAsync();
        Assert.That(Regex.Matches(await nav.InnerTextAsync(), "湯沢酒造").Count, Is.EqualTo(1), "the name shows once in the menu");
        await Check(business, "menu-open-ja");

        // Its withholding setting, in plain words, saved and read back.
        // The business's own details are under 設定 (issue 27: its menu fits one row on a laptop).
        await nav.GetByRole(AriaRole.Link, new() { Name = "設定" }).ClickAsync();
        await business.GetByRole(AriaRole.Link, new() { Name = "事業者の設定" }).ClickAsync();
        await Assertions.Expect(business.GetByRole(AriaRole.Heading, new() { Name = "事業者の設定", Level = 1 })).ToBeVisibleAsync();
        var agent = business.GetByRole(AriaRole.Checkbox, new() { Name = "報酬から源泉徴収税を差し引いて納める" });
        await Assertions.Expect(agent).Not.ToBeCheckedAsync();
        await Assertions.Expect(business.GetByText("翌月10日までに税務署に納めます", new() { Exact = false })).ToBeVisibleAsync();
        await agent.CheckAsync();
        await Button(business, "保存する").ClickAsync();
        await Assertions.Expect(business.GetByRole(AriaRole.Status)).ToHaveTextAsync("保存しました。");
        await business.ReloadAsync();
        await Assertions.Expect(agent).ToBeCheckedAsync();
        await Check(business, "business-profile-ja");
        await English(business);
        await Assertions.Expect(business.GetByRole(AriaRole.Checkbox, new() { Name = "We withhold income tax from the pay and remit it" })).ToBeCheckedAsync();
        await Check(business, "business-profile-en");
        await Japanese(business);

        // Taking the same address again says so, under the field.
        var again = await Person(phone: true);
        await again.GotoAsync("/signup");
        await again.GetByLabel("表示名").FillAsync("もう一人");
        await again.GetByLabel("メールアドレス").FillAsync("brewery@words.example");
        await again.GetByLabel("パスワード").FillAsync(Password);
        await AgreeToTheTerms(again);
        await Button(again, "新規登録").ClickAsync();
        await Assertions.Expect(again.GetByText("このメールアドレスはもう登録されています", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(again.GetByLabel("メールアドレス")).ToHaveAttributeAsync("aria-invalid", "true");
        await Check(again, "sign-up-email-taken");

        // A new producer: how a client links.
        var producerUser = await SignUp(Role.Producer, "菅原");
        var producer = await Person(phone: true);
        await SignIn(producer, producerUser.Email);
        await Assertions.Expect(producer.GetByRole(AriaRole.Heading, new() { Name = "クライアントとつながりましょう", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(producer.GetByText(producerUser.Email, new() { Exact = false })).ToBeVisibleAsync();
        await Check(producer, "welcome-producer-ja");

        // A new worker: the profile first, with why, and no error before anything is typed.
        var workerUser = await SignUp(Role.Worker, "佐藤 美咲");
        var worker = await Person(phone: true);
        await SignIn(worker, workerUser.Email);
        await Assertions.Expect(worker).ToHaveURLAsync(new Regex("/profile$"));
        await Assertions.Expect(worker.GetByText("プロフィールを入れると、あなたに合う仕事が届きます。")).ToBeVisibleAsync();
        await Assertions.Expect(worker.Locator(".field-error")).ToHaveCountAsync(0);
        await Check(worker, "welcome-worker-profile-ja");
        await English(worker);
        await Assertions.Expect(worker.GetByText("With a profile, jobs that suit you find you.")).ToBeVisibleAsync();
        await Check(worker, "welcome-worker-profile-en");
    }

    [Test]
    public async Task The_site_can_be_added_to_a_home_screen()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var manifest = await http.GetAsync("/manifest.webmanifest");
        Assert.That(manifest.IsSuccessStatusCode, Is.True);
        Assert.That(manifest.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/manifest+json"));
        var json = JsonDocument.Parse(await manifest.Content.ReadAsStringAsync()).RootElement;
        Assert.That(json.GetProperty("name").GetString(), Is.EqualTo("地域しごとマーケット"));
        Assert.That(json.GetProperty("theme_color").GetString(), Is.EqualTo("#1f4e79"));
        foreach (var icon in json.GetProperty("icons").EnumerateArray())
        {
            var file = await http.GetAsync(icon.GetProperty("src").GetString());
            Assert.That(file.IsSuccessStatusCode, Is.True, icon.ToString());
            Assert.That(file.Content.Headers.ContentType?.MediaType, Is.EqualTo(icon.GetProperty("type").GetString()), icon.ToString());
        }
        var png = await (await http.GetAsync("/icon-512.png")).Content.ReadAsByteArrayAsync();
        Assert.That(png[..8], Is.EqualTo(new byte[] { 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a }), "a PNG file");
        Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), Is.EqualTo(512), "512 px wide");

        var page = await Person(phone: true);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("link[rel=manifest]")).ToHaveAttributeAsync("href", "/manifest.webmanifest");
        await Assertions.Expect(page.Locator("link[rel=icon]").First).ToHaveAttributeAsync("href", "/icon.svg");
        await Assertions.Expect(page).ToHaveTitleAsync("地域の仕事を、家から。 | 地域しごとマーケット");
    }
}
