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
    private static readonly string[] LatinAllowedInJapanese = ["CSV", "PDF", "URL", "API", "ID", "SNS", "T", "OK", "Bearer", "https", "http", "otpauth", "QR", "LINE"];

    /// <summary>Runs in the page: sideways scroll and every piece of visible text of the other script outside user content.</summary>
    private const string Inspect = """
        ([lang, allowed]) => {
          const kana = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f\u3005]/;
          const foreign = [];
          const userContent = el => el.closest('[data-user-content], script, style, noscript') ||
            [...ancestors(el)].some(a => a !== document.documentElement && a.hasAttribute('lang') && a.getAttribute('lang') !== lang);
          function* ancestors(el) { for (let a = el; a; a = a.parentElement) yield a; }
          const visible = el => { const s = el.closest('select'); return (s ?? el).checkVisibility({ visibilityProperty: true }); };
          const judge = (text, where) => {
            text = text.trim();
            if (!text) return;
            if (lang === 'en') { if (kana.test(text)) foreign.push(`${where}: ${text.slice(0, 80)}`); return; }
            const words = (text.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]/g) ?? []).filter(w => !allowed.includes(w));
            // A URL or an e-mail address is an address, not English.
            const addresses = text.match(/(https?:\/\/|[\w.+-]+@)[^\s]+/g) ?? [];
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

    private sealed record Place(string Name, string Path);

    [Test]
    public async Task Every_page_fits_a_phone_and_speaks_one_language_in_Japanese_and_in_English()
    {
        var ids = await SeedAsync();

        await WalkAsync(null, "visitor",
        [
            new("home", "/"), new("signin", "/signin"), new("signup", "/signup"), new("jobs", "/jobs"),
            new("job", $"/jobs/{ids.OpenJob}"), new("not-found", "/no-such-page"),
        ]);
        await WalkAsync("misaki@yuzawa.example", "worker",
        [
            new("jobs", "/jobs"), new("job", $"/jobs/{ids.OpenJob}"), new("job-bid-on", $"/jobs/{ids.LabelJob}"),
            new("saved-searches", "/saved-searches"), new("bids", "/bids"), new("invitations", "/invitations"),
            new("contracts", "/contracts"), new("contract", $"/contracts/{ids.Completed}"), new("terms", $"/contracts/{ids.Completed}/terms"),
            new("profile", "/profile"), new("statement", "/statement"), new("payouts", "/payouts"),
            new("payment-records", "/payment-records"), new("notifications", "/notifications"),
            new("mail-settings", "/settings/notifications"), new("tokens", "/tokens"), new("two-step", "/two-step"),
            new("worker", $"/workers/{ids.Misaki}"),
        ]);
        await WalkAsync("kenta@yuzawa.example", "worker2",
        [
            new("contract-delivered", $"/contracts/{ids.Delivered}"),
        ]);
        await WalkAsync("yuki@yuzawa.example", "worker3",
        [
            new("dispute", $"/disputes/{ids.Dispute}"),
        ]);
        await WalkAsync("sake@yuzawa.example", "business",
        [
            new("my-jobs", "/my-jobs"), new("post-job", "/jobs/new"), new("job-with-bids", $"/jobs/{ids.OpenJob}"),
            new("contracts", "/contracts"), new("contract-to-accept", $"/contracts/{ids.Delivered}"),
            new("contract-completed", $"/contracts/{ids.Completed}"), new("producers", "/producers"),
            new("statement", "/statement"), new("payment-records", "/payment-records"), new("notifications", "/notifications"),
            new("worker", $"/workers/{ids.Misaki}"),
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
        await WalkAsync("admin@yuzawa.example", "administrator",
        [
            new("admin", "/admin/disputes"), new("admin-dispute", $"/admin/disputes/{ids.Dispute}"), new("jobs", "/jobs"),
            new("notifications", "/notifications"), new("two-step", "/two-step"),
        ]);

        TestContext.Out.WriteLine($"Visited {_visited.Count} pages: {string.Join(", ", _visited)}");
        Assert.That(_visited, Has.Count.GreaterThanOrEqualTo(100), "every page in both languages");
        Assert.That(_failures, Is.Empty, "pages that scroll sideways at 360 px or show the other language outside user content");
    }

    /// <summary>One phone for a person: every page in Japanese, then the switch to English and every page again.</summary>
    private async Task WalkAsync(string? email, string role, Place[] places)
    {
        var page = await Person(phone: true);
        if (email is not null)
        {
            await page.GotoAsync("/signin");
            await page.GetByLabel("メールアドレス").FillAsync(email);
            await page.GetByLabel("パスワード").FillAsync(DemoData.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
            await Assertions.Expect(page.Locator("#main-nav")).ToBeAttachedAsync();
        }
        foreach (var lang in new[] { "ja", "en" })
        {
            if (lang == "en")
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
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
        await Assertions.Expect(page.Locator("main h1").First).ToBeVisibleAsync();
        var folder = Path.Combine(ScreenshotsFolder, lang);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        _visited.Add($"{lang}/{name}");

        var result = await page.EvaluateAsync<JsonElement>(Inspect, new object[] { lang, LatinAllowedInJapanese });
        var scrollWidth = result.GetProperty("scrollWidth").GetInt32();
        var clientWidth = result.GetProperty("clientWidth").GetInt32();
        if (scrollWidth > clientWidth) _failures.Add($"{lang}/{name} ({path}): scrolls sideways, {scrollWidth} px wide on a {clientWidth} px screen");
        foreach (var text in result.GetProperty("foreign").EnumerateArray())
            _failures.Add($"{lang}/{name} ({path}): {text.GetString()}");
    }

    private sealed record Ids(string OpenJob, string LabelJob, string UdonJob, string Misaki, string Completed, string Delivered, string Dispute);

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
        await Ok(await udon.PostAsJsonAsync($"/api/contracts/{disputed}/cancellation", new { reason = "音声の公開が中止になりました。", workerShare = 0 }));
        var dispute = Str((await Ok(await yuki.PostAsync($"/api/contracts/{disputed}/cancellation/decline", null)))["disputeId"]);
        await Created(await yuki.PostAsJsonAsync($"/api/jobs/{writing}/bids", new { amount = 18_000, deliveryDays = 14, message = "商品の魅力が伝わる文を書きます。" }));

        return new Ids(open, label, writing, misakiId, completed, delivered, dispute);
    }

    private async Task<HttpClient> As(string email)
    {
        var http = Browser();
        await Ok(await http.PostAsJsonAsync("/api/auth/login", new { email, password = DemoData.Password }));
        return http;
    }
}
