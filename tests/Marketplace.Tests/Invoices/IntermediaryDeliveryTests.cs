using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

public sealed class IntermediaryDeliveryTests : MoneyTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Invoices:PlatformNumber"] = "T4011001098993", ["Invoices:IntermediaryDelivery"] = "true", ["Invoices:PlatformName"] = "湯沢しごとネット",
    };

    [Test]
    public async Task With_both_registered_the_operator_issues_in_its_own_name_for_the_worker()
    {
        var (business, worker, contract) = await Contract(33_000, "dataEntry");
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/tax-details", new { invoiceNumber = "T7123456789012", legalName = "佐藤 美咲", postalAddress = "" }));
        await Deliver(business, worker, Id(contract));
        var documents = (await business.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{Id(contract)}/documents"))!;
        var invoice = documents.Single(d => Str(d!["kind"]) == "workerInvoice")!;
        Assert.That(Str(invoice["issuer"]!["name"]), Is.EqualTo("湯沢しごとネット"));
        Assert.That(Str(invoice["issuer"]!["invoiceNumber"]), Is.EqualTo("T4011001098993"));
        Assert.That(Str(invoice["onBehalfOf"]!["name"]), Is.EqualTo("佐藤 美咲"));
        Assert.That(invoice["consumptionTax"]!.GetValue<long>(), Is.EqualTo(3_000));
    }

    [Test]
    public void Start_up_refuses_an_operator_number_that_does_not_check()
    {
        using var app = new MarketplaceApp(TestDatabase.New(), new Dictionary<string, string?> { ["Invoices:PlatformNumber"] = "T4011001098994" });
        Assert.That(() => _ = app.Server, Throws.InstanceOf<Microsoft.Extensions.Options.OptionsValidationException>()
            .With.Message.Contains("Invoices:PlatformNumber"));
    }
}
