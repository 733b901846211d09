using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Notifications;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

public sealed class NotificationTests : ApiTest
{
    private static async Task<string[]> Kinds(User user) =>
        (await Ok(await user.Http.GetAsync("/api/notifications")))["items"]!.AsArray().Select(n => Str(n!["kind"])).ToArray();

    [Test]
    public async Task Each_party_is_told_what_concerns_it_along_the_path()
    {
        var business = await SignUp(Role.Business);
        var chosen = await SignUp(Role.Worker);
        var other = await SignUp(Role.Worker);
        var job = await PostJob(business);
        var bid = await PlaceBid(chosen, Id(job));
        await PlaceBid(other, Id(job));
        var contract = await Award(business, Id(job), Id(bid));
        await Created(await chosen.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "v1" }));
        await Ok(await business.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/request-revision", new { reason = "r" }));
        await Created(await chosen.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "v2" }));
        await Ok(await business.Http.PostAsync($"/api/contracts/{Id(contract)}/accept", null));

        Assert.That(await Kinds(business), Is.EquivalentTo(new[] { "bidReceived", "bidReceived", "submissionToReview", "submissionToReview" }));
        Assert.That(await Kinds(chosen), Is.EquivalentTo(new[] { "bidAwarded", "revisionRequested", "workAccepted", "paymentReleased" }));
        Assert.That(await Kinds(other), Is.EqualTo(new[] { "bidRejected" }));
    }

    [Test]
    public async Task Unread_count_falls_when_a_notification_is_read_and_nobody_reads_anothers()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        await PlaceBid(worker, Id(await PostJob(business)));
        var list = await Ok(await business.Http.GetAsync("/api/notifications"));
        Assert.That(list["unreadCount"]!.GetValue<int>(), Is.EqualTo(1));
        var id = Id(list["items"]![0]!.AsObject());
        await Problem(await worker.Http.PostAsync($"/api/notifications/{id}/read", null), HttpStatusCode.NotFound);
        Assert.That((await business.Http.PostAsync($"/api/notifications/{id}/read", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await Ok(await business.Http.GetAsync("/api/notifications")))["unreadCount"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task A_refused_event_tells_nobody()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business);
        await PlaceBid(worker, Id(job));
        await Problem(await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids", new { amount = 1, deliveryDays = 1, message = "again" }), HttpStatusCode.Conflict);
        Assert.That(await Kinds(business), Has.Length.EqualTo(1), "the refused bid rolled back its notification");
    }

    [Test]
    public async Task The_deadline_reminder_tells_each_party_once_however_often_and_wherever_it_runs()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var soon = await PostJob(business);
        var later = await PostJob(business, NewJob(title: "later"));
        await Award(business, Id(soon), Id(await PlaceBid(worker, Id(soon), deliveryDays: 1)));
        await Award(business, Id(later), Id(await PlaceBid(worker, Id(later), deliveryDays: 10)));

        var reminders = App.Services.GetRequiredService<DeadlineReminders>();
        await Task.WhenAll(reminders.RunOnceAsync(), reminders.RunOnceAsync(), reminders.RunOnceAsync());
        await reminders.RunOnceAsync();

        Assert.That(Scalar("SELECT COUNT(*) FROM notifications WHERE kind = 'deadlineSoon'"), Is.EqualTo(2), "the worker and the business, once");
        Assert.That((await Kinds(worker)).Count(k => k == "deadlineSoon"), Is.EqualTo(1));
    }

    [Test]
    public async Task Notifications_are_listed_newest_first_reminders_included()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business);
        await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), deliveryDays: 1)));
        await App.Services.GetRequiredService<DeadlineReminders>().RunOnceAsync();
        await PlaceBid(await SignUp(Role.Worker), Id(await PostJob(business, NewJob(title: "next"))));
        Assert.That(await Kinds(business), Is.EqualTo(new[] { "bidReceived", "deadlineSoon", "bidReceived" }));
    }
}
