using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Mail;
using Marketplace.Notifications;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>With no SMTP host (the embedded default) mail is written to the outbox and logged, never sent.</summary>
public sealed class MailWithoutSmtpTests : ApiTest
{
    [Test]
    public async Task Mail_is_kept_in_the_outbox_and_logged()
    {
        var business = await SignUp(Role.Business);
        await PlaceBid(await SignUp(Role.Worker), Id(await PostJob(business)));
        Assert.That(Scalar("SELECT COUNT(*) FROM mail_outbox WHERE status = 'pending'"), Is.EqualTo(1), "written with the notification");
        Assert.That(await App.Services.GetRequiredService<MailSender>().RunOnceAsync(), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM mail_outbox WHERE status = 'logged'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_refused_event_writes_no_mail()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business);
        await PlaceBid(worker, Id(job));
        await Problem(await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids", new { amount = 1, deliveryDays = 1, message = "again" }), HttpStatusCode.Conflict);
        Assert.That(Scalar("SELECT COUNT(*) FROM mail_outbox"), Is.EqualTo(1));
    }
}
