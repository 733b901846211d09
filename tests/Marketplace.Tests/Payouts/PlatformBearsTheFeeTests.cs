using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Payouts;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests;

public sealed class PlatformBearsTheFeeTests : PayoutTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!) { ["Payouts:TransferFeeYen"] = "165" };

    [Test]
    public async Task The_worker_receives_the_whole_balance_and_the_platform_pays_the_fee()
    {
        await PaidWorker(30_000);
        var platformBefore = Balance("platform");
        var admin = await Administrator();
        var payout = (await Batch(admin))["payouts"]![0]!;
        Assert.That(payout["net"]!.GetValue<long>(), Is.EqualTo(27_000));
        Assert.That(Balance("platform"), Is.EqualTo(platformBefore - 165));
        Assert.That(Balance("bank:fees"), Is.EqualTo(165));
    }
}
