using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Mail;
using Marketplace.Notifications;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>Mail of notifications, through the outbox and a real SMTP conversation with a receiver inside the test run.</summary>
public sealed class MailTests : ApiTest
{
    private readonly ManualClock _clock = new();

    /// <summary>The receiver the fixture's host sends to, for all its tests.</summary>
    private SmtpReceiver Smtp { get; } = new();

    protected override TimeProvider? Clock => _clock;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Smtp.Port.ToString(),
        ["Email:Smtp:StartTls"] = "false",
        ["Email:BaseUrl"] = "https://market.example",
        // The tests run the sender themselves.
        ["Email:SendIntervalSeconds"] = "3600",
        ["Auth:SessionIdleHours"] = "100",
    };

    /// <summary>Each test starts with an empty mailbox that refuses nothing.</summary>
    [SetUp]
    public void EmptyMailbox() => Smtp.Clear();

    [OneTimeTearDown]
    public void StopSmtp() => Smtp.Dispose();

    private MailSender Sender => App.Services.GetRequiredService<MailSender>();

    private IReadOnlyList<ReceivedMail> MailsTo(User user) => Smtp.Mails.Where(m => m.To.Any(t => t.Contains(user.Email))).ToList();

    [Test]
    public async Task A_pass_of_the_sender_sends_its_mails_over_one_connection()
    {
        var business = await SignUp(Role.Business);
        var job = await PostJob(business);
        for (var i = 0; i < 3; i++) await PlaceBid(await SignUp(Role.Worker), Id(job), amount: 40_000 + i);

        await Sender.RunOnceAsync();

        Assert.That(MailsTo(business), Has.Count.EqualTo(3), "three bidReceived mails");
        Assert.That(Smtp.Connections, Is.EqualTo(1));
    }

    [Test]
    public async Task A_question_to_the_office_is_mailed_with_a_link_to_the_ticket_itself()
    {
        var worker = await SignUp(Role.Worker);
        var admin = await Administrator();
        var id = Str((await Created(await worker.Http.PostAsJsonAsync("/api/contact", new { subject = "振込日", body = "いつですか？" })))["ticket"]!["id"]);
        await Created(await admin.Http.PostAsJsonAsync($"/api/admin/tickets/{id}/replies", new { body = "月末です。" }));
        await Sender.RunOnceAsync();

        Assert.That(MailsTo(admin).Single().Body, Does.Contain($"https://market.example/admin/tickets/{id}"));
        Assert.That(MailsTo(worker).Single().Body, Does.Contain($"https://market.example/help/tickets/{id}"));
    }

    [Test]
    public async Task A_messages_mail_opens_its_thread_a_contracts_and_a_teams()
    {
        var (business, worker, contract) = await AwardedContract();
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/messages", new { body = "校正刷りを送ります" }));
        var director = await SignUp(Role.Worker);
        var member = await SignUp(Role.Worker);
        var team = Id(await Created(await director.Http.PostAsJsonAsync("/api/teams", new
        {
            name = "湯沢デザイン班", description = "ラベルと包装のデザイン", region = "秋田県湯沢市", skills = new[] { "design" }, weeklyHours = 10,
        })));
        var invitation = await Created(await director.Http.PostAsJsonAsync($"/api/teams/{team}/invitations", new { email = member.Email, role = "member" }));
        await Ok(await member.Http.PostAsync($"/api/team-invitations/{Id(invitation)}/accept", null));
        await Created(await director.Http.PostAsJsonAsync($"/api/teams/{team}/messages", new { body = "今週の分担です" }));
        await Sender.RunOnceAsync();

        Assert.That(MailsTo(business).Select(m => m.Body), Has.Some.Contain($"https://market.example/contracts/{Id(contract)}#messages"));
        Assert.That(MailsTo(member).Select(m => m.Body), Has.Some.Contain($"https://market.example/teams/{team}#messages"));
    }

    [Test]
    public async Task Each_notification_is_mailed_once_in_the_readers_language_with_a_working_one_click_unsubscribe()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me", new { language = "en" }));
        var job = await PostJob(business, NewJob(title: "純米酒のラベル"));
        var bid = await PlaceBid(worker, Id(job));
        await Award(business, Id(job), Id(bid));

        // Several senders at once (as several API instances would), then again: each mail leaves once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Sender.RunOnceAsync()));
        await Sender.RunOnceAsync();

        var toBusiness = MailsTo(business);
        Assert.That(toBusiness, Has.Count.EqualTo(1), "bidReceived, once");
        var japanese = toBusiness[0];
        Assert.That(japanese.Subject, Does.Contain("純米酒のラベル").And.Contain("応募"));
        Assert.That(japanese.Body, Does.Contain("様").And.Contain($"https://market.example/jobs/{Id(job)}"));
        Assert.That(japanese.Headers["List-Unsubscribe-Post"], Is.EqualTo("List-Unsubscribe=One-Click"));

        var toWorker = MailsTo(worker);
        Assert.That(toWorker, Has.Count.EqualTo(1), "bidAwarded, once");
        Assert.That(toWorker[0].Subject, Does.Contain("You won").And.Contain("純米酒のラベル"));
        Assert.That(toWorker[0].Body, Does.Contain($"https://market.example/contracts/"));
        Assert.That(Scalar("SELECT COUNT(*) FROM mail_outbox WHERE status = 'sent'"), Is.EqualTo(2));

        // RFC 8058: a mail program POSTs "List-Unsubscribe=One-Click" to the address, with no cookie and no sign-in.
        var address = new Uri(japanese.Headers["List-Unsubscribe"].Trim('<', '>'));
        Assert.That(address.GetLeftPart(UriPartial.Path), Is.EqualTo("https://market.example/mail/unsubscribe"));
        var anonymous = App.CreateClient();
        var done = await anonymous.PostAsync(address.PathAndQuery,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.OK), await done.Content.ReadAsStringAsync());
        Assert.That(await done.Content.ReadAsStringAsync(), Does.Contain("停止しました"));
        var settings = await Ok(await business.Http.GetAsync("/api/me/notification-settings"));
        Assert.That(settings["kinds"]!.AsArray().Single(k => Str(k!["kind"]) == "bidReceived")!["delivery"]!.GetValue<string>(), Is.EqualTo("never"));

        // That kind no longer goes out; the others still do.
        var second = await PostJob(business, NewJob(title: "二つ目"));
        await PlaceBid(await SignUp(Role.Worker), Id(second));
        await Sender.RunOnceAsync();
        Assert.That(MailsTo(business), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Opening_the_unsubscribe_link_changes_nothing_until_its_button_is_pressed_and_a_forged_token_does_nothing()
    {
        var business = await SignUp(Role.Business);
        var tokens = App.Services.GetRequiredService<UnsubscribeTokens>();
        var url = $"/mail/unsubscribe?token={Uri.EscapeDataString(tokens.For(business.Id, NotificationKind.BidReceived))}";
        var page = await App.CreateClient().GetAsync(url);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<form method=\"post\"").And.Contain("lang=\"ja\""));
        Assert.That(Scalar("SELECT COUNT(*) FROM notification_settings"), Is.Zero, "a GET (a link checker) changes nothing");

        // The signed-in browser's own form works too: the token decides, and the CSRF header is not needed.
        var viaBrowser = await Browser(csrfHeader: false).PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.That(viaBrowser.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Scalar("SELECT COUNT(*) FROM notification_settings WHERE delivery = 'never'"), Is.EqualTo(1));

        var forged = await App.CreateClient().PostAsync("/mail/unsubscribe?token=AAAA" + business.Id, null);
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Scalar("SELECT COUNT(*) FROM notification_settings"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_refused_mail_is_retried_after_a_wait_and_then_sent_once()
    {
        var business = await SignUp(Role.Business);
        await PlaceBid(await SignUp(Role.Worker), Id(await PostJob(business)));
        Smtp.RefuseNext(1);
        Assert.That(await Sender.RunOnceAsync(), Is.Zero);
        Assert.That(Scalar("SELECT attempts FROM mail_outbox"), Is.EqualTo(1));
        Assert.That(await Sender.RunOnceAsync(), Is.Zero, "it waits before the next attempt");
        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.That(await Sender.RunOnceAsync(), Is.EqualTo(1));
        Assert.That(MailsTo(business), Has.Count.EqualTo(1));
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.That(await Sender.RunOnceAsync(), Is.Zero);
        Assert.That(MailsTo(business), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_daily_digest_gathers_a_kinds_mail_into_one_at_eight_in_the_morning_Japan_time()
    {
        var business = await SignUp(Role.Business);
        var settings = await Ok(await business.Http.PutAsJsonAsync("/api/me/notification-settings",
            new { kinds = new[] { new { kind = "bidReceived", delivery = "daily" } } }));
        Assert.That(settings["kinds"]!.AsArray().Single(k => Str(k!["kind"]) == "bidReceived")!["delivery"]!.GetValue<string>(), Is.EqualTo("daily"));
        var job = await PostJob(business);
        await PlaceBid(await SignUp(Role.Worker), Id(job));
        await PlaceBid(await SignUp(Role.Worker), Id(job));
        await Sender.RunOnceAsync();
        Assert.That(MailsTo(business), Is.Empty);
        _clock.Advance(Outbox.NextDigest(_clock.GetUtcNow()) - _clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        await Sender.RunOnceAsync();
        var digest = MailsTo(business).Single();
        Assert.That(digest.Subject, Does.Contain("2件"));
        Assert.That(digest.Body.Split("応募が届きました").Length - 1, Is.EqualTo(2));
    }

    [Test]
    public async Task Never_means_no_mail_and_the_notification_stays()
    {
        var business = await SignUp(Role.Business);
        await Ok(await business.Http.PutAsJsonAsync("/api/me/notification-settings", new { kinds = new[] { new { kind = "bidReceived", delivery = "never" } } }));
        await PlaceBid(await SignUp(Role.Worker), Id(await PostJob(business)));
        Assert.That(Scalar("SELECT COUNT(*) FROM mail_outbox"), Is.Zero);
        Assert.That((await Ok(await business.Http.GetAsync("/api/notifications")))["unreadCount"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_suspended_account_is_mailed_nothing_until_reinstated_and_its_notifications_stay()
    {
        var admin = await Administrator();
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business, NewJob(title: "純米酒のラベル"));
        await PlaceBid(worker, Id(job)); // bidReceived, queued before the suspension
        await Ok(await admin.Http.PostAsJsonAsync($"/api/admin/users/{business.Id}/suspend", new { reason = "なりすましの疑い" }));
        await PlaceBid(await SignUp(Role.Worker), Id(job)); // and one queued during it

        await Sender.RunOnceAsync();
        Assert.That(MailsTo(business), Is.Empty);
        Assert.That(Scalar($"SELECT COUNT(*) FROM mail_outbox WHERE user_id = '{business.Id}' AND status = 'dropped'"), Is.EqualTo(2));
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{business.Id}'"), Is.EqualTo(2));

        await Ok(await admin.Http.PostAsJsonAsync($"/api/admin/users/{business.Id}/reinstate", new { reason = "本人確認が取れました" }));
        await PlaceBid(await SignUp(Role.Worker), Id(job));
        await Sender.RunOnceAsync();
        Assert.That(MailsTo(business), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Settings_list_every_kind_and_refuse_unknown_ones()
    {
        var worker = await SignUp(Role.Worker);
        var settings = await Ok(await worker.Http.GetAsync("/api/me/notification-settings"));
        Assert.That(settings["kinds"]!.AsArray().Select(k => Str(k!["kind"])), Is.EquivalentTo(Enum.GetValues<NotificationKind>().Select(k => WireName.Of(k))));
        Assert.That(settings["kinds"]!.AsArray().All(k => Str(k!["delivery"]) == "immediately"), Is.True);
        await Problem(await worker.Http.PutAsJsonAsync("/api/me/notification-settings", new { kinds = new[] { new { kind = "bogus", delivery = "never" } } }),
            HttpStatusCode.BadRequest);
        await Problem(await worker.Http.PutAsJsonAsync("/api/me/notification-settings", new { kinds = new[] { new { kind = "bidReceived", delivery = "hourly" } } }),
            HttpStatusCode.BadRequest);
        await Problem(await worker.Http.PutAsJsonAsync("/api/me", new { language = "fr" }), HttpStatusCode.BadRequest);
        Assert.That(Str((await Ok(await worker.Http.GetAsync("/api/me")))["language"]), Is.EqualTo("ja"), "Japanese by default");
    }

    [Test]
    public void Every_kind_of_notification_has_a_mail_wording_in_Japanese_and_in_English()
    {
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            Assert.That(MailWording.Japanese.ContainsKey(kind), Is.True, $"{kind} has no Japanese mail wording");
            Assert.That(MailWording.English.ContainsKey(kind), Is.True, $"{kind} has no English mail wording");
            foreach (var wording in new[] { MailWording.Japanese[kind], MailWording.English[kind] })
                Assert.That(wording.Subject + wording.Line, MailWording.AboutNoJob.Contains(kind) ? Does.Not.Contain("{job}") : Does.Contain("{job}"),
                    $"{kind} names the job, unless it is about the person's money rather than a job");
            MailWording.For(kind, Language.En, out var fellBack);
            Assert.That(fellBack, Is.False);
        }
    }
}
