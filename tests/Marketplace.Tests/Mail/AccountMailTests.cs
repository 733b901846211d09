using System.Net.Http.Json;
using Marketplace.Mail;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>Account mail (reset and confirmation links, notices of changes), through a real SMTP conversation.</summary>
public sealed class AccountMailTests : ApiTest
{
    /// <summary>The receiver the fixture's host sends to, for all its tests.</summary>
    private SmtpReceiver Smtp { get; } = new();

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Smtp.Port.ToString(),
        ["Email:Smtp:StartTls"] = "false",
        ["Email:BaseUrl"] = "https://market.example",
        ["Email:SendIntervalSeconds"] = "3600",
    };

    /// <summary>Each test starts with an empty mailbox.</summary>
    [SetUp]
    public void EmptyMailbox() => Smtp.Clear();

    [OneTimeTearDown]
    public void StopSmtp() => Smtp.Dispose();

    private AccountMailSender Sender => App.Services.GetRequiredService<AccountMailSender>();

    [Test]
    public void Every_kind_of_account_mail_has_a_wording_in_Japanese_and_in_English_and_a_link_where_it_needs_one()
    {
        foreach (var kind in Enum.GetValues<AccountMailKind>())
        foreach (var wordings in new[] { AccountMailWording.Japanese, AccountMailWording.English })
        {
            Assert.That(wordings.ContainsKey(kind), kind.ToString());
            Assert.That(wordings[kind].Body, Does.Contain("{name}"), kind.ToString());
            Assert.That(wordings[kind].Body.Contains("{link}"), Is.EqualTo(AccountMailWording.LinkPath(kind) is not null), kind.ToString());
        }
    }

    [Test]
    public async Task A_reset_mail_leaves_once_in_the_readers_language_with_its_link_and_the_outbox_then_forgets_the_link()
    {
        var worker = await SignUp(Role.Worker);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me", new { language = "en" }));
        await Browser().PostAsJsonAsync("/api/auth/password-reset", new { email = worker.Email });
        var token = MailedToken(worker.Id, "passwordReset");

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Sender.RunOnceAsync()));
        await Sender.RunOnceAsync();

        var mails = Smtp.Mails.Where(m => m.To.Any(t => t.Contains(worker.Email)) && m.Subject.Contains("Reset")).ToList();
        Assert.That(mails, Has.Count.EqualTo(1));
        Assert.That(mails[0].Subject, Is.EqualTo("[Regional Work Market] Reset your password"));
        Assert.That(mails[0].Body, Does.Contain($"https://market.example/reset-password#token={token}").And.Contain("30 minutes"));
        Assert.That(mails[0].Headers, Does.Not.ContainKey("List-Unsubscribe"), "mail about the account is not unsubscribed from");
        Assert.That(Scalar("SELECT COUNT(*) FROM account_mail WHERE sealed_token IS NOT NULL"), Is.Zero);
        Assert.That(Scalar("SELECT COUNT(*) FROM account_mail WHERE status = 'sent'"), Is.EqualTo(2), "the sign-up's confirmation and the reset");
    }

    [Test]
    public async Task A_confirmation_mail_is_in_Japanese_by_default_and_mail_to_a_suspended_account_is_dropped()
    {
        var worker = await SignUp(Role.Worker, confirmEmail: false);
        var token = MailedToken(worker.Id, "emailConfirmation");
        var suspended = await SignUp(Role.Worker, confirmEmail: false);
        Scalar($"UPDATE users SET suspended_at = created_at WHERE id = '{suspended.Id}'; SELECT 1");
        await Sender.RunOnceAsync();
        var mail = Smtp.Mails.Single(m => m.To.Any(t => t.Contains(worker.Email)));
        Assert.That(mail.Subject, Is.EqualTo("【地域しごとマーケット】メールアドレスの確認"));
        Assert.That(mail.Body, Does.Contain($"https://market.example/confirm-email#token={token}").And.Contain("様"));
        Assert.That(Smtp.Mails.Any(m => m.To.Any(t => t.Contains(suspended.Email))), Is.False);
        Assert.That(Scalar($"SELECT COUNT(*) FROM account_mail WHERE user_id = '{suspended.Id}' AND status = 'dropped' AND sealed_token IS NULL"), Is.EqualTo(1));
    }

    [Test]
    public async Task An_office_invitation_leaves_with_its_link_to_the_page_that_sets_the_password()
    {
        var admin = await Administrator();
        var programme = await Created(await admin.Http.PostAsJsonAsync("/api/admin/programmes",
            new { name = "立科町社会福祉型テレワーク", prefecture = "長野県", municipalities = new[] { "立科町" } }));
        var invitation = await Created(await admin.Http.PostAsJsonAsync($"/api/admin/programmes/{Id(programme)}/staff",
            new { email = "office@test.example", displayName = "事務局 花子" }));
        var token = MailedToken(Str(invitation["userId"]), "officeInvitation");

        await Sender.RunOnceAsync();

        var mail = Smtp.Mails.Single(m => m.To.Any(t => t.Contains("office@test.example")));
        Assert.That(mail.Subject, Is.EqualTo("【地域しごとマーケット】「立科町社会福祉型テレワーク」事務局アカウントへのご招待"));
        Assert.That(mail.Body, Does.Contain($"https://market.example/office-invitation#token={token}").And.Contain("7日間"));
        Assert.That(mail.Body, Does.Contain("「立科町社会福祉型テレワーク」（長野県）").And.Contain("office@test.example"), "names the programme and the address set up");
        Assert.That(mail.Body, Does.Not.Contain("{"), "no placeholder left");
        Assert.That(Scalar("SELECT COUNT(*) FROM account_mail WHERE kind = 'officeInvitation' AND sealed_token IS NULL AND status = 'sent'"), Is.EqualTo(1));
    }
}
