using System.Net.Http.Json;
using Marketplace.Payouts;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests;

/// <summary>
/// Issue 27: a worker reads on /payouts when her next transfer is; a worker without a bank account is told at every
/// release, by notification and mail, and the administrator's payouts due mark her 口座未登録 instead of leaving her out.
/// </summary>
public sealed class PayoutNoticeTests : PayoutTest
{
    private DateOnly NextScheduled() =>
        App.Services.GetRequiredService<IOptions<PayoutOptions>>().Value.NextScheduledTransferAfter(JapanTime.DayOf(DateTimeOffset.UtcNow));

    [Test]
    public async Task A_worker_reads_the_day_of_her_next_transfer_scheduled_then_the_gathered_batchs()
    {
        var worker = await PaidWorker(30_000);
        var mine = await Ok(await worker.Http.GetAsync("/api/me/payouts"));
        Assert.That(mine["bankAccountMissing"]!.GetValue<bool>(), Is.False);
        Assert.That(DateOnly.Parse(Str(mine["nextTransferOn"])), Is.EqualTo(NextScheduled()), "the office's next transfer day");

        var admin = await Administrator();
        var batch = await Batch(admin);
        var gathered = await Ok(await worker.Http.GetAsync("/api/me/payouts"));
        Assert.That(Str(gathered["nextTransferOn"]), Is.EqualTo(Str(batch["transferOn"])), "the batch she is in");

        var small = await PaidWorker(1_000);
        Assert.That((await Ok(await small.Http.GetAsync("/api/me/payouts")))["nextTransferOn"], Is.Null, "¥900 waits for the minimum");
    }

    [Test]
    public async Task A_worker_without_a_bank_account_is_told_at_each_release_and_marked_in_the_payouts_due()
    {
        var worker = await SignUp(Role.Worker, "阿部 由紀");
        await Accepted(worker, 30_000);
        await Accepted(worker, 20_000);
        var mine = await Ok(await worker.Http.GetAsync("/api/me/payouts"));
        Assert.That(mine["bankAccountMissing"]!.GetValue<bool>(), Is.True);
        Assert.That(mine["nextTransferOn"], Is.Null, "nothing can be transferred");
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{worker.Id}' AND kind = 'bankAccountMissing'"), Is.EqualTo(2),
            "told at each release");
        Assert.That(Scalar($"SELECT COUNT(*) FROM mail_outbox WHERE user_id = '{worker.Id}'"), Is.GreaterThanOrEqualTo(2), "and mailed");

        var admin = await Administrator();
        var due = (await admin.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/admin/payouts/due"))!;
        Assert.That(due.Select(d => (Str(d!["workerName"]), d["bankAccountMissing"]!.GetValue<bool>())), Is.EqualTo(new[] { ("阿部 由紀", true), ("阿部 由紀", true) }));

        await Ok(await worker.Http.PutAsJsonAsync("/api/me/bank-account", Account()));
        await Accepted(worker, 10_000);
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{worker.Id}' AND kind = 'bankAccountMissing'"), Is.EqualTo(2),
            "not once she has an account");
        Assert.That((await admin.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/admin/payouts/due"))!
            .Select(d => d!["bankAccountMissing"]!.GetValue<bool>()), Is.All.False);
    }

    [Test]
    public void The_next_transfer_day_moves_to_the_business_day_before_a_bank_holiday()
    {
        var options = new PayoutOptions();
        Assert.That(options.NextScheduledTransferAfter(new DateOnly(2027, 1, 10)), Is.EqualTo(new DateOnly(2027, 1, 15)));
        Assert.That(options.NextScheduledTransferAfter(new DateOnly(2027, 1, 15)), Is.EqualTo(new DateOnly(2027, 1, 29)), "the 31st is a Sunday");
        Assert.That(options.NextScheduledTransferAfter(new DateOnly(2026, 12, 20)), Is.EqualTo(new DateOnly(2026, 12, 30)), "12/31 is the banks' break");
        var custom = new PayoutOptions { TransferDaysOfMonth = [25] };
        Assert.That(custom.NextScheduledTransferAfter(new DateOnly(2027, 4, 26)), Is.EqualTo(new DateOnly(2027, 5, 25)));
    }
}
