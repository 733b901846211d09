using System.Net;
using System.Net.Http.Json;
using Marketplace.Mail;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// An office's notice reaches its members: the notification names the notice and its programme and opens the notice on
/// the programme page; the mail carries its title and its text. A user trial found both saying only that there was a
/// notice, the mail linking to the list of notifications. The office reads back what it sent.
/// </summary>
public sealed class ProgrammeNoticeTests : ProgrammeTest
{
    private SmtpReceiver Smtp { get; } = new();

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Smtp.Port.ToString(),
        ["Email:Smtp:StartTls"] = "false",
        ["Email:BaseUrl"] = "https://market.example",
        // The test runs the sender itself.
        ["Email:SendIntervalSeconds"] = "3600",
    };

    [SetUp]
    public void EmptyMailbox() => Smtp.Clear();

    [OneTimeTearDown]
    public void StopSmtp() => Smtp.Dispose();

    private MailSender Sender => App.Services.GetRequiredService<MailSender>();

    private const string ThreeLines = "5月に開講します。\n会場は立科町公民館です。\n持ち物：筆記用具";

    [Test]
    public async Task A_member_is_told_the_notices_title_with_a_link_to_it_and_mailed_its_title_and_text()
    {
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        var (member, _) = await Member(office, programmeId);
        // The approval's own mail goes first, so that the mailbox then holds the notice's alone.
        await Sender.RunOnceAsync();
        Smtp.Clear();
        var notice = await Created(await office.Http.PostAsJsonAsync($"/api/programmes/{programmeId}/notices", new { title = "RPA研修のご案内", body = ThreeLines }));

        var told = (await Ok(await member.Http.GetAsync("/api/notifications")))["items"]!.AsArray()
            .Single(n => Str(n!["kind"]) == "programmeNotice")!;
        Assert.That(told["noticeTitle"]?.GetValue<string>(), Is.EqualTo("RPA研修のご案内"));
        Assert.That(told["programmeName"]?.GetValue<string>(), Is.EqualTo("立科町社会福祉型テレワーク"));
        Assert.That(told["noticeId"]?.GetValue<string>(), Is.EqualTo(Id(notice)), "the notice it opens on the programme page");

        await Sender.RunOnceAsync();
        var mail = Smtp.Mails.Single(m => m.To.Any(t => t.Contains(member.Email)));
        Assert.That(mail.Subject, Does.Contain("RPA研修のご案内"));
        Assert.That(mail.Body.ReplaceLineEndings("\n"), Does.Contain("RPA研修のご案内").And.Contain(ThreeLines), "the text, its lines kept");
        Assert.That(mail.Body, Does.Contain($"https://market.example/programmes#notice-{Id(notice)}"));
    }

    [Test]
    public async Task The_office_reads_back_the_notices_it_sent_newest_first_and_another_programmes_office_does_not()
    {
        var (admin, programmeId) = await NewProgramme();
        var office = await Office(admin, programmeId);
        var (_, otherId) = await NewProgramme(admin, name: "湯沢市ジョブハブ", prefecture: "秋田県", municipalities: ["湯沢市"]);
        var otherOffice = await Office(admin, otherId);
        await Created(await office.Http.PostAsJsonAsync($"/api/programmes/{programmeId}/notices", new { title = "RPA研修のご案内", body = ThreeLines }));
        await Created(await office.Http.PostAsJsonAsync($"/api/programmes/{programmeId}/notices", new { title = "年末の休業", body = "12月29日から休みます。" }));

        var sent = await office.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>($"/api/programmes/{programmeId}/notices");
        Assert.That(sent!.Select(n => Str(n!["title"])), Is.EqualTo(new[] { "年末の休業", "RPA研修のご案内" }));
        Assert.That(Str(sent![1]!["body"]), Is.EqualTo(ThreeLines));
        await Refused(await otherOffice.Http.GetAsync($"/api/programmes/{programmeId}/notices"), HttpStatusCode.NotFound);
    }
}
