using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Marketplace.Platform;
using Microsoft.Playwright;


namespace Marketplace.Tests.Browser;

public sealed partial class MarketplaceInTheBrowserTests : BrowserTest
{
    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static async Task SetUpWorkerProfile(User worker, params string[] skills)
    {
        var response = await worker.Http.PutAsJsonAsync("/api/me/worker-profile", new
        {
            bio = "子育ての合間に在宅でデザインをしています。", skills, region = "秋田県湯沢市", weeklyHours = 12,
            availability = "平日 9:00〜12:00", isIndividual = true,
        });
        response.EnsureSuccessStatusCode();
    }

    [Test]
    public async Task A_job_goes_from_posting_through_a_revision_to_acceptance_and_reviews()
    {
        // The business signs up in the browser, on a desktop.
        var business = await Person();
        await business.GotoAsync("/signup");
        await Check(business, "sign-up");
        await business.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^事業者") }).CheckAsync();
        await business.GetByLabel("表示名").FillAsync("湯沢酒造");
        await business.GetByLabel("メールアドレス").FillAsync("brewery@test.example");
        await business.GetByLabel("パスワード").FillAsync(Password);
        await AgreeToTheTerms(business);
        await Button(business, "新規登録").ClickAsync();
        // A new business lands on how it works, with 仕事を依頼する (issue 13), and is asked to confirm its address (issue 27).
        await Assertions.Expect(business.GetByRole(AriaRole.Heading, new() { Name = "仕事を依頼してみましょう" })).ToBeVisibleAsync();
        await Assertions.Expect(business.GetByText("メールアドレス（brewery@test.example）の確認がまだです", new() { Exact = false })).ToBeVisibleAsync();
        await Check(business, "welcome-business");
        await ConfirmEmailAsItsOwner(business, "brewery@test.example");
        await Check(business, "email-confirmed");
        await business.GetByRole(AriaRole.Link, new() { Name = "トップへ" }).ClickAsync();
        await Assertions.Expect(business.GetByText("の確認がまだです", new() { Exact = false })).ToHaveCountAsync(0);

        await business.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "仕事を依頼する" }).ClickAsync();
        await Check(business, "post-job");
        await business.GetByLabel("件名").FillAsync("純米酒のラベルデザイン");
        await business.GetByLabel("分野").SelectOptionAsync("design");
        await business.GetByLabel("仕事の内容", new() { Exact = true }).FillAsync("雪と稲穂のモチーフで、720ml 瓶のラベルを。");
        await business.GetByLabel("予算の下限（円）").FillAsync("30000");
        await business.GetByLabel("予算の上限（円）").FillAsync("80000");
        await business.GetByLabel("地域（任意）").FillAsync("秋田県湯沢市");
        await Button(business, "登録する").ClickAsync();
        await Assertions.Expect(business.GetByRole(AriaRole.Heading, new() { Name = "純米酒のラベルデザイン" })).ToBeVisibleAsync();
        await Check(business, "job-posted");

        // The worker, on a phone, finds the job by a word and bids.
        var workerUser = await SignUp(Role.Worker, "佐藤みさき");
        await SetUpWorkerProfile(workerUser, "デザイン", "Illustrator");
        var worker = await Person(phone: true);
        await SignIn(worker, workerUser.Email);
        await Check(worker, "jobs");
        await worker.GetByLabel("キーワード").FillAsync("ラベル");
        await Button(worker, "検索").ClickAsync();
        await worker.GetByRole(AriaRole.Link, new() { Name = "純米酒のラベルデザイン" }).ClickAsync();
        await Check(worker, "job-for-worker");
        await worker.GetByLabel("金額（円）").FillAsync("50000");
        await worker.GetByLabel("納品までの日数").FillAsync("10");
        await worker.GetByLabel("メッセージ").FillAsync("酒蔵のラベル制作の経験があります。平日午前に作業します。");
        await Button(worker, "応募する").ClickAsync();
        await Assertions.Expect(worker.GetByText("応募しました。")).ToBeVisibleAsync();
        await Check(worker, "bid-placed");

        // The business compares bids and awards, after confirming.
        await business.ReloadAsync();
        await Assertions.Expect(business.GetByRole(AriaRole.Cell, new() { Name = "佐藤みさき", Exact = true })).ToBeVisibleAsync();
        await Button(business, "佐藤みさきさんに発注する").ClickAsync();
        await Assertions.Expect(business.GetByText("佐藤みさきさんに ¥50,000 で発注します。", new() { Exact = false })).ToBeVisibleAsync();
        await Check(business, "award-confirm");
        await Button(business, "発注を確定する").ClickAsync();
        await Assertions.Expect(business.Locator(".meta .status").First).ToHaveTextAsync("発注済み");
        // The page says what comes next: the payment into escrow (confirmed at once here), and the new contract.
        await Assertions.Expect(business.Locator(".next-step")).ToContainTextAsync("エスクローへの支払いは確認済みです。");
        await Assertions.Expect(business.GetByRole(AriaRole.Link, new() { Name = "契約のページへ" })).ToBeVisibleAsync();

        // The worker delivers.
        await worker.GotoAsync("/contracts");
        await Check(worker, "contracts");
        await worker.GetByRole(AriaRole.Link, new() { Name = "純米酒のラベルデザイン" }).ClickAsync();
        await Check(worker, "contract-to-deliver");
        var contractUrl = worker.Url;
        await worker.GetByLabel("納品メッセージ").FillAsync("ラベル案を2点お送りします。");
        await worker.GetByLabel("納品物のリンク（任意）").FillAsync("https://example.com/label-v1.pdf");
        await Button(worker, "納品する").ClickAsync();
        await Assertions.Expect(worker.Locator(".meta .status").First).ToHaveTextAsync("納品済み");

        // The business asks for a revision.
        await business.GotoAsync(contractUrl);
        await Check(business, "submission-to-review");
        await business.Locator("summary", new() { HasText = "検収せずに修正を依頼する" }).ClickAsync();
        await business.GetByLabel("修正してほしい点").FillAsync("稲穂をもう少し大きくしてください。");
        await Button(business, "修正を依頼する").ClickAsync();
        await Assertions.Expect(business.Locator(".meta .status").First).ToHaveTextAsync("修正依頼あり");

        // The worker sees the request in the timeline and resubmits.
        await worker.ReloadAsync();
        await Assertions.Expect(worker.GetByText("稲穂をもう少し大きくしてください。")).ToBeVisibleAsync();
        await Assertions.Expect(worker.GetByRole(AriaRole.Heading, new() { Name = "修正して再納品する" })).ToBeVisibleAsync();
        await Check(worker, "revision-requested");
        await worker.GetByLabel("納品メッセージ").FillAsync("稲穂を大きくした版です。");
        await Button(worker, "納品する").ClickAsync();
        await Assertions.Expect(worker.Locator(".meta .status").First).ToHaveTextAsync("納品済み");

        // The business accepts, which releases the payment, and reviews the worker.
        await business.ReloadAsync();
        // Before 検収する the business is told what is released to whom.
        await Button(business, "検収する").ClickAsync();
        var confirmation = business.GetByRole(AriaRole.Alertdialog);
        await Assertions.Expect(confirmation).ToContainTextAsync("佐藤みさきさんへ");
        await Assertions.Expect(confirmation).ToContainTextAsync("45,000");
        await Button(business, "検収して支払う").ClickAsync();
        await Assertions.Expect(business.Locator(".meta .status").First).ToHaveTextAsync("完了");
        await Assertions.Expect(business.GetByText("ワーカーへの支払いが確定")).ToBeVisibleAsync();
        await Check(business, "accepted");
        await business.GetByLabel("コメント（任意）").FillAsync("丁寧で早い対応でした。");
        // No stars are chosen for the reader: sending without them asks for them.
        await Button(business, "評価を送る").ClickAsync();
        await Assertions.Expect(business.GetByText("星の数を選んでください。")).ToBeVisibleAsync();
        await business.GetByRole(AriaRole.Radio, new() { Name = "★5" }).CheckAsync();
        await Button(business, "評価を送る").ClickAsync();
        await Assertions.Expect(business.GetByText("湯沢酒造さんの評価（★5）")).ToBeVisibleAsync();

        // The worker reviews the client and reads the earnings statement.
        await worker.ReloadAsync();
        await Check(worker, "review-the-client");
        await worker.GetByRole(AriaRole.Radio, new() { Name = "★4" }).CheckAsync();
        await Button(worker, "評価を送る").ClickAsync();
        await Assertions.Expect(worker.GetByText("佐藤みさきさんの評価（★4）")).ToBeVisibleAsync();
        await worker.GotoAsync("/statement");
        await Assertions.Expect(worker.Locator(".totals")).ToContainTextAsync("¥45,000"); // 50,000 less the 10% platform fee
        await Check(worker, "statement");
    }

    [Test]
    public async Task A_producer_posts_a_job_for_its_client_and_invites_a_recommended_worker()
    {
        var clientUser = await SignUp(Role.Business, "湯沢うどん");
        var producerUser = await SignUp(Role.Producer, "高橋プロデューサー");
        var workerUser = await SignUp(Role.Worker, "鈴木けんた");
        await SetUpWorkerProfile(workerUser, "デザイン");

        // The business links the producer and lets it post and award.
        var client = await Person();
        await SignIn(client, clientUser.Email);
        await client.GotoAsync("/producers");
        await client.GetByLabel("プロデューサーのメールアドレス").FillAsync(producerUser.Email);
        await client.GetByLabel("代わりに発注してよい").CheckAsync();
        await Button(client, "連携を申し込む").ClickAsync();
        await Assertions.Expect(client.GetByText("承認待ち")).ToBeVisibleAsync();
        await Check(client, "producer-linked");

        // The producer accepts, posts a job for the client and invites the recommended worker.
        var producer = await Person();
        await SignIn(producer, producerUser.Email);
        await Check(producer, "pipeline-empty");
        await producer.GotoAsync("/producers");
        await Button(producer, "承認する").ClickAsync();
        await Assertions.Expect(producer.GetByText("有効")).ToBeVisibleAsync();
        await Check(producer, "clients");
        await producer.GotoAsync("/jobs/new");
        await Assertions.Expect(producer.GetByLabel("クライアント")).ToHaveValueAsync(clientUser.Id);
        await Check(producer, "post-for-client");
        await producer.GetByLabel("件名").FillAsync("稲庭うどんの店頭ポスター");
        await producer.GetByLabel("分野").SelectOptionAsync("design");
        await producer.GetByLabel("仕事の内容", new() { Exact = true }).FillAsync("A2 サイズのポスター。写真はこちらで用意します。");
        await producer.GetByLabel("予算の下限（円）").FillAsync("20000");
        await producer.GetByLabel("予算の上限（円）").FillAsync("40000");
        await producer.GetByLabel("地域（任意）").FillAsync("秋田県湯沢市");
        await producer.GetByLabel(new Regex("^プロデューサーの品質確認")).CheckAsync();
        await Button(producer, "登録する").ClickAsync();
        await Assertions.Expect(producer.GetByRole(AriaRole.Heading, new() { Name = "おすすめのワーカー" })).ToBeVisibleAsync();
        await Assertions.Expect(producer.GetByText("デザインのスキルあり")).ToBeVisibleAsync();
        await Assertions.Expect(producer.GetByText("仕事と同じ地域（秋田県湯沢市）")).ToBeVisibleAsync();
        await Check(producer, "recommended-workers");
        await Button(producer, "鈴木けんたさんを招待する").ClickAsync();
        await Assertions.Expect(producer.GetByText("招待しました。")).ToBeVisibleAsync();

        await producer.GotoAsync("/pipeline");
        await Assertions.Expect(producer.GetByRole(AriaRole.Link, new() { Name = "稲庭うどんの店頭ポスター" })).ToBeVisibleAsync();
        await Check(producer, "pipeline");

        // The worker finds the invitation.
        var worker = await Person(phone: true);
        await SignIn(worker, workerUser.Email);
        await worker.GotoAsync("/invitations");
        await Assertions.Expect(worker.GetByRole(AriaRole.Link, new() { Name = "稲庭うどんの店頭ポスター" })).ToBeVisibleAsync();
        await Assertions.Expect(worker.GetByText("高橋プロデューサーさん（プロデューサー）から")).ToBeVisibleAsync();
        await Check(worker, "invitations");
    }

    [Test]
    public async Task The_language_switch_changes_the_page_to_English_and_is_remembered()
    {
        var page = await Person(phone: true);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("地域の仕事を、家から。");
        await Check(page, "home-ja");

        await ChooseLanguage(page, "English");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Local work, from home.");
        Assert.That(await page.EvaluateAsync<string>("() => document.documentElement.lang"), Is.EqualTo("en"));

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Local work, from home.");
        await page.GotoAsync("/signin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
        await Check(page, "sign-in-en");

        // A refused sign-in is worded in the chosen language too.
        await page.GetByLabel("Email").FillAsync("nobody@test.example");
        await page.GetByLabel("Password").FillAsync("wrong password 123");
        await Button(page, "Sign in").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is wrong.");

        await ChooseLanguage(page, "日本語");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ログイン");
    }

    [Test]
    public async Task A_worker_finds_a_job_and_bids_with_the_keyboard_alone()
    {
        var businessUser = await SignUp(Role.Business, "湯沢観光協会");
        var job = await PostJob(businessUser, NewJob(title: "観光パンフレットの英訳", category: "translation"));
        var workerUser = await SignUp(Role.Worker, "田中ゆき");
        // With a profile: a worker without one is led to fill it in first (WordsInTheBrowserTests).
        await SetUpWorkerProfile(workerUser, "英訳");

        var page = await Person();
        await page.GotoAsync("/signin");
        await TabTo(page, "input[type=email]");
        await page.Keyboard.TypeAsync(workerUser.Email);
        await TabTo(page, "input[type=password]");
        await page.Keyboard.TypeAsync(Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "募集中の仕事" })).ToBeVisibleAsync();

        await TabTo(page, $"a[href='/jobs/{Id(job)}']");
        Assert.That(await FocusIsVisible(page), Is.True, "the focused link shows a focus ring");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "観光パンフレットの英訳" })).ToBeVisibleAsync();

        await TabTo(page, "form input[type=number]");
        Assert.That(await FocusIsVisible(page), Is.True, "the focused field shows a focus ring");
        await page.Keyboard.TypeAsync("40000");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("7");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("英日翻訳を10年しています。");
        await TabTo(page, "form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("応募しました。")).ToBeVisibleAsync();
        await Check(page, "bid-by-keyboard");

        var bids = await businessUser.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/jobs/{Id(job)}/bids");
        Assert.That(bids!.Select(b => (long)b!["amount"]!), Is.EqualTo(new[] { 40_000L }));
    }

    [Test]
    public async Task A_person_sets_up_two_step_sign_in_and_signs_in_with_a_recovery_code()
    {
        var user = await SignUp(Role.Worker, "阿部ゆき");
        var page = await Person(phone: true);
        await SignIn(page, user.Email);
        await Check(page, "sign-in-code-field");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^メニュー") }).ClickAsync();
        // Two-step sign-in is under 設定 (issue 27: the menu keeps to everyday work).
        await page.GetByRole(AriaRole.Link, new() { Name = "設定" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "2段階認証" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2段階認証", Level = 1 })).ToBeVisibleAsync();
        await Check(page, "two-step");

        await Button(page, "設定を始める").ClickAsync();
        var secret = (await page.GetByTestId("two-step-secret").TextContentAsync())!.Trim();
        // The QR code is drawn on a canvas (a data: image would break img-src 'self'): some of its pixels are dark.
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "認証アプリに登録するQRコード" });
        await Assertions.Expect(qr).ToBeVisibleAsync();
        await page.WaitForFunctionAsync(
            "() => { const c = document.querySelector('canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; for (let i = 0; i < d.length; i += 4) if (d[i] < 128) return true; return false; }");
        await Check(page, "two-step-scan");

        await page.GetByLabel("認証アプリの6桁のコード").FillAsync(TotpNow(secret));
        await Button(page, "確認して有効にする").ClickAsync();
        var codes = page.GetByTestId("recovery-codes").Locator("code");
        await Assertions.Expect(codes).ToHaveCountAsync(10);
        await Check(page, "two-step-recovery-codes");
        var recovery = (await codes.First.TextContentAsync())!.Trim();

        // Signing in now needs a code: the right password without one asks for it, never "wrong password" (issue 27);
        // a recovery code works.
        var again = await Person();
        await SignInWithCode(again, user.Email, Password, recovery);
        await Assertions.Expect(again.GetByText("メールアドレスかパスワードが違います。")).ToHaveCountAsync(0);
        await Assertions.Expect(again.Locator("#main-nav")).ToBeAttachedAsync();
        await Check(again, "signed-in-with-recovery-code");
    }
}
