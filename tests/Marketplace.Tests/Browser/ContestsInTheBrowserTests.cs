using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marketplace.Platform;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>
/// Contests (issue 24) on a phone: a designer reads a funded contest's terms (the prize, the deadline, the minimum of
/// entries and the copyright) before entering, enters with an image and sees its preview; after the deadline the
/// business reads three entries with previews, rates one privately and chooses it; the winner sees its contract.
/// Set-up (posting, the administrator confirming the prize's transfer, two other entries) goes through the API.
/// </summary>
public sealed class ContestsInTheBrowserTests : BrowserTest
{
    private ManualClock Time { get; } = new();

    protected override TimeProvider? Clock => Time;

    // The clock moves past the deadline: sessions outlive it, as in the deal's tests.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:SessionIdleHours"] = "10000", ["Auth:SessionLifetimeDays"] = "365",
    };

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private async Task<User> Designer(string name)
    {
        var worker = await SignUp(Role.Worker, name);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills = new[] { "design" }, region = "秋田県湯沢市", weeklyHours = 20, availability = "", isIndividual = true }));
        return worker;
    }

    private static async Task Enter(User worker, string contestId, string note)
    {
        var file = await Created(await worker.Http.Upload(Uploads.Png, "label.png", "image/png"));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contests/{contestId}/entries", new { note, fileIds = new[] { Id(file) } }));
    }

    [Test]
    public async Task A_contest_with_three_entries_and_a_winner_on_a_phone()
    {
        var businessUser = await SignUp(Role.Business, "湯沢酒造");
        await Ok(await businessUser.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        var contest = await Created(await businessUser.Http.PostAsJsonAsync("/api/contests", new
        {
            title = "純米酒のラベル案", description = "新酒「雪の花」のラベルを募集します。白と藍を基調に。", category = "design",
            prize = 50_000, deadline = Time.GetUtcNow().AddDays(7), minimumEntries = 3, copyrightTransfers = true,
        }));
        var id = Id(contest);
        // The administrator confirms the prize's transfer into the contest's escrow, as for any escrow.
        if (!contest["funded"]!.GetValue<bool>())
        {
            var request = await Ok(await businessUser.Http.GetAsync($"/api/jobs/{id}/payment-request"));
            var admin = await Administrator();
            var confirmed = await admin.Http.PostAsync($"/api/payments/{Str(request["paymentId"])}/confirm", null);
            Assert.That((int)confirmed.StatusCode, Is.EqualTo(204));
        }
        await Enter(await Designer("アリス"), id, "藍の一案");
        await Enter(await Designer("ボブ"), id, "白の一案");

        // The third designer finds the contest and reads its terms before entering.
        var carolUser = await Designer("キャロル");
        var carol = await Person(phone: true);
        await SignIn(carol, carolUser.Email);
        await carol.GotoAsync("/contests");
        var open = carol.GetByRole(AriaRole.Region, new() { Name = "応募を受け付けているコンペ" });
        await Assertions.Expect(open.GetByText("賞金 ¥50,000", new() { Exact = false })).ToBeVisibleAsync();
        await Check(carol, "contests-open");
        await open.GetByRole(AriaRole.Link, new() { Name = "純米酒のラベル案" }).ClickAsync();
        var terms = carol.GetByRole(AriaRole.Region, new() { Name = "コンペの条件" });
        await Assertions.Expect(terms).ToContainTextAsync("3件（現在 2件）");
        await Assertions.Expect(terms).ToContainTextAsync("賞金の支払いと同時に発注者へ移ります");
        await Assertions.Expect(terms).ToContainTextAsync("採用されなかった応募作の著作権は、すべて応募者に残ります");
        // Until the winner is chosen, she sees none of the others' entries.
        await Assertions.Expect(carol.GetByText("まだ応募作はありません。")).ToBeVisibleAsync();
        await Check(carol, "contest-terms");

        await carol.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "yuki-no-hana.png", MimeType = "image/png", Buffer = Uploads.Png });
        await Assertions.Expect(carol.GetByText("yuki-no-hana.png", new() { Exact = false }).First).ToBeVisibleAsync();
        await carol.GetByLabel("ひとこと（任意）").FillAsync("雪の結晶を藍で描きました。");
        await Button(carol, "この内容で応募する").ClickAsync();
        await Assertions.Expect(carol.GetByText("応募しました。")).ToBeVisibleAsync();
        var mine = carol.GetByRole(AriaRole.Listitem, new() { Name = "応募作 1" });
        await Assertions.Expect(mine.GetByRole(AriaRole.Img, new() { Name = "yuki-no-hana.png" })).ToBeVisibleAsync();
        await Check(carol, "entry-submitted");

        // After the deadline the business reads the three entries with their previews, rates hers and chooses it.
        Time.Advance(TimeSpan.FromDays(8));
        var business = await Person(phone: true);
        await SignIn(business, businessUser.Email);
        await business.GotoAsync($"/contests/{id}");
        await Assertions.Expect(business.GetByText("採用作の選定中").First).ToBeVisibleAsync();
        var entries = business.GetByRole(AriaRole.Region, new() { Name = "応募作", Exact = true }).Locator("li.card");
        await Assertions.Expect(entries).ToHaveCountAsync(3);
        await Assertions.Expect(business.Locator("img.preview")).ToHaveCountAsync(3);
        var hers = entries.Filter(new() { HasText = "キャロル" });
        await hers.GetByText("評価とメモ（非公開）").ClickAsync();
        await hers.GetByLabel("評価").SelectOptionAsync("5");
        await hers.GetByLabel("メモ").FillAsync("藍が美しい。第一候補。");
        await hers.GetByRole(AriaRole.Button, new() { Name = "評価を保存" }).ClickAsync();
        await Assertions.Expect(hers.GetByText("評価 5（非公開）")).ToBeVisibleAsync();
        await Check(business, "entries-to-choose");

        business.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await hers.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^応募作 \\d を採用する$") }).ClickAsync();
        await Assertions.Expect(business.GetByText("採用作決定").First).ToBeVisibleAsync();
        await Assertions.Expect(business.GetByRole(AriaRole.Link, new() { Name = "採用作の契約を見る" })).ToBeVisibleAsync();
        await Check(business, "winner-chosen");

        // The winner sees that she won, her contract, and now the other entries; the rating stays the business's.
        await carol.ReloadAsync();
        await Assertions.Expect(carol.GetByText("— 採用", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(carol.GetByRole(AriaRole.Link, new() { Name = "採用作の契約を見る" })).ToBeVisibleAsync();
        await Assertions.Expect(carol.GetByText("藍が美しい。", new() { Exact = false })).ToHaveCountAsync(0);
        await Check(carol, "winner-seen");
        var after = await Ok(await carolUser.Http.GetAsync($"/api/contests/{id}"));
        Assert.That(after["entries"]!.AsArray(), Has.Count.EqualTo(3), "once the winner is chosen every entrant reads the others");
        Assert.That(after["contractId"], Is.Not.Null);
    }

    [Test]
    public async Task When_the_business_chooses_none_in_time_the_office_chooses_by_its_ratings_on_a_phone()
    {
        var account = await Marketplace.Accounts.CreateAdministrator.CreateAsync(App.Services, "office@test.example", Password, "運営事務局");
        var office = Browser();
        await Ok(await office.PostAsJsonAsync("/api/auth/login", new { email = account.Email, password = Password }));
        var (secret, _) = await EnrolTwoStep(office);
        var businessUser = await SignUp(Role.Business, "立科りんご園");
        var contest = await Created(await businessUser.Http.PostAsJsonAsync("/api/contests", new
        {
            title = "りんごジュースのロゴ案", description = "高原のりんご園のロゴを募集します。", category = "design",
            prize = 30_000, deadline = Time.GetUtcNow().AddDays(5), minimumEntries = 2, copyrightTransfers = false,
        }));
        var id = Id(contest);
        if (!contest["funded"]!.GetValue<bool>())
        {
            var request = await Ok(await businessUser.Http.GetAsync($"/api/jobs/{id}/payment-request"));
            var confirmed = await office.PostAsync($"/api/payments/{Str(request["paymentId"])}/confirm", null);
            Assert.That((int)confirmed.StatusCode, Is.EqualTo(204), await confirmed.Content.ReadAsStringAsync());
        }
        await Enter(await Designer("アリス"), id, "赤い一案");
        await Enter(await Designer("ボブ"), id, "緑の一案");
        var entries = (await Ok(await businessUser.Http.GetAsync($"/api/contests/{id}")))["entries"]!.AsArray();
        var bobs = Str(entries.Single(e => Str(e!["workerName"]) == "ボブ")!["id"]);
        await Ok(await businessUser.Http.PutAsJsonAsync($"/api/contests/{id}/entries/{bobs}/review", new { rating = 4, comment = "緑が高原らしい" }));

        // The business lets its 14 days pass: the contest waits for the office, which finds it in its area.
        Time.Advance(TimeSpan.FromDays(5 + 14) + TimeSpan.FromMinutes(1));
        var admin = await Person(phone: true);
        await SignInWithCode(admin, account.Email, Password, TotpNow(secret));
        await admin.GotoAsync("/admin/contests");
        var waiting = admin.GetByRole(AriaRole.Region, new() { Name = "選定を待つコンペ" });
        await waiting.GetByRole(AriaRole.Link, new() { Name = "りんごジュースのロゴ案" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("発注者の評価をもとに採用作を選んでください", new() { Exact = false })).ToBeVisibleAsync();
        var cards = admin.GetByRole(AriaRole.Region, new() { Name = "応募作", Exact = true }).Locator("li.card");
        await Assertions.Expect(cards).ToHaveCountAsync(2);
        var rated = cards.Filter(new() { HasText = "ボブ" });
        await Assertions.Expect(rated).ToContainTextAsync("発注者の評価：★★★★ (4/5) — 緑が高原らしい");
        await Assertions.Expect(cards.Filter(new() { HasText = "アリス" })).ToContainTextAsync("発注者の評価：未評価");
        await Check(admin, "contest-to-decide");

        admin.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await rated.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^応募作 \\d を採用する$") }).ClickAsync();
        await Assertions.Expect(admin.GetByText("採用作決定").First).ToBeVisibleAsync();
        Assert.That(Str((await Ok(await businessUser.Http.GetAsync($"/api/contests/{id}")))["winnerEntryId"]), Is.EqualTo(bobs));
        await admin.GotoAsync("/admin/contests");
        await Assertions.Expect(admin.GetByText("選定を待つコンペはありません。")).ToBeVisibleAsync();
    }
}
