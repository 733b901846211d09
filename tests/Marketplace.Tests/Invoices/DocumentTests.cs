using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

public sealed class DocumentTests : MoneyTest
{
    private async Task Register(User user, string? number) =>
        await Ok(await user.Http.PutAsJsonAsync("/api/me/tax-details", new { invoiceNumber = number, legalName = "", postalAddress = "秋田県湯沢市" }));

    private static JsonObject Of(JsonArray documents, string kind) => documents.Single(d => Str(d!["kind"]) == kind)!.AsObject();

    [Test]
    public async Task Acceptance_issues_a_qualified_invoice_from_a_registered_worker_with_the_tax_it_contains()
    {
        var (business, worker, contract) = await Contract(55_000, "design");
        await Register(worker, "T7123456789012");
        await Deliver(business, worker, Id(contract));

        var seen = (await worker.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{Id(contract)}/documents"))!;
        var invoice = Of(seen, "workerInvoice");
        Assert.Multiple(() =>
        {
            Assert.That(invoice["qualified"]!.GetValue<bool>());
            Assert.That(Str(invoice["issuer"]!["invoiceNumber"]), Is.EqualTo("T7123456789012"));
            Assert.That(Str(invoice["issuer"]!["id"]), Is.EqualTo(worker.Id));
            Assert.That(Str(invoice["recipient"]!["id"]), Is.EqualTo(business.Id));
            Assert.That(invoice["amount"]!.GetValue<long>(), Is.EqualTo(55_000));
            Assert.That(invoice["taxRate"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(invoice["consumptionTax"]!.GetValue<long>(), Is.EqualTo(5_000), "55,000 × 10/110");
            Assert.That(invoice["withholdingTax"]!.GetValue<long>(), Is.EqualTo(5_615));
            Assert.That(invoice["netPaid"]!.GetValue<long>(), Is.EqualTo(55_000 - 5_615));
            Assert.That(invoice["number"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(Str(invoice["description"]), Is.EqualTo("純米酒のラベルデザイン"));
        });
        var notice = Of(seen, "withholdingNotice");
        var due = WithheldTaxDue.For(DateTimeOffset.Parse(Str(notice["issuedAt"]), System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(Str(notice["remitBy"]), Is.EqualTo(due.ToString("yyyy-MM-dd")));
        Assert.That(notice["withholdingTax"]!.GetValue<long>(), Is.EqualTo(5_615));
        var platformFee = Of(seen, "platformInvoice");
        Assert.That(platformFee["amount"]!.GetValue<long>(), Is.EqualTo(5_500));
        Assert.That(platformFee["qualified"]!.GetValue<bool>(), Is.False, "the operator has no registration number in this test");
        Assert.That(platformFee["consumptionTax"], Is.Null);
        // Issue 27: a Japanese document names its fee in Japanese ("Platform fee: …" before).
        Assert.That(Str(platformFee["description"]), Is.EqualTo("サービス利用料：純米酒のラベルデザイン"));
    }

    [Test]
    public async Task The_tax_is_rounded_down_once_per_invoice()
    {
        var (business, worker, contract) = await Contract(12_350, "dataEntry");
        await Register(worker, "T7123456789012");
        await Deliver(business, worker, Id(contract));
        var invoice = Of((await worker.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{Id(contract)}/documents"))!, "workerInvoice");
        Assert.That(invoice["consumptionTax"]!.GetValue<long>(), Is.EqualTo(1_122), "12,350 × 10/110 = 1,122.73…, rounded down");
    }

    [Test]
    public async Task An_unregistered_worker_gets_a_plain_receipt_without_a_tax_breakdown()
    {
        var (business, worker, contract) = await Contract(30_000, "dataEntry");
        await Deliver(business, worker, Id(contract));
        var invoice = Of((await business.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{Id(contract)}/documents"))!, "workerInvoice");
        Assert.That(invoice["qualified"]!.GetValue<bool>(), Is.False);
        Assert.That(invoice["consumptionTax"], Is.Null);
        Assert.That(invoice["issuer"]!["invoiceNumber"], Is.Null);
    }

    [Test]
    public async Task Each_issuer_numbers_its_documents_without_gaps()
    {
        var worker = await SignUp(Role.Worker);
        var numbers = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var business = await SignUp(Role.Business);
            var job = await PostJob(business, NewJob(category: "dataEntry", budgetMin: 1, budgetMax: 50_000));
            var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), 10_000)));
            await Deliver(business, worker, Id(contract));
            numbers.Add(Of((await worker.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{Id(contract)}/documents"))!, "workerInvoice")["number"]!.GetValue<long>());
        }
        Assert.That(numbers, Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(Scalar("SELECT MAX(number) FROM documents WHERE issuer = 'platform'"), Is.EqualTo(3), "three platform-fee invoices");
    }

    [Test]
    public async Task Each_party_sees_the_documents_it_issued_received_or_is_paid_by_and_a_stranger_none()
    {
        var (business, producer, worker, contract) = await BrokeredContract(40_000);
        await Deliver(business, worker, Id(contract));
        string[] Kinds(JsonArray documents) => documents.Select(d => Str(d!["kind"])).Order().ToArray();
        Assert.That(Kinds((await business.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{Id(contract)}/documents"))!),
            Is.EqualTo(new[] { "producerInvoice", "workerInvoice" }));
        Assert.That(Kinds((await worker.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{Id(contract)}/documents"))!),
            Is.EqualTo(new[] { "platformInvoice", "workerInvoice" }));
        Assert.That(Kinds((await producer.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{Id(contract)}/documents"))!),
            Is.EqualTo(new[] { "producerInvoice" }));
        var stranger = await SignUp(Role.Business);
        await Problem(await stranger.Http.GetAsync($"/api/contracts/{Id(contract)}/documents"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_document_never_changes_once_issued()
    {
        var (business, worker, contract) = await Contract(30_000, "dataEntry");
        await Register(worker, "T7123456789012");
        await Deliver(business, worker, Id(contract));
        await Register(worker, null);
        var invoice = Of((await worker.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{Id(contract)}/documents"))!, "workerInvoice");
        Assert.That(Str(invoice["issuer"]!["invoiceNumber"]), Is.EqualTo("T7123456789012"), "issued as it stood");
        using var connection = App.OpenDatabase();
        using var change = connection.CreateCommand();
        change.CommandText = "UPDATE documents SET amount = 1";
        Assert.That(() => change.ExecuteNonQuery(), Throws.Exception.With.Message.Contains("never changed"));
    }
}
