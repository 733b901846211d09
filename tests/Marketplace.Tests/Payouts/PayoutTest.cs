using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Payouts;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests;

public abstract class PayoutTest : MoneyTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(Sender);

    /// <summary>The operator's own bank details a Zengin file needs (here and in the administrator's browser test).</summary>
    internal static IReadOnlyDictionary<string, string?> Sender { get; } = new Dictionary<string, string?>
    {
        ["Payouts:Sender:CompanyCode"] = "1234567890",
        ["Payouts:Sender:Name"] = "ユザワシゴトマーケット",
        ["Payouts:Sender:BankCode"] = "0117",
        ["Payouts:Sender:BankName"] = "アキタギンコウ",
        ["Payouts:Sender:BranchCode"] = "201",
        ["Payouts:Sender:BranchName"] = "ユザワ",
        ["Payouts:Sender:AccountType"] = "Current",
        ["Payouts:Sender:AccountNumber"] = "7654321",
    };

    protected static object Account(string holderName = "サトウ ミサキ", string accountNumber = "1234567", string bankCode = "0117",
        string branchCode = "123", string accountType = "ordinary") =>
        new { bankCode, branchCode, accountType, accountNumber, holderName };

    /// <summary>A worker with a bank account and one accepted contract per amount; its balance is the nets.</summary>
    protected async Task<User> PaidWorker(params long[] amounts)
    {
        var worker = await SignUp(Role.Worker);
        foreach (var amount in amounts) await Accepted(worker, amount);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/bank-account", Account()));
        return worker;
    }

    /// <summary>A new business's data-entry job (no withholding) awarded to the worker and accepted: 90% of it credited.</summary>
    protected async Task Accepted(User worker, long amount)
    {
        var business = await SignUp(Role.Business);
        // The deadline by the app's clock, which a test may have set to another day.
        var job = await PostJob(business, new
        {
            title = "データ入力", description = "1,000件", category = "dataEntry", budgetMin = 1, budgetMax = amount,
            deadline = (Clock ?? TimeProvider.System).GetUtcNow().AddDays(30),
        });
        var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), amount)));
        await Deliver(business, worker, Id(contract));
    }

    protected async Task<JsonObject> Batch(User admin, DateTimeOffset? cutoff = null) =>
        await Created(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches",
            new { cutoff = cutoff ?? DateTimeOffset.UtcNow, transferOn = NextBankDay() }));

    /// <summary>The next day banks transfer on, as a transfer date must be.</summary>
    protected static DateOnly NextBankDay() => BankCalendar.NextBusinessDayAfter(JapanTime.DayOf(DateTimeOffset.UtcNow));
}
