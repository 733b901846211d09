using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Payouts;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests;

public sealed class PayoutSettingsTests
{
    [TestCase("1000", "1000", "Worker", "more than Payouts:TransferFeeYen", TestName = "Start-up refuses a minimum the worker's fee would eat")]
    [TestCase("0", "0", "Platform", "at least 1 yen", TestName = "Start-up refuses a minimum of nothing")]
    [TestCase("1000", "-1", "Platform", "cannot be negative", TestName = "Start-up refuses a negative fee")]
    public void Start_up_refuses_wrong_payout_settings(string minimum, string fee, string bearer, string message)
    {
        using var app = new MarketplaceApp(TestDatabase.New(), new Dictionary<string, string?>
        {
            ["Payouts:MinimumYen"] = minimum, ["Payouts:TransferFeeYen"] = fee, ["Payouts:FeeBorneBy"] = bearer,
        });
        var refused = Assert.Throws<OptionsValidationException>(() => _ = app.Server);
        Assert.That(refused!.Message, Does.Contain(message));
    }
}
