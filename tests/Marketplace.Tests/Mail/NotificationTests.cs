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
        // Paid with no bank account saved, the worker is told to add one (issue 27).
        Assert.That(await Kinds(chosen), Is.EquivalentTo(new[] { "bidAwarded", "revisionRequested", "workAccepted", "paymentReleased", "bankAccountMissing" }));
        Assert.That(await Kinds(other), Is.EqualTo(new[] { "bidRejected" }));
    }

    /// <summary>Issue 13: each notification names its job and the other party, so four of them are not four identical lines.</summary>
    [Test]
    public async Task Each_notification_names_its_job_and_the_other_party_as_the_reader_sees_it()
    {
        var business = await SignUp(Role.Business, "湯沢酒造");
        var producer = await SignUp(Role.Producer, "菅原");
        var misaki = await SignUp(Role.Worker, "佐藤 美咲");
        var kenta = await SignUp(Role.Worker, "高橋 健太");
        await LinkProducer(business, producer);
        var job = await PostJob(business, NewJob("日本酒ラベルのデザイン"));
        await Created(await producer.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/invitations", new { workerId = kenta.Id }));
        var bid = await PlaceBid(misaki, Id(job));
        await PlaceBid(kenta, Id(job));
        await Award(business, Id(job), Id(bid));

        static async Task<(string Kind, string? Job, string? Party, string? Role)[]> Items(User user) =>
            (await Ok(await user.Http.GetAsync("/api/notifications")))["items"]!.AsArray()
                .Select(n => (Str(n!["kind"]), (string?)n["jobTitle"], (string?)n["partyName"], (string?)n["partyRole"])).ToArray();
        Assert.That(await Items(business), Is.EquivalentTo(new[]
        {
            ("bidReceived", "日本酒ラベルのデザイン", "佐藤 美咲", "worker"), ("bidReceived", "日本酒ラベルのデザイン", "高橋 健太", "worker"),
        }));
        Assert.That(await Items(kenta), Is.EquivalentTo(new[]
        {
            ("invited", "日本酒ラベルのデザイン", "菅原", "producer"), ("bidRejected", "日本酒ラベルのデザイン", "湯沢酒造", "business"),
        }));
        Assert.That(await Items(misaki), Is.EqualTo(new[] { ("bidAwarded", "日本酒ラベルのデザイン", "湯沢酒造", "business") }));

        // On the contract, the business reads its worker as the party (and the worker its business).
        var contract = (await Ok(await misaki.Http.GetAsync("/api/contracts")))["items"]![0]!;
        await Created(await misaki.Http.PostAsJsonAsync($"/api/contracts/{Id(contract.AsObject())}/submissions", new { message = "納品します" }));
        Assert.That((await Items(business)).Where(n => n.Kind == "submissionToReview"), Is.EqualTo(new[]
        {
            ("submissionToReview", "日本酒ラベルのデザイン", "佐藤 美咲", "worker"),
        }));
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

    /// <summary>
    /// An acceptance tells the worker, in words naming the job, that the work was accepted and its payment released,
    /// once per contract: a worker whose two works are accepted is told of each (the event key names the contract).
    /// </summary>
    [Test]
    public async Task Each_accepted_contract_tells_its_worker_in_words_naming_the_job_and_is_an_event()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var contracts = new List<string>();
        foreach (var title in new[] { "ラベルA", "ラベルB" })
        {
            var job = await PostJob(business, NewJob(title));
            var contract = Id(await Award(business, Id(job), Id(await PlaceBid(worker, Id(job)))));
            await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{contract}/submissions", new { message = "納品します" }));
            await Ok(await business.Http.PostAsync($"/api/contracts/{contract}/accept", null));
            contracts.Add(contract);
        }

        var told = (await Ok(await worker.Http.GetAsync("/api/notifications")))["items"]!.AsArray()
            .Select(n => (Str(n!["kind"]), Str(n["message"]))).Where(n => n.Item1 is "workAccepted" or "paymentReleased");
        Assert.That(told, Is.EquivalentTo(new[]
        {
            ("workAccepted", "Your work on \"ラベルA\" was accepted."), ("paymentReleased", "Payment for \"ラベルA\" was released."),
            ("workAccepted", "Your work on \"ラベルB\" was accepted."), ("paymentReleased", "Payment for \"ラベルB\" was released."),
        }));
        var accepted = (await Ok(await business.Http.GetAsync("/api/events")))["items"]!.AsArray()
            .Where(e => Str(e!["type"]) == "contract.accepted").Select(e => Str(e!["data"]!["contractId"]));
        Assert.That(accepted, Is.EqualTo(contracts));
    }
}
