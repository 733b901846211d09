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
    public async Task A_share_paid_on_an_agreed_cancellation_is_due_like_released_pay_and_a_cancellation_paying_nothing_is_not()
    {
        var admin = await Administrator();
        var (business, worker, contract) = await Contract(100_000, "dataEntry");
        await Submit(worker, Id(contract));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/cancellation", new { reason = "途中まで", workerShare = 40_000 }));
        await Ok(await business.Http.PostAsync($"/api/contracts/{Id(contract)}/cancellation/accept", null));
        var (otherBusiness, otherWorker, unpaid) = await Contract(50_000, "dataEntry");
        await Created(await otherWorker.Http.PostAsJsonAsync($"/api/contracts/{Id(unpaid)}/cancellation", new { reason = "辞退", workerShare = 0 }));
        await Ok(await otherBusiness.Http.PostAsync($"/api/contracts/{Id(unpaid)}/cancellation/accept", null));

        var due = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/admin/payouts/due"))!.Single()!;
        Assert.That(Str(due["contractId"]), Is.EqualTo(Id(contract)));
        Assert.That(due["net"]!.GetValue<long>(), Is.EqualTo(36_000), "the share less the platform's fee on it");
    }

    /// <summary>
    /// Freelance Act art. 4: a late acceptance (here by lapse after a long revision) does not move the payment date past
    /// day 60 from the first delivery; the administrator is warned a week before that day, and after it the pay is late.
    /// </summary>
    [Test]
    public async Task Pay_accepted_late_is_due_by_day_60_from_delivery_and_the_warning_comes_a_week_before_it()
    {
        var admin = await Administrator();
        var (business, worker, contract) = await Contract(40_000, "dataEntry");
        var id = Id(contract);
        await Submit(worker, id);
        var delivered = JapanDay(Time.GetUtcNow());
        await Ok(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/request-revision", new { reason = "もう一度" }));
        Time.Advance(TimeSpan.FromDays(40));
        await Submit(worker, id, "v2");
        Time.Advance(TimeSpan.FromDays(8));
        await RunClock(); // day 48: the inspection lapsed, the pay is released
        var item = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/admin/payouts/due"))!.Single()!;
        Assert.That(Str(item["paymentDueOn"]), Is.EqualTo(Day(delivered.AddDays(59))), "day 60 counting the day of delivery, not 30 days after day 48");
        Assert.That(item["late"]!.GetValue<bool>(), Is.False);

        Time.Advance(TimeSpan.FromDays(3)); // day 51: eight days before
        await RunClock();
        Assert.That(Warnings(admin), Is.Zero);
        Time.Advance(TimeSpan.FromDays(1)); // day 52: seven days before
        await RunClock();
        Assert.That(Warnings(admin), Is.EqualTo(1), "warned a week before the legal last day");
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{admin.Id}' AND kind = 'payoutDue' AND message LIKE '%{Day(delivered.AddDays(59))}%'"),
            Is.EqualTo(1), "the warning names the day");

        Time.Advance(TimeSpan.FromDays(8)); // day 60: one day past it
        var late = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/admin/payouts/due"))!.Single()!;
        Assert.That(late["late"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Only_an_administrator_sees_the_payments_due()
    {
        var (worker, _) = await Accepted(30_000);
        await Problem(await worker.Http.GetAsync("/api/admin/payouts/due"), HttpStatusCode.Forbidden);
    }
}
