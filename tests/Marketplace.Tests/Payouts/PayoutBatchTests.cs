using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Payouts;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests;

public sealed class PayoutBatchTests : PayoutTest
{
    [Test]
    public async Task A_worker_with_two_accepted_contracts_is_paid_their_sum_in_one_batch()
    {
        var worker = await PaidWorker(30_000, 20_000);
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(27_000 + 18_000));
        var mine = await Ok(await worker.Http.GetAsync("/api/me/payouts"));
        Assert.That(mine["availableBalance"]!.GetValue<long>(), Is.EqualTo(45_000));

        var admin = await Administrator();
        var batch = await Batch(admin);
        var payout = batch["payouts"]!.AsArray().Single()!;
        Assert.That(Str(payout["workerId"]), Is.EqualTo(worker.Id));
        Assert.That(payout["amount"]!.GetValue<long>(), Is.EqualTo(45_000));
        Assert.That(payout["net"]!.GetValue<long>(), Is.EqualTo(45_000), "the platform bears the fee by default");
        Assert.That(batch["totalNet"]!.GetValue<long>(), Is.EqualTo(45_000));
        Assert.That(Balance($"worker:{worker.Id}"), Is.Zero, "gathered: the balance is on its way");
        Assert.That(Balance("payouts:in-transit"), Is.EqualTo(45_000));

        await Ok(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/paid", new { paidOn = DateOnly.FromDateTime(DateTime.UtcNow) }));
        Assert.That(Balance("payouts:in-transit"), Is.Zero);
        Assert.That(Balance("bank:operator"), Is.EqualTo(45_000));
        var paid = (await Ok(await worker.Http.GetAsync("/api/me/payouts")))["payouts"]!["items"]!.AsArray().Single()!;
        Assert.That(Str(paid["status"]), Is.EqualTo("paid"));
        Assert.That(paid["net"]!.GetValue<long>(), Is.EqualTo(45_000));
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{worker.Id}' AND kind = 'payoutPaid'"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM audit_entries WHERE action IN ('createPayoutBatch', 'markPayoutBatchPaid')"), Is.EqualTo(2));
    }

    [Test]
    public async Task Balances_below_the_minimum_and_workers_without_an_account_wait()
    {
        var small = await PaidWorker(1_000); // ¥900 net, under the ¥1,000 minimum
        var (business, noAccount, contract) = await Contract(50_000, "dataEntry");
        await Deliver(business, noAccount, Id(contract));
        var enough = await PaidWorker(2_000);
        var admin = await Administrator();
        var batch = await Batch(admin);
        Assert.That(batch["payouts"]!.AsArray().Select(p => Str(p!["workerId"])), Is.EqualTo(new[] { enough.Id }));
        Assert.That(Balance($"worker:{small.Id}"), Is.EqualTo(900));
        Assert.That(Balance($"worker:{noAccount.Id}"), Is.EqualTo(45_000));
    }

    [Test]
    public async Task Money_released_after_the_cutoff_waits_for_the_next_batch()
    {
        var worker = await PaidWorker(10_000);
        var cutoff = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await Accepted(worker, 20_000);
        var admin = await Administrator();
        var first = await Batch(admin, cutoff);
        Assert.That(first["totalNet"]!.GetValue<long>(), Is.EqualTo(9_000));
        await Ok(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(first)}/paid", new { paidOn = DateOnly.FromDateTime(DateTime.UtcNow) }));
        // A later batch with the same, earlier cutoff pays nothing again; with a later one it pays the rest once.
        await Problem(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff }), HttpStatusCode.Conflict);
        var second = await Batch(admin);
        Assert.That(second["totalNet"]!.GetValue<long>(), Is.EqualTo(18_000));
    }

    [Test]
    public async Task Two_administrators_gathering_at_once_pay_a_worker_once()
    {
        var worker = await PaidWorker(30_000);
        var admin = await Administrator();
        var body = new { cutoff = DateTimeOffset.UtcNow };
        var answers = await Task.WhenAll(admin.Http.PostAsJsonAsync("/api/admin/payout-batches", body),
            admin.Http.PostAsJsonAsync("/api/admin/payout-batches", body));
        Assert.That(answers.Select(a => a.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.That(Scalar($"SELECT COUNT(*) FROM payouts WHERE worker_id = '{worker.Id}'"), Is.EqualTo(1));
        Assert.That(Balance($"worker:{worker.Id}"), Is.Zero);
        Assert.That(Balance("payouts:in-transit"), Is.EqualTo(27_000));
    }

    [Test]
    public async Task A_returned_transfer_goes_back_to_the_balance_and_holds_the_account_until_it_is_corrected()
    {
        var worker = await PaidWorker(30_000);
        var admin = await Administrator();
        var batch = await Batch(admin);
        var returnedBody = new { workerId = worker.Id, reason = "口座番号相違" };
        await Problem(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/returned", returnedBody), HttpStatusCode.Conflict);
        await Ok(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/paid", new { paidOn = DateOnly.FromDateTime(DateTime.UtcNow) }));
        var after = await Ok(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/returned", returnedBody));
        Assert.That(Str(after["payouts"]![0]!["status"]), Is.EqualTo("returned"));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(27_000));
        Assert.That(Balance("bank:operator"), Is.Zero);
        await Problem(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/returned", returnedBody), HttpStatusCode.Conflict);

        var mine = await Ok(await worker.Http.GetAsync("/api/me/payouts"));
        Assert.That(Str(mine["bankAccountHeldReason"]), Is.EqualTo("口座番号相違"));
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{worker.Id}' AND kind = 'payoutReturned'"), Is.EqualTo(1));
        await Problem(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff = DateTimeOffset.UtcNow }), HttpStatusCode.Conflict);

        var statement = (await Ok(await worker.Http.GetAsync("/api/me/statement")))["entries"]!.AsArray();
        Assert.That(statement.Select(e => Str(e!["kind"])), Is.EqualTo(new[] { "escrowReleased", "payoutGathered", "payoutReturned" }),
            "the bank's transfer itself moves the operator's money, not the worker's");
        Assert.That(statement.Select(e => e!["amount"]!.GetValue<long>()), Is.EqualTo(new[] { 27_000L, -27_000, 27_000 }));

        await Ok(await worker.Http.PutAsJsonAsync("/api/me/bank-account", Account(accountNumber: "7777777")));
        var next = await Batch(admin);
        Assert.That(next["payouts"]![0]!["net"]!.GetValue<long>(), Is.EqualTo(27_000));
        Assert.That(Str(next["payouts"]![0]!["accountNumber"]), Is.EqualTo("7777777"));
    }

    [Test]
    public async Task A_batch_keeps_the_account_it_was_gathered_with()
    {
        var worker = await PaidWorker(30_000);
        var admin = await Administrator();
        var batch = await Batch(admin);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/bank-account", Account(accountNumber: "7777777", holderName: "ベツ メイギ")));
        var again = await Ok(await admin.Http.GetAsync($"/api/admin/payout-batches/{Id(batch)}"));
        Assert.That(Str(again["payouts"]![0]!["accountNumber"]), Is.EqualTo("1234567"));
        var file = Encoding.Latin1.GetString(await (await admin.Http.GetAsync($"/api/admin/payout-batches/{Id(batch)}/zengin")).Content.ReadAsByteArrayAsync());
        Assert.That(file, Does.Contain("1234567").And.Not.Contain("7777777"));
    }

    [Test]
    public async Task Only_an_administrator_gathers_sees_pays_or_returns_batches()
    {
        var worker = await PaidWorker(30_000);
        var admin = await Administrator();
        var batch = await Batch(admin);
        foreach (var intruder in new[] { worker, await SignUp(Role.Business), await SignUp(Role.Producer) })
        {
            await Problem(await intruder.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff = DateTimeOffset.UtcNow }), HttpStatusCode.Forbidden);
            await Problem(await intruder.Http.GetAsync("/api/admin/payout-batches"), HttpStatusCode.Forbidden);
            await Problem(await intruder.Http.GetAsync($"/api/admin/payout-batches/{Id(batch)}"), HttpStatusCode.Forbidden);
            await Problem(await intruder.Http.GetAsync($"/api/admin/payout-batches/{Id(batch)}/zengin"), HttpStatusCode.Forbidden);
            await Problem(await intruder.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/paid", new { paidOn = DateOnly.FromDateTime(DateTime.UtcNow) }),
                HttpStatusCode.Forbidden);
            await Problem(await intruder.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/returned", new { workerId = worker.Id, reason = "x" }),
                HttpStatusCode.Forbidden);
        }
        Assert.That(Scalar("SELECT status = 'gathered' FROM payout_batches"), Is.EqualTo(1));
        await Problem(await admin.Http.GetAsync("/api/admin/payout-batches/nope"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_batch_is_marked_paid_once()
    {
        await PaidWorker(30_000);
        var admin = await Administrator();
        var batch = await Batch(admin);
        var paidOn = new { paidOn = DateOnly.FromDateTime(DateTime.UtcNow) };
        await Ok(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/paid", paidOn));
        await Problem(await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{Id(batch)}/paid", paidOn), HttpStatusCode.Conflict);
        Assert.That(Balance("bank:operator"), Is.EqualTo(27_000));
    }

    [Test]
    public async Task A_cutoff_in_the_future_is_refused()
    {
        var admin = await Administrator();
        var problem = await Problem(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff = DateTimeOffset.UtcNow.AddDays(1) }),
            HttpStatusCode.BadRequest);
        Assert.That(Str(problem["errorCodes"]!["cutoff"]![0]!["code"]), Is.EqualTo("cutoffInFuture"));
    }
}
