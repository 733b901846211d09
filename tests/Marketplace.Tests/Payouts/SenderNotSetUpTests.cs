using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Payouts;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests;

public sealed class SenderNotSetUpTests : PayoutTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!) { ["Payouts:Sender:CompanyCode"] = null };

    [Test]
    public async Task Without_the_operators_bank_details_the_file_is_refused_with_what_is_missing()
    {
        await PaidWorker(30_000);
        var admin = await Administrator();
        var batch = await Batch(admin);
        var problem = await Problem(await admin.Http.GetAsync($"/api/admin/payout-batches/{Id(batch)}/zengin"), HttpStatusCode.Conflict);
        Assert.That(Str(problem["detail"]), Does.Contain("Payouts:Sender:CompanyCode"));
    }
}
