using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Payouts;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests;

public sealed class WorkerBearsTheFeeTests : PayoutTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!)
    {
        ["Payouts:TransferFeeYen"] = "165",
        ["Payouts:FeeBorneBy"] = "Worker",
    };

    [Test]
    public async Task The_fee_is_deducted_from_the_transfer_and_posted_to_the_bank()
    {
        var worker = await PaidWorker(30_000);
        var admin = await Administrator();
        var payout = (await Batch(admin))["payouts"]![0]!;
        Assert.That(payout["amount"]!.GetValue<long>(), Is.EqualTo(27_000));
        Assert.That(payout["transferFee"]!.GetValue<long>(), Is.EqualTo(165));
        Assert.That(payout["net"]!.GetValue<long>(), Is.EqualTo(26_835));
        Assert.That(Balance("bank:fees"), Is.EqualTo(165));
        Assert.That(Balance($"worker:{worker.Id}"), Is.Zero);
        Assert.That(Balance("payouts:in-transit"), Is.EqualTo(26_835));
    }
}
