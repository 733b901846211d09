using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Contracts;
using Marketplace.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>The inspection period: started by delivered work, stopped by a revision, ended by acceptance or by silence.</summary>
public sealed class InspectionTests : DealTest
{
    [Test]
    public async Task A_submission_starts_the_clock_a_revision_stops_it_and_the_next_submission_starts_a_new_one()
    {
        var (business, worker, contract) = await Contract(30_000);
        var id = Id(contract);
        Assert.That((await ContractOf(worker, id))["inspectionEndsAt"]?.GetValueKind(), Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null));
        await Submit(worker, id);
        var first = Time.GetUtcNow();
        Assert.That((await ContractOf(worker, id))["inspectionEndsAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(first.AddDays(7)).Within(TimeSpan.FromSeconds(1)));
        Time.Advance(TimeSpan.FromDays(3));
        await Ok(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/request-revision", new { reason = "色を変えて" }));
        Assert.That((await ContractOf(worker, id))["inspectionEndsAt"]?.GetValueKind(), Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null));
        Time.Advance(TimeSpan.FromDays(10));
        Assert.That((await RunClock()).AcceptedByLapse, Is.Zero, "no clock runs while the worker revises");
        await Submit(worker, id, "v2");
        var c = await ContractOf(worker, id);
        Assert.That(c["inspectionEndsAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Time.GetUtcNow().AddDays(7)).Within(TimeSpan.FromSeconds(1)));
        Assert.That(c["deliveredAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(first).Within(TimeSpan.FromSeconds(1)), "the first delivery counts for art. 4");
    }

    [Test]
    public async Task Silence_accepts_the_work_exactly_once_with_two_API_hosts_on_one_database()
    {
        var (business, worker, contract) = await Contract(100_000, "design");
        var id = Id(contract);
        await Submit(worker, id);
        using var second = new MarketplaceApp(App.Database, Settings, clock: Time);
        _ = second.Server;

        Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.That((await RunClock()).AcceptedByLapse + (await RunClock(second)).AcceptedByLapse, Is.Zero, "a minute early nothing happens");
        Assert.That(Str((await ContractOf(worker, id))["status"]), Is.EqualTo("submitted"));

        Time.Advance(TimeSpan.FromMinutes(2));
        // Each host's clock finds the contract due; the command itself, sent by both at once, must accept it once.
        var commands = await Task.WhenAll(new[] { App, second, App, second }.Select(async app =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new AcceptByLapse.Command(id));
        }));
        Assert.That(commands.Count(accepted => accepted), Is.EqualTo(1), "one command of one host accepts");
        var runs = await Task.WhenAll(RunClock(), RunClock(second), RunClock(), RunClock(second));
        Assert.That(runs.Sum(r => r.AcceptedByLapse), Is.Zero, "and the clocks find nothing left to accept");

        var accepted = await ContractOf(business, id);
        Assert.That(Str(accepted["status"]), Is.EqualTo("completed"));
        Assert.That(Str(accepted["closedBy"]), Is.EqualTo("lapse"));
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'release:{id}'"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key LIKE 'release:%'"), Is.EqualTo(1));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(100_000 - 10_000 - 10_210));
        Assert.That(Balance($"escrow:{id}"), Is.Zero);
        Assert.That(Kind(business.Id, "acceptedByLapse"), Is.EqualTo(1));
        Assert.That(Kind(worker.Id, "acceptedByLapse"), Is.EqualTo(1));
        Assert.That(Str(accepted["paymentDueOn"]), Is.EqualTo(Day(JapanDay(Time.GetUtcNow()).AddDays(30))));
        Assert.That(Str(JsonNode.Parse(await (await business.Http.GetAsync($"/api/jobs/{Str(contract["jobId"])}")).Content.ReadAsStringAsync())!["status"]),
            Is.EqualTo("completed"));
    }

    [Test]
    public async Task Both_parties_are_reminded_two_days_and_one_day_before_once_each()
    {
        var (business, worker, contract) = await Contract(30_000);
        await Submit(worker, Id(contract));
        Time.Advance(TimeSpan.FromDays(4));
        await RunClock();
        Assert.That(Kind(business.Id, "inspectionEndsSoon"), Is.Zero, "three days before: no reminder yet");
        Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        await RunClock();
        await RunClock();
        Assert.That(Kind(business.Id, "inspectionEndsSoon"), Is.EqualTo(1));
        Assert.That(Kind(worker.Id, "inspectionEndsSoon"), Is.EqualTo(1));
        Time.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(RunClock(), RunClock());
        Assert.That(Kind(business.Id, "inspectionEndsSoon"), Is.EqualTo(2), "and again one day before");
        Assert.That(Kind(worker.Id, "inspectionEndsSoon"), Is.EqualTo(2));
    }

    [Test]
    public async Task The_payment_date_never_passes_60_days_from_the_first_delivery()
    {
        var (business, worker, contract) = await Contract(30_000);
        var id = Id(contract);
        await Submit(worker, id);
        var delivered = Time.GetUtcNow();
        await Ok(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/request-revision", new { reason = "もう一度" }));
        Time.Advance(TimeSpan.FromDays(40));
        await Submit(worker, id, "v2");
        Time.Advance(TimeSpan.FromDays(8));
        await RunClock();
        var c = await ContractOf(worker, id);
        Assert.That(Str(c["closedBy"]), Is.EqualTo("lapse"));
        Assert.That(Str(c["paymentDueOn"]), Is.EqualTo(Day(JapanDay(delivered).AddDays(59))), "not 30 days after the acceptance on day 48");
    }

    [Test]
    public async Task A_forwarded_submission_starts_the_clock_when_it_reaches_the_business()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var worker = await SignUp(Role.Worker);
        await LinkProducer(business, producer);
        var job = await Created(await producer.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "翻訳", description = "英語へ", category = "translation", budgetMin = 1, budgetMax = 100_000,
            deadline = DateTimeOffset.UtcNow.AddDays(20), businessId = business.Id, producerReview = true,
        }));
        var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job))));
        await Submit(worker, Id(contract));
        Time.Advance(TimeSpan.FromDays(10));
        await RunClock();
        Assert.That(Str((await ContractOf(worker, Id(contract)))["status"]), Is.EqualTo("inReview"), "the producer's review has no lapse");
        await Ok(await producer.Http.PostAsync($"/api/contracts/{Id(contract)}/forward", null));
        Assert.That((await ContractOf(worker, Id(contract)))["inspectionEndsAt"]!.GetValue<DateTimeOffset>(),
            Is.EqualTo(Time.GetUtcNow().AddDays(7)).Within(TimeSpan.FromSeconds(1)));
    }

    /// <summary>
    /// A lapse pays the producer whose fee the award fixed, and tells it so, once per contract: a producer with two
    /// contracts lapsing is told of each. Each lapse is an event the business reads.
    /// </summary>
    [Test]
    public async Task A_lapse_tells_the_producer_its_fee_was_released_once_per_contract_and_is_an_event()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var worker = await SignUp(Role.Worker);
        await LinkProducer(business, producer);
        var contracts = new List<string>();
        foreach (var title in new[] { "文字起こしA", "文字起こしB" })
        {
            var job = await Created(await producer.Http.PostAsJsonAsync("/api/jobs", new
            {
                title, description = "60分", category = "transcription", budgetMin = 1, budgetMax = 100_000,
                deadline = Time.GetUtcNow().AddDays(10), businessId = business.Id,
            }));
            var contract = Id(await Award(producer, Id(job), Id(await PlaceBid(worker, Id(job), 20_000))));
            await Submit(worker, contract);
            contracts.Add(contract);
        }
        Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.That((await RunClock()).AcceptedByLapse, Is.EqualTo(2));

        var told = (await Ok(await producer.Http.GetAsync("/api/notifications")))["items"]!.AsArray()
            .Select(n => (Str(n!["kind"]), Str(n["message"]))).Where(n => n.Item1 == "paymentReleased");
        Assert.That(told, Is.EquivalentTo(new[]
        {
            ("paymentReleased", "Payment for \"文字起こしA\" was released."), ("paymentReleased", "Payment for \"文字起こしB\" was released."),
        }));
        Assert.That(Balance($"producer:{producer.Id}"), Is.EqualTo(2 * 1_000), "5% of each ¥20,000");
        var lapsed = (await Ok(await business.Http.GetAsync("/api/events")))["items"]!.AsArray()
            .Where(e => Str(e!["type"]) == "contract.acceptedByLapse").Select(e => Str(e!["data"]!["contractId"]));
        Assert.That(lapsed, Is.EquivalentTo(contracts));
    }
}
