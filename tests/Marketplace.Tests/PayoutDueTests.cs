using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>The legal clock of payouts: released pay is listed by its payment date and administrators are warned before it.</summary>
public sealed class PayoutDueTests : DealTest
{
    private async Task<(User Worker, JsonObject Contract)> Accepted(long amount)
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business, NewJob(category: "dataEntry", budgetMin: 1, budgetMax: amount));
        var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), amount)));
        await Deliver(business, worker, Id(contract));
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/bank-account",
            new { bankCode = "0117", branchCode = "123", accountType = "ordinary", accountNumber = "1234567", holderName = "サトウ ミサキ" }));
        return (worker, contract);
    }

    private long Warnings(User admin) => Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{admin.Id}' AND kind = 'payoutDue'");

    [Test]
    public async Task Released_pay_is_listed_by_its_payment_date_and_administrators_are_warned_once_a_week_before_it()
    {
        var admin = await Administrator();
        var (worker, contract) = await Accepted(30_000);
        var dueOn = JapanDay(Time.GetUtcNow()).AddDays(30); // Contracts:PaymentDays after acceptance, inside the 60-day cap

        var due = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/admin/payouts/due"))!;
        var item = due.Single()!;
        Assert.That(Str(item["contractId"]), Is.EqualTo(Id(contract)));
        Assert.That(Str(item["paymentDueOn"]), Is.EqualTo(Day(dueOn)));
        Assert.That(item["net"]!.GetValue<long>(), Is.EqualTo(27_000));
        Assert.That(item["dueSoon"]!.GetValue<bool>(), Is.False);

        await RunClock();
        Assert.That(Warnings(admin), Is.Zero, "30 days ahead is no warning yet");
        Time.Advance(TimeSpan.FromDays(22));
        await RunClock();
        Assert.That(Warnings(admin), Is.Zero, "8 days ahead is no warning yet");
        Time.Advance(TimeSpan.FromDays(1));
        await RunClock();
        await RunClock();
        Assert.That(Warnings(admin), Is.EqualTo(1), "7 days ahead: warned, once");
        Assert.That((await admin.Http.GetFromJsonAsync<JsonArray>("/api/admin/payouts/due"))!.Single()!["dueSoon"]!.GetValue<bool>());

        // Paid in a batch gathered after the release: no longer due.
        var batch = await Created(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff = Time.GetUtcNow() }));
        Assert.That((await admin.Http.GetFromJsonAsync<JsonArray>("/api/admin/payouts/due"))!, Has.Count.EqualTo(1), "gathered is not yet paid");
        await Ok(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/paid", new { paidOn = JapanDay(Time.GetUtcNow()) }));
        Assert.That((await admin.Http.GetFromJsonAsync<JsonArray>("/api/admin/payouts/due"))!, Is.Empty);
        Assert.That(worker.Id, Is.Not.Empty);
    }

    [Test]
    public async Task Only_an_administrator_sees_the_payments_due()
    {
        var (worker, _) = await Accepted(30_000);
        await Problem(await worker.Http.GetAsync("/api/admin/payouts/due"), HttpStatusCode.Forbidden);
    }
}
