using System.Net.Http.Json;
using Marketplace.Platform;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>
/// Issue 29, tried as a verified worker would on a phone: the board's beginner filter finds a confidential beginner job
/// marked 初心者歓迎; its page shows the NDA before the full description; once accepted, the full description and the
/// file are there, and the worker bids.
/// </summary>
public sealed class NdaJobInTheBrowserTests : BrowserTest
{
    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Test]
    public async Task A_verified_worker_accepts_a_jobs_nda_reads_its_full_description_and_bids_on_a_phone()
    {
        var business = await SignUp(Role.Business, "佐久精機");
        var file = await Created(await business.Http.Upload(Uploads.Pdf, "仕様書.pdf"));
        await Created(await business.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "社内文書の翻訳", description = "製造業の社内文書（概要）", fullDescription = "新製品Xの仕様書10ページの英訳",
            category = "translation", budgetMin = 30_000, budgetMax = 80_000, deadline = DateTimeOffset.UtcNow.AddDays(30),
            region = "長野県", nda = "template", verifiedOnly = true, beginners = true, fileIds = new[] { Id(file) },
        }));
        await Created(await business.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "英文契約書の翻訳", description = "経験者向けの契約書翻訳", category = "translation",
            budgetMin = 50_000, budgetMax = 90_000, deadline = DateTimeOffset.UtcNow.AddDays(30), region = "長野県",
        }));

        // A worker whose identity an administrator checked (a worker of no programme).
        var workerUser = await SignUp(Role.Worker, "阿部 由紀");
        await Ok(await workerUser.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "翻訳の研修を修了しました。", skills = new[] { "翻訳" }, region = "長野県立科町", weeklyHours = 10, availability = "平日" }));
        var licence = await Created(await workerUser.Http.Upload(Uploads.Png, "licence.png"));
        var check = await Created(await workerUser.Http.PostAsJsonAsync("/api/identity-checks", new { fileId = Id(licence), documentType = "driversLicence" }));
        var admin = await Administrator();
        await Ok(await admin.Http.PostAsJsonAsync($"/api/identity-checks/{Id(check)}/decide", new { verified = true, documentType = "driversLicence" }));

        var worker = await Person(phone: true);
        await SignIn(worker, workerUser.Email);
        await worker.GotoAsync("/jobs");
        await Button(worker, "絞り込み").ClickAsync();
        await worker.GetByLabel("初心者歓迎の仕事だけ").CheckAsync();
        await Button(worker, "検索").ClickAsync();
        var cards = worker.GetByRole(AriaRole.List, new() { Name = "仕事の一覧" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(cards).ToHaveCountAsync(1);
        await Assertions.Expect(cards.First).ToContainTextAsync("初心者歓迎");
        await Check(worker, "beginner-jobs");

        await worker.GetByRole(AriaRole.Link, new() { Name = "社内文書の翻訳" }).ClickAsync();
        await Assertions.Expect(worker.GetByText("応募するには、先に上のNDAに同意してください。")).ToBeVisibleAsync();
        await Assertions.Expect(worker.GetByText("新製品Xの仕様書10ページの英訳")).ToHaveCountAsync(0);
        await Assertions.Expect(worker.GetByLabel("金額（円）")).ToHaveCountAsync(0);
        await worker.GetByText("NDAの全文を読む").ClickAsync();
        await Assertions.Expect(worker.GetByText("秘密保持誓約書", new() { Exact = false }).First).ToBeVisibleAsync();
        await Check(worker, "nda-to-accept");

        await Button(worker, "NDAに同意して詳しい説明を見る").ClickAsync();
        await Assertions.Expect(worker.GetByText("新製品Xの仕様書10ページの英訳")).ToBeVisibleAsync();
        await Assertions.Expect(worker.GetByRole(AriaRole.Link, new() { Name = "仕様書.pdf" }).First).ToBeVisibleAsync();
        await Check(worker, "nda-accepted");

        await worker.GetByLabel("金額（円）").FillAsync("50000");
        await worker.GetByLabel("納品までの日数").FillAsync("14");
        await worker.GetByLabel("メッセージ").FillAsync("仕様書を読みました。製造業の翻訳経験があります。");
        await Button(worker, "応募する").ClickAsync();
        await Assertions.Expect(worker.GetByText("応募しました。")).ToBeVisibleAsync();
        await Check(worker, "bid-placed");
    }
}
