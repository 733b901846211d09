using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Marketplace.Platform;
using Microsoft.Playwright;

namespace Marketplace.Tests.Browser;

/// <summary>Issue 9's path in the browser: a confidential reference file, public Q&amp;A, the thread with files, a delivered file.</summary>
public sealed class ConversationsInTheBrowserTests : BrowserTest
{
    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static readonly byte[] Brief = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% 参考資料\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
    private static readonly byte[] Delivery = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n% delivered label artwork\n%%EOF\n");

    private static FilePayload Payload(string name, string type, byte[] bytes) => new() { Name = name, MimeType = type, Buffer = bytes };

    [Test]
    public async Task A_confidential_brief_public_answers_a_thread_with_files_and_a_delivered_file_reach_only_their_people()
    {
        var businessUser = await SignUp(Role.Business, "湯沢酒造");
        var askerUser = await SignUp(Role.Worker, "佐藤みさき");
        var otherUser = await SignUp(Role.Worker, "阿部ゆき");

        // The business posts a job with a confidential reference PDF.
        var business = await Person();
        await SignIn(business, businessUser.Email);
        await business.GotoAsync("/jobs/new");
        await business.GetByLabel("件名").FillAsync("純米酒のラベルデザイン");
        await business.GetByLabel("分野").SelectOptionAsync("design");
        await business.GetByLabel("仕事の内容", new() { Exact = true }).FillAsync("参考資料をご覧ください。");
        await business.GetByLabel("予算の下限（円）").FillAsync("30000");
        await business.GetByLabel("予算の上限（円）").FillAsync("80000");
        await business.Locator("input[type=file]").SetInputFilesAsync(Payload("参考資料.pdf", "application/pdf", Brief));
        await Assertions.Expect(business.GetByText("アップロード済み")).ToBeVisibleAsync();
        await business.GetByLabel(new Regex("参考ファイルを機密にする")).CheckAsync();
        await Check(business, "post-job-with-file");
        await Button(business, "登録する").ClickAsync();
        await Assertions.Expect(business.GetByRole(AriaRole.Link, new() { Name = "参考資料.pdf をダウンロード" })).ToBeVisibleAsync();
        var jobUrl = business.Url;
        var jobId = jobUrl.Split('/').Last();
        var fileId = Str((await Ok(await businessUser.Http.GetAsync($"/api/jobs/{jobId}")))["files"]![0]!["id"]);
        await Check(business, "job-with-file");

        // A worker on a phone does not see the confidential file, and asks a question.
        var asker = await Person(phone: true);
        await SignIn(asker, askerUser.Email);
        await asker.GotoAsync($"/jobs/{jobId}");
        await Assertions.Expect(asker.GetByText("参考ファイルは機密のため、受注後に見られます。")).ToBeVisibleAsync();
        await asker.GetByLabel("質問", new() { Exact = true }).FillAsync("納期は相談できますか?");
        await Button(asker, "質問を送る").ClickAsync();
        await Assertions.Expect(asker.GetByText("回答待ち")).ToBeVisibleAsync();
        await Check(asker, "question-asked");

        // The business answers publicly.
        await business.ReloadAsync();
        await business.GetByLabel("回答", new() { Exact = true }).FillAsync("1週間までなら延ばせます。");
        await Button(business, "回答する").ClickAsync();
        await Assertions.Expect(business.GetByText("1週間までなら延ばせます。")).ToBeVisibleAsync();
        await Check(business, "question-answered");

        // Another worker sees the public answer, without the asker's name.
        var other = await Person(phone: true);
        await SignIn(other, otherUser.Email);
        await other.GotoAsync($"/jobs/{jobId}");
        await Assertions.Expect(other.GetByText("1週間までなら延ばせます。")).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByText("佐藤みさき")).ToHaveCountAsync(0);
        await Check(other, "public-answer");

        // After the award the worker downloads the confidential file.
        var bid = await PlaceBid(askerUser, jobId);
        var contract = await Award(businessUser, jobId, Id(bid));
        await asker.ReloadAsync();
        var download = await asker.RunAndWaitForDownloadAsync(() => asker.GetByRole(AriaRole.Link, new() { Name = "参考資料.pdf をダウンロード" }).ClickAsync());
        Assert.That(await File.ReadAllBytesAsync(await download.PathAsync()), Is.EqualTo(Brief));
        Assert.That(download.SuggestedFilename, Is.EqualTo("参考資料.pdf"));

        // The worker messages with an attachment, then delivers a file.
        await asker.GotoAsync($"/contracts/{Id(contract)}");
        var compose = asker.Locator("form", new() { Has = asker.GetByRole(AriaRole.Heading, new() { Name = "メッセージを書く" }) });
        await compose.GetByLabel("メッセージ", new() { Exact = true }).FillAsync("ラフ案を添付します。");
        await compose.Locator("input[type=file]").SetInputFilesAsync(Payload("ラフ案.png", "image/png", Uploads.Png));
        await Assertions.Expect(compose.GetByText("アップロード済み")).ToBeVisibleAsync();
        await Button(asker, "送信").ClickAsync();
        await Assertions.Expect(asker.GetByRole(AriaRole.Img, new() { Name = "ラフ案.png" })).ToBeVisibleAsync();
        await Check(asker, "thread-with-attachment");
        var deliver = asker.Locator("form", new() { Has = asker.GetByRole(AriaRole.Heading, new() { Name = "納品する" }) });
        await deliver.GetByLabel("納品メッセージ").FillAsync("納品します。");
        await deliver.Locator("input[type=file]").SetInputFilesAsync(Payload("ラベル_最終.pdf", "application/pdf", Delivery));
        await Assertions.Expect(deliver.GetByText("アップロード済み")).ToBeVisibleAsync();
        await deliver.GetByRole(AriaRole.Button, new() { Name = "納品する", Exact = true }).ClickAsync();
        await Assertions.Expect(asker.GetByRole(AriaRole.Link, new() { Name = "ラベル_最終.pdf をダウンロード" })).ToBeVisibleAsync();
        await Check(asker, "delivered");

        // The business sees the unread message and downloads the delivery, byte-identical.
        await business.GotoAsync("/contracts");
        await Assertions.Expect(business.GetByText("未読 1")).ToBeVisibleAsync();
        await Check(business, "contracts-unread");
        await business.GotoAsync($"/contracts/{Id(contract)}");
        await Assertions.Expect(business.GetByText("ここから未読")).ToBeVisibleAsync();
        await Check(business, "contract-thread");
        // From the delivery shown above 検収する (the timeline lists it too).
        var delivered = await business.RunAndWaitForDownloadAsync(() =>
            business.Locator(".acceptance").GetByRole(AriaRole.Link, new() { Name = "ラベル_最終.pdf をダウンロード" }).ClickAsync());
        Assert.That(await File.ReadAllBytesAsync(await delivered.PathAsync()), Is.EqualTo(Delivery));

        // The mail settings page, on a phone.
        await asker.GotoAsync("/settings/notifications");
        await Assertions.Expect(asker.GetByRole(AriaRole.Heading, new() { Name = "メール設定" })).ToBeVisibleAsync();
        await Check(asker, "mail-settings");

        // A stranger gets 404 for every file URL.
        var stranger = await SignUp(Role.Worker);
        var detail = await Ok(await businessUser.Http.GetAsync($"/api/contracts/{Id(contract)}"));
        var thread = await Ok(await businessUser.Http.GetAsync($"/api/contracts/{Id(contract)}/messages"));
        var ids = new[] { fileId, Str(detail["submissions"]![0]!["files"]![0]!["id"]), Str(thread["items"]![0]!["files"]![0]!["id"]) };
        foreach (var id in ids)
            Assert.That((await stranger.Http.GetAsync($"/api/files/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), id);
    }
}
