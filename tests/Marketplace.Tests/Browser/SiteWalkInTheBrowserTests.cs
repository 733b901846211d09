using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>
/// Issue 13's rule for every page: tried on a 360 × 740 phone in both languages. The walk signs in as each role on the
/// demo data (plus a delivery with a long link, an accepted contract, a dispute, a bank account), visits every page of
/// the web client in Japanese and in English, and on each checks that nothing scrolls sideways and that no text of the
/// other language shows outside what users typed (marked <c>data-user-content</c>, or a <c>lang</c> of its own), and
/// saves a full-page screenshot to artifacts/screenshots/{lang}/{role}-{page}.png. It reports every failing page at once.
/// </summary>
public sealed class SiteWalkInTheBrowserTests : BrowserTest
{
    public static string ScreenshotsFolder => Path.Combine(WebClientTests.RepositoryRoot(), "artifacts", "screenshots");

    /// <summary>
    /// Latin words a Japanese page may show outside user content: what Japanese screens write in Latin letters too
    /// (CSV, PDF, URL, API as the names of formats and interfaces), the T of a qualified-invoice number, and names of
    /// things that have no Japanese name (an authenticator app's otpauth link, the Zengin format is Japanese already).
    /// </summary>
    private static readonly string[] LatinAllowedInJapanese = ["CSV", "PDF", "URL", "API", "ID", "SNS", "T", "OK", "Bearer", "https", "http", "otpauth", "QR", "LINE",
        // Products named as they are sold in Japan: authenticator apps, and Illustrator as a skill a designer lists.
        "Google", "Microsoft", "Authenticator", "Illustrator",
        // Terms Japanese business screens write in Latin letters: NDA (秘密保持契約（NDA）, NDAあり, as Lancers writes it), and
        // Webhook (as the services that send them write it in Japanese).
        "NDA", "Webhook",
        // File sizes, in the units Japanese screens write in Latin letters (70 B, 340 KB, 1.2 MB).
        "B", "KB", "MB", "GB"];

    /// <summary>Runs in the page: sideways scroll and every piece of visible text of the other script outside user content.</summary>
    private const string Inspect = """
        ([lang, allowed, entered]) => {
          // What people typed (names, titles, messages…) is theirs, in whatever language, also inside a sentence.
          const strip = text => { for (const e of entered) text = text.split(e).join(' '); return text; };
          const kana = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f\u3005]/;
          const foreign = [];
          const userContent = el => el.closest('[data-user-content], [data-issued-text], script, style, noscript') ||
            [...ancestors(el)].some(a => a !== document.documentElement && a.hasAttribute('lang') && a.getAttribute('lang') !== lang);
          function* ancestors(el) { for (let a = el; a; a = a.parentElement) yield a; }
          const visible = el => { const s = el.closest('select'); return (s ?? el).checkVisibility({ visibilityProperty: true }); };
          const judge = (text, where) => {
            text = strip(text).trim();
            if (!text) return;
            if (lang === 'en') { if (kana.test(text)) foreign.push(`${where}: ${text.slice(0, 80)}`); return; }
            const words = (text.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]/g) ?? []).filter(w => !allowed.includes(w));
            // A URL or an e-mail address is an address, not English.
            const addresses = [...(text.match(/(https?:\/\/|[\w.+-]+@)[^\s]+/g) ?? []), ...(text.match(/\b[0-9a-f]{32}\b/g) ?? [])];
            const rest = words.filter(w => !addresses.some(a => a.includes(w)));
            if (rest.length) foreign.push(`${where}: ${rest.slice(0, 6).join(' ')} in "${text.slice(0, 80)}"`);
          };
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const el = walker.currentNode.parentElement;
            if (!el || userContent(el) || !visible(el)) continue;
            judge(walker.currentNode.textContent, el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''));
          }
          for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title]')) {
            if (userContent(el)) continue;
            for (const a of ['aria-label', 'placeholder', 'title']) if (el.hasAttribute(a)) judge(el.getAttribute(a), `@${a}`);
          }
          const d = document.documentElement;
          return { scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, foreign };
        }
        """;

    private readonly List<string> _failures = [];
    private readonly List<string> _visited = [];
    private string[] _entered = [];

    private sealed record Place(string Name, string Path);

    [Test]
    public async Task Every_page_fits_a_phone_and_speaks_one_language_in_Japanese_and_in_English()
    {
        var ids = await SeedAsync();

        await WalkAsync(null, "visitor",
        [
            new("home", "/"), new("signin", "/signin"), new("signup", "/signup"), new("jobs", "/jobs"),
            new("job", $"/jobs/{ids.OpenJob}"), new("not-found", "/no-such-page"),
            new("forgot-password", "/forgot-password"), new("reset-password", $"/reset-password#token={ids.ResetToken}"),
            new("confirm-email", $"/confirm-email#token={ids.ConfirmToken}"), new("terms-of-use", "/legal/terms"),
            new("privacy-policy", "/legal/privacy"), new("help", "/help"),
        ]);
        // A worker who has just signed up and not yet opened the confirmation mail: the reminder on every page.
        await WalkAsync(ids.Newcomer, "newcomer",
        [
            new("jobs", "/jobs"), new("email-settings", "/settings/email"),
        ], password: Password);
        await WalkAsync("misaki@yuzawa.example", "worker",
        [
            new("jobs", "/jobs"), new("job", $"/jobs/{ids.OpenJob}"), new("job-bid-on", $"/jobs/{ids.LabelJob}"),
            new("saved-searches", "/saved-searches"), new("bids", "/bids"), new("invitations", "/invitations"),
            new("contracts", "/contracts"), new("contract", $"/contracts/{ids.Completed}"), new("terms", $"/contracts/{ids.Completed}/terms"),
            new("profile", "/profile"), new("statement", "/statement"), new("payouts", "/payouts"),
            new("payment-records", "/payment-records"), new("notifications", "/notifications"),
            new("mail-settings", "/settings/notifications"), new("tokens", "/tokens"), new("two-step", "/two-step"),
            new("worker", $"/workers/{ids.Misaki}"), new("email-settings", "/settings/email"), new("accept-terms", "/legal/accept"),
            new("settings", "/settings"), new("help", "/help"), new("ticket", $"/help/tickets/{ids.Ticket}"),
        ]);
        await WalkAsync("kenta@yuzawa.example", "worker2",
        [
            new("contract-delivered", $"/contracts/{ids.Delivered}"),
        ]);
        await WalkAsync("yuki@yuzawa.example", "worker3",
        [
            new("dispute", $"/disputes/{ids.Dispute}"), new("contract-disputed", $"/contracts/{ids.Disputed}"),
        ]);
        await WalkAsync("sake@yuzawa.example", "business",
        [
            new("my-jobs", "/my-jobs"), new("post-job", "/jobs/new"), new("job-with-bids", $"/jobs/{ids.OpenJob}"),
            new("contracts", "/contracts"), new("contract-to-accept", $"/contracts/{ids.Delivered}"),
            new("contract-completed", $"/contracts/{ids.Completed}"), new("producers", "/producers"),
            new("statement", "/statement"), new("payment-records", "/payment-records"), new("notifications", "/notifications"),
            new("worker", $"/workers/{ids.Misaki}"), new("settings", "/settings"), new("help", "/help"),
        ]);
        await WalkAsync("udon@yuzawa.example", "business2",
        [
            new("dispute", $"/disputes/{ids.Dispute}"),
        ]);
        await WalkAsync("producer@yuzawa.example", "producer",
        [
            new("pipeline", "/pipeline"), new("clients", "/producers"), new("post-for-client", "/jobs/new"),
            new("client-job", $"/jobs/{ids.UdonJob}"), new("contracts", "/contracts"), new("statement", "/statement"),
            new("tax-details", "/tax-details"),
        ]);
        // The administrators' area asks for two-step sign-in: the demo's office enrols as the operator would, with an
        // authenticator app, and signs in with its code.
        var office = Browser();
        await Ok(await office.PostAsJsonAsync("/api/auth/login", new { email = "admin@yuzawa.example", password = DemoData.Password }));
        var (secret, _) = await EnrolTwoStep(office);
        await WalkAsync("admin@yuzawa.example", "administrator",
        [
            new("transfers", "/admin/transfers"), new("users", "/admin/users"), new("payout-batches", "/admin/payout-batches"),
            new("payouts-due", "/admin/payouts-due"), new("audit", "/admin/audit"),
            new("admin", "/admin/disputes"), new("admin-dispute", $"/admin/disputes/{ids.Dispute}"), new("jobs", "/jobs"),
            new("notifications", "/notifications"), new("two-step", "/two-step"), new("legal", "/admin/legal"),
            new("tickets", "/admin/tickets"), new("ticket", $"/admin/tickets/{ids.Ticket}"),
        ], twoStepSecret: secret);

        TestContext.Out.WriteLine($"Visited {_visited.Count} pages: {string.Join(", ", _visited)}");
        foreach (var failure in _failures) TestContext.Out.WriteLine($"WALK FAILURE {failure}");
        Assert.That(_visited, Has.Count.GreaterThanOrEqualTo(100), "every page in both languages");
        Assert.That(_failures, Is.Empty, "pages that scroll sideways at 360 px or show the other language outside user content");
    }

    /// <summary>
    /// The findings of issue 13 one by one, on phones: bids as cards with the award button on screen, 検収する confirmed
    /// with the real figures and the tax's due date, the business's statement with its remittance, the job list's folded
    /// filters and cards without 募集中, the unread count on the closed menu's button, and the producer's desk showing the
    /// contract amount and 招待済み after a reload.
    /// </summary>
    [Test]
    public async Task The_findings_of_issue_13_stay_fixed_on_a_phone()
    {
        var ids = await SeedAsync();
        var business = await SignedIn("sake@yuzawa.example");

        await business.GotoAsync($"/jobs/{ids.OpenJob}");
        var card = business.Locator(".bid-cards .card").First;
        await Assertions.Expect(card).ToContainTextAsync("雪と稲穂のモチーフで2案お出しします。");
        await Assertions.Expect(card).ToContainTextAsync("55,000");
        var award = card.GetByRole(AriaRole.Button, new() { Name = "佐藤 美咲さんに発注する" });
        await award.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(award).ToBeInViewportAsync();
        var box = (await award.BoundingBoxAsync())!;
        Assert.That(box.X + box.Width, Is.LessThanOrEqualTo(360), "the award button is inside a 360 px screen");

        // ¥38,000 to 高橋 健太 from a withholding agent: fee ¥3,800, tax ¥38,000 × 10.21% = ¥3,879, net ¥30,321.
        await business.GotoAsync($"/contracts/{ids.Delivered}");
        await business.GetByRole(AriaRole.Button, new() { Name = "検収する", Exact = true }).ClickAsync();
        var confirm = business.GetByRole(AriaRole.Alertdialog);
        // The business escrowed ¥38,000 less the ¥3,879 it withholds and remits itself (issue 27): the dialog says so.
        await Assertions.Expect(confirm).ToContainTextAsync("¥34,121 がエスクローから支払われます。");
        await Assertions.Expect(confirm).ToContainTextAsync("源泉徴収税 ¥3,879 は、あなたが");
        await Assertions.Expect(confirm).ToContainTextAsync("高橋 健太さんへ");
        await Assertions.Expect(confirm).ToContainTextAsync("30,321");
        await Assertions.Expect(confirm).ToContainTextAsync("3,800");
        await Assertions.Expect(confirm).ToContainTextAsync("3,879");
        var japan = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9));
        var due = WithheldTaxDue.For(japan);
        // The date as the words branch writes it (2026年12月10日) or as ui/format.ts writes it today (2026/12/10).
        var dueText = $"({due.Year}年{due.Month}月{due.Day}日|{due.Year}/{due.Month:00}/{due.Day:00})";
        await Assertions.Expect(confirm).ToContainTextAsync(new System.Text.RegularExpressions.Regex($"{dueText} ?までに税務署へ納めます"));

        // The label (¥50,000) was accepted this month: ¥5,105 withheld, due by the 10th of next month.
        await business.GotoAsync("/statement");
        await Assertions.Expect(business.Locator(".totals")).ToContainTextAsync("エスクローに支払った額");
        await Assertions.Expect(business.Locator(".totals")).Not.ToContainTextAsync("差引額");
        await Assertions.Expect(business.Locator("#remit-title ~ ul")).ToContainTextAsync(new System.Text.RegularExpressions.Regex($"{dueText} ?までに [¥￥]5,105 を納付"));
        await Assertions.Expect(business.Locator("input[type=month]")).ToHaveValueAsync($"{japan.Year}-{japan.Month:00}");
        await Assertions.Expect(business.GetByText("この日を含まない")).ToHaveCountAsync(0);
        await Assertions.Expect(business.Locator(".entries")).ToContainTextAsync("エスクローへの支払い");

        var worker = await SignedIn("misaki@yuzawa.example");
        await worker.GotoAsync("/jobs");
        await Assertions.Expect(worker.GetByRole(AriaRole.Searchbox)).ToBeVisibleAsync();
        await Assertions.Expect(worker.GetByLabel("地域", new() { Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(worker.Locator(".cards .card").First).ToBeInViewportAsync();
        await Assertions.Expect(worker.Locator(".cards .card .status")).ToHaveCountAsync(0);
        await Assertions.Expect(worker.Locator(".cards .card .summary").First).ToBeVisibleAsync();
        await Assertions.Expect(worker.Locator(".menu-toggle")).ToContainTextAsync("未読");
        await worker.GetByRole(AriaRole.Button, new() { Name = "絞り込み" }).ClickAsync();
        await Assertions.Expect(worker.GetByLabel("地域", new() { Exact = true })).ToBeVisibleAsync();

        var producer = await SignedIn("producer@yuzawa.example");
        await producer.GotoAsync("/pipeline");
        await Assertions.Expect(producer.Locator("#group-awarded ~ ul")).ToContainTextAsync("契約額");
        await Assertions.Expect(producer.Locator("#group-awarded ~ ul")).ToContainTextAsync("12,000");
        await producer.GotoAsync($"/jobs/{ids.UdonJob}");
        var invite = producer.GetByRole(AriaRole.Button, new() { Name = "高橋 健太", Exact = false });
        await invite.First.ClickAsync();
        await producer.ReloadAsync();
        await Assertions.Expect(producer.GetByText("招待済み")).ToBeVisibleAsync();
    }

    private async Task<IPage> SignedIn(string email)
    {
        var page = await Person(phone: true);
        await page.GotoAsync("/signin");
        await page.GetByLabel("メールアドレス").FillAsync(email);
        await page.GetByLabel("パスワード").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await Assertions.Expect(page.Locator("#main-nav")).ToBeAttachedAsync();
        return page;
    }

    /// <summary>One phone for a person: every page in Japanese, then the switch to English and every page again.</summary>
    private async Task WalkAsync(string? email, string role, Place[] places, string? twoStepSecret = null, string? password = null)
    {
        var page = await Person(phone: true);
        if (email is not null && twoStepSecret is not null)
        {
            // The next step's code: the current one was spent confirming the enrolment.
            await SignInWithCode(page, email, DemoData.Password, TotpNow(twoStepSecret, steps: 1));
            await Assertions.Expect(page.Locator("#main-nav")).ToBeAttachedAsync();
        }
        else if (email is not null)
        {
            await page.GotoAsync("/signin");
            await page.GetByLabel("メールアドレス").FillAsync(email);
            await page.GetByLabel("パスワード").FillAsync(password ?? DemoData.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
            await Assertions.Expect(page.Locator("#main-nav")).ToBeAttachedAsync();
        }
        foreach (var lang in new[] { "ja", "en" })
        {
            if (lang == "en")
            {
                await ChooseLanguage(page, "English");
                await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            }
            foreach (var place in places) await VisitAsync(page, lang, $"{role}-{place.Name}", place.Path);
        }
    }

    private async Task VisitAsync(IPage page, string lang, string name, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator(".pending")).ToHaveCountAsync(0);
        if (await page.Locator("main h1").CountAsync() == 0) _failures.Add($"{lang}/{name} ({path}): no top heading (h1)");
        var folder = Path.Combine(ScreenshotsFolder, lang);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        _visited.Add($"{lang}/{name}");

        var result = await page.EvaluateAsync<JsonElement>(Inspect, new object[] { lang, LatinAllowedInJapanese, _entered });
        var scrollWidth = result.GetProperty("scrollWidth").GetInt32();
        var clientWidth = result.GetProperty("clientWidth").GetInt32();
        if (scrollWidth > clientWidth) _failures.Add($"{lang}/{name} ({path}): scrolls sideways, {scrollWidth} px wide on a {clientWidth} px screen");
        foreach (var text in result.GetProperty("foreign").EnumerateArray())
            _failures.Add($"{lang}/{name} ({path}): {text.GetString()}");
    }

    private sealed record Ids(string OpenJob, string LabelJob, string UdonJob, string Misaki, string Completed, string Delivered, string Dispute,
        string ResetToken, string ConfirmToken, string Newcomer, string Disputed, string Ticket);

    /// <summary>
    /// The demo data, and then what makes every page have content: the label job's bid awarded, delivered and accepted
    /// (a statement, documents, a payout balance), the translation delivered with a long link and waiting for
    /// acceptance, a new open job with a bid, and a transcription contract whose cancellation the worker declined (a
    /// dispute).
    /// </summary>
    private async Task<Ids> SeedAsync()
    {
        await DemoData.SeedAsync(App.Services, App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("demo"));
        var sake = await As("sake@yuzawa.example");
        var misaki = await As("misaki@yuzawa.example");
        var kenta = await As("kenta@yuzawa.example");
        var yuki = await As("yuki@yuzawa.example");
        var udon = await As("udon@yuzawa.example");
        var producer = await As("producer@yuzawa.example");

        var mine = (await Ok(await sake.GetAsync("/api/jobs?mine=true")))["items"]!.AsArray();
        var label = Str(mine.First(j => Str(j!["category"]) == "design")!["id"]);
        var english = Str(mine.First(j => Str(j!["category"]) == "translation")!["id"]);
        var misakiId = Str((await Ok(await misaki.GetAsync("/api/me")))["id"]);

        // The label: awarded to 佐藤 美咲, delivered, accepted (withholding applies: the brewery is a withholding agent).
        var labelBid = (await sake.GetFromJsonAsync<JsonArray>($"/api/jobs/{label}/bids"))!.First()!.AsObject();
        var completed = Id(await Created(await sake.PostAsJsonAsync($"/api/jobs/{label}/award", new { bidId = Id(labelBid) })));
        await Created(await misaki.PostAsJsonAsync($"/api/contracts/{completed}/submissions",
            new { message = "ラベル案を2点お送りします。", links = new[] { "https://example.com/share/label-design-final-version-with-a-very-long-name-2026-winter.pdf" } }));
        await Ok(await sake.PostAsync($"/api/contracts/{completed}/accept", null));
        await Ok(await misaki.PutAsJsonAsync("/api/me/bank-account",
            new { bankCode = "0001", branchCode = "001", accountType = "ordinary", accountNumber = "1234567", holderName = "サトウ ミサキ" }));

        // The translation: delivered with a long link, waiting for the brewery to accept.
        var delivered = Str((await Ok(await kenta.GetAsync("/api/contracts")))["items"]![0]!["id"]);
        await Created(await kenta.PostAsJsonAsync($"/api/contracts/{delivered}/submissions",
            new { message = "英訳をお送りします。", links = new[] { "https://drive.example.com/folders/1A2b3C4d5E6f7G8h9I0jKlMnOpQrStUvWxYz-translation-final" } }));

        // A new open job of the brewery with a bid to compare.
        var open = Id(await Created(await sake.PostAsJsonAsync("/api/jobs", new
        {
            title = "日本酒ラベルのデザイン", description = "新しい純米吟醸のラベル。\n雪国らしい落ち着いた色で、720ml 瓶と一升瓶の2サイズ。",
            category = "design", budgetMin = 30_000, budgetMax = 80_000, deadline = DateTimeOffset.UtcNow.AddDays(20), region = "秋田県湯沢市",
        })));
        await Created(await misaki.PostAsJsonAsync($"/api/jobs/{open}/bids",
            new { amount = 55_000, deliveryDays = 21, message = "雪と稲穂のモチーフで2案お出しします。平日午前に作業します。" }));

        // The transcription: awarded by the producer, then a cancellation the worker declines, which opens a dispute.
        var udonJobs = (await Ok(await udon.GetAsync("/api/jobs?mine=true")))["items"]!.AsArray();
        var transcription = Str(udonJobs.First(j => Str(j!["category"]) == "transcription")!["id"]);
        var writing = Str(udonJobs.First(j => Str(j!["category"]) == "writing")!["id"]);
        var yukiBid = Id(await Created(await yuki.PostAsJsonAsync($"/api/jobs/{transcription}/bids",
            new { amount = 12_000, deliveryDays = 7, message = "秋田弁も聞き取れます。" })));
        var disputed = Id(await Created(await producer.PostAsJsonAsync($"/api/jobs/{transcription}/award", new { bidId = yukiBid })));
        await Done(await udon.PostAsJsonAsync($"/api/contracts/{disputed}/cancellation", new { reason = "音声の公開が中止になりました。", workerShare = 0 }));
        var dispute = Str((await Done(await yuki.PostAsync($"/api/contracts/{disputed}/cancellation/decline", null)))["disputeId"]);
        await Created(await yuki.PostAsJsonAsync($"/api/jobs/{writing}/bids", new { amount = 18_000, deliveryDays = 14, message = "商品の魅力が伝わる文を書きます。" }));
        // The worker's own account of it, with a photo; the business has not given its own yet (the office waits).
        var photo = Id(await Created(await yuki.Upload(Uploads.Png, "録音状況.png")));
        await Created(await yuki.PostAsJsonAsync($"/api/disputes/{dispute}/statements",
            new { body = "録音は予定どおり届き、半分まで文字起こしを済ませていました。", fileIds = new[] { photo } }));

        // 佐藤 美咲's portfolio, and her question to the office.
        var piece = Id(await Created(await misaki.Upload(Uploads.Png, "酒ラベル作品.png")));
        await Ok(await misaki.PutAsJsonAsync("/api/me/worker-profile", new
        {
            bio = "子育て中のデザイナーです。", skills = new[] { "デザイン", "イラスト" }, region = "秋田県湯沢市", weeklyHours = 10,
            availability = "平日 9:00〜12:00", portfolioFileIds = new[] { piece },
        }));
        var ticket = Str((await Created(await misaki.PostAsJsonAsync("/api/contact", new { subject = "振込日について", body = "11月に検収された分はいつ振り込まれますか？" })))["ticket"]!["id"]);

        // Getting back in (issue 27): a reset link asked for by 阿部 由紀, and a newcomer's confirmation link, unopened.
        await Browser().PostAsJsonAsync("/api/auth/password-reset", new { email = "yuki@yuzawa.example" });
        var newcomer = await SignUp(Marketplace.Platform.Role.Worker, "新しい ワーカー", confirmEmail: false);

        _entered = UserEnteredTexts();
        return new Ids(open, label, writing, misakiId, completed, delivered, dispute, MailedTokenTo("yuki@yuzawa.example", "passwordReset"),
            MailedToken(newcomer.Id, "emailConfirmation"), newcomer.Email, disputed, ticket);
    }

    /// <summary>
    /// Every text people entered in the seeded data, whole and line by line, longest first: the walk judges the words
    /// around them, never them.
    /// </summary>
    private string[] UserEnteredTexts()
    {
        using var db = App.OpenDatabase();
        using var command = db.CreateCommand();
        command.CommandText = """
            SELECT display_name FROM users UNION SELECT title FROM jobs UNION SELECT description FROM jobs
            UNION SELECT region FROM jobs WHERE region IS NOT NULL UNION SELECT message FROM bids UNION SELECT message FROM submissions
            UNION SELECT bio FROM worker_profiles UNION SELECT region FROM worker_profiles UNION SELECT availability FROM worker_profiles
            UNION SELECT skill FROM worker_skills UNION SELECT reason FROM cancellations UNION SELECT holder_name FROM bank_accounts
            UNION SELECT body FROM dispute_statements UNION SELECT name FROM files UNION SELECT subject FROM support_tickets
            UNION SELECT body FROM support_tickets
            """;
        var texts = new List<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                if (!reader.IsDBNull(0))
                {
                    var text = reader.GetString(0);
                    texts.Add(text);
                    texts.AddRange(text.Split('\n').Select(l => l.Trim()));
                }
        return texts.Where(t => t.Length > 0).Distinct().OrderByDescending(t => t.Length).ToArray();
    }

    /// <summary>A 2xx answer's JSON (seeding cares that a step worked, not whether it answered 200 or 201).</summary>
    private static async Task<JsonObject> Done(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private async Task<HttpClient> As(string email)
    {
        var http = Browser();
        await Ok(await http.PostAsJsonAsync("/api/auth/login", new { email, password = DemoData.Password }));
        return http;
    }
}
