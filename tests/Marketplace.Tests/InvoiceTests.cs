using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

public sealed class InvoiceNumberTests : ApiTest
{
    [TestCase("T7123456789012", TestName = "The National Tax Agency's worked example checks")]
    [TestCase("T4011001098993", TestName = "A real corporate number checks")]
    [TestCase("", TestName = "No number: not a registered issuer")]
    public async Task A_registration_number_whose_check_digit_holds_is_kept(string number)
    {
        var worker = await SignUp(Role.Worker);
        var saved = await Ok(await worker.Http.PutAsJsonAsync("/api/me/tax-details",
            new { invoiceNumber = number, legalName = "佐藤 美咲", postalAddress = "秋田県湯沢市佐竹町1-1" }));
        Assert.That(saved["invoiceNumber"]?.GetValue<string>(), Is.EqualTo(number.Length > 0 ? number : null));
        Assert.That(Str((await Ok(await worker.Http.GetAsync("/api/me/tax-details")))["postalAddress"]), Is.EqualTo("秋田県湯沢市佐竹町1-1"));
    }

    [TestCase("T7123456789013", TestName = "A wrong check digit is refused")]
    [TestCase("T8123456789012", TestName = "A changed first digit is refused")]
    [TestCase("7123456789012", TestName = "A number without the T is refused")]
    [TestCase("T712345678901", TestName = "Twelve digits are refused")]
    public async Task A_registration_number_that_does_not_check_is_refused(string number)
    {
        var producer = await SignUp(Role.Producer);
        var problem = await Problem(await producer.Http.PutAsJsonAsync("/api/me/tax-details",
            new { invoiceNumber = number, legalName = "", postalAddress = "" }), HttpStatusCode.BadRequest);
        Assert.That(Str(problem["errorCodes"]!["invoiceNumber"]![0]!["code"]), Is.EqualTo("invoiceNumber"));
        Assert.That(Scalar("SELECT COUNT(*) FROM tax_details"), Is.Zero);
    }

    private static object Profile(string? invoiceNumber = null, string? postalAddress = null, string? legalName = null) => new
    {
        bio = "翻訳します", skills = new[] { "translation" }, region = "秋田県湯沢市", weeklyHours = 10, availability = "平日午前",
        isIndividual = true, invoiceNumber, legalName, postalAddress,
    };

    [Test]
    public async Task A_worker_keeps_its_registration_number_and_address_in_its_profile_and_only_it_reads_them()
    {
        var worker = await SignUp(Role.Worker);
        var saved = await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            Profile("T7123456789012", "秋田県湯沢市佐竹町1-1", "佐藤 美咲")));
        Assert.That(Str(saved["invoiceNumber"]), Is.EqualTo("T7123456789012"));
        Assert.That(Str(saved["postalAddress"]), Is.EqualTo("秋田県湯沢市佐竹町1-1"));
        var read = await Ok(await worker.Http.GetAsync($"/api/workers/{worker.Id}"));
        Assert.That(Str(read["invoiceNumber"]), Is.EqualTo("T7123456789012"));
        Assert.That(Str(read["legalName"]), Is.EqualTo("佐藤 美咲"));
        // One place: the tax details route and the documents read the same number.
        var details = await Ok(await worker.Http.GetAsync("/api/me/tax-details"));
        Assert.That(Str(details["invoiceNumber"]), Is.EqualTo("T7123456789012"));
        Assert.That(Str(details["postalAddress"]), Is.EqualTo("秋田県湯沢市佐竹町1-1"));

        // A business looking at the worker sees neither number nor address.
        var business = await SignUp(Role.Business);
        var seen = await Ok(await business.Http.GetAsync($"/api/workers/{worker.Id}"));
        Assert.That(seen["invoiceNumber"], Is.Null);
        Assert.That(seen["postalAddress"], Is.Null);
        Assert.That(seen["legalName"], Is.Null);

        // Left out, they stay; given empty, the number is gone (no longer a registered issuer).
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile", Profile()));
        Assert.That(Str((await Ok(await worker.Http.GetAsync("/api/me/tax-details")))["invoiceNumber"]), Is.EqualTo("T7123456789012"));
        var cleared = await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile", Profile(invoiceNumber: "")));
        Assert.That(cleared["invoiceNumber"], Is.Null);
        Assert.That(Str(cleared["postalAddress"]), Is.EqualTo("秋田県湯沢市佐竹町1-1"));
    }

    [TestCase("T7123456789013", TestName = "The worker profile refuses a wrong check digit")]
    [TestCase("t7123456789012", TestName = "The worker profile refuses a lower-case t")]
    [TestCase("T71234567890120", TestName = "The worker profile refuses fourteen digits")]
    public async Task A_worker_profile_with_a_number_that_does_not_check_is_refused_and_nothing_is_saved(string number)
    {
        var worker = await SignUp(Role.Worker);
        var problem = await Problem(await worker.Http.PutAsJsonAsync("/api/me/worker-profile", Profile(number, "秋田県湯沢市")), HttpStatusCode.BadRequest);
        Assert.That(Str(problem["errorCodes"]!["invoiceNumber"]![0]!["code"]), Is.EqualTo("invoiceNumber"));
        Assert.That(Scalar("SELECT COUNT(*) FROM tax_details") + Scalar("SELECT COUNT(*) FROM worker_profiles"), Is.Zero);
    }

    [Test]
    public async Task The_number_given_in_the_worker_profile_is_the_one_the_invoice_carries()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile", Profile("T4011001098993", "秋田県湯沢市")));
        var job = await PostJob(business, NewJob(category: "translation", budgetMin: 1, budgetMax: 50_000));
        var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), 22_000)));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "納品" }));
        await Ok(await business.Http.PostAsync($"/api/contracts/{Id(contract)}/accept", null));
        var invoice = (await business.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{Id(contract)}/documents"))!
            .Single(d => Str(d!["kind"]) == "workerInvoice")!;
        Assert.That(Str(invoice["issuer"]!["invoiceNumber"]), Is.EqualTo("T4011001098993"));
        Assert.That(invoice["consumptionTax"]!.GetValue<long>(), Is.EqualTo(2_000));
    }

    [Test]
    public async Task A_producers_profile_is_its_tax_details_and_keeps_its_number()
    {
        var producer = await SignUp(Role.Producer);
        await Ok(await producer.Http.PutAsJsonAsync("/api/me/tax-details", new { invoiceNumber = "T4011001098993", legalName = "湯沢プロデュース合同会社", postalAddress = "秋田県湯沢市" }));
        var read = await Ok(await producer.Http.GetAsync("/api/me/tax-details"));
        Assert.That(Str(read["invoiceNumber"]), Is.EqualTo("T4011001098993"));
        Assert.That(Str(read["legalName"]), Is.EqualTo("湯沢プロデュース合同会社"));
        // A producer has no worker profile.
        await Problem(await producer.Http.PutAsJsonAsync("/api/me/worker-profile", Profile("T4011001098993")), HttpStatusCode.Forbidden);
    }
}

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
        var released = DateTimeOffset.Parse(Str(notice["issuedAt"])).ToOffset(TimeSpan.FromHours(9));
        var tenth = new DateOnly(released.Year, released.Month, 10).AddMonths(1);
        Assert.That(Str(notice["remitBy"]), Is.EqualTo(tenth.ToString("yyyy-MM-dd")));
        Assert.That(notice["withholdingTax"]!.GetValue<long>(), Is.EqualTo(5_615));
        var platformFee = Of(seen, "platformInvoice");
        Assert.That(platformFee["amount"]!.GetValue<long>(), Is.EqualTo(5_500));
        Assert.That(platformFee["qualified"]!.GetValue<bool>(), Is.False, "the operator has no registration number in this test");
        Assert.That(platformFee["consumptionTax"], Is.Null);
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
        using var app = new MarketplaceApp(TemplateDatabase.NewCopy(), new Dictionary<string, string?> { ["Invoices:PlatformNumber"] = "T4011001098994" });
        Assert.That(() => _ = app.Server, Throws.InstanceOf<Microsoft.Extensions.Options.OptionsValidationException>()
            .With.Message.Contains("Invoices:PlatformNumber"));
    }
}

public sealed class PaymentRecordTests : MoneyTest
{
    [Test]
    public async Task A_withholding_business_gets_a_record_per_payee_whose_sums_match_the_ledger()
    {
        var business = await SignUp(Role.Business, "湯沢酒造");
        await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        var worker = await SignUp(Role.Worker, "佐藤 美咲");
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/tax-details", new { invoiceNumber = "", legalName = "佐藤 美咲", postalAddress = "秋田県湯沢市佐竹町1-1" }));
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills = new[] { "design" }, region = "秋田県湯沢市", weeklyHours = 20, availability = "", isIndividual = true }));
        foreach (var amount in new long[] { 300_000, 250_000 })
        {
            var job = await PostJob(business, NewJob(category: "design", budgetMin: 1, budgetMax: 400_000));
            var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), amount)));
            await Deliver(business, worker, Id(contract));
        }
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).Year;
        var records = await Ok(await business.Http.GetAsync($"/api/me/payment-records?year={year}"));
        var row = records["rows"]!.AsArray().Single()!;
        Assert.That(Str(records["side"]), Is.EqualTo("payer"));
        Assert.That(row["amount"]!.GetValue<long>(), Is.EqualTo(550_000));
        Assert.That(row["withholdingTax"]!.GetValue<long>(), Is.EqualTo(Balance($"withholding:{business.Id}")));
        Assert.That(row["withholdingTax"]!.GetValue<long>(), Is.EqualTo(30_630 + 25_525));
        Assert.That(Str(row["kind"]), Is.EqualTo("デザイン料"));
        Assert.That(row["filingRequired"]!.GetValue<bool>(), Is.True, "over ¥500,000 in the year");
        Assert.That(Str(row["postalAddress"]), Is.EqualTo("秋田県湯沢市佐竹町1-1"));

        var csv = await business.Http.GetAsync($"/api/me/payment-records?year={year}&format=csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with BOM");
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("支払を受ける者の住所(居所)又は所在地,支払を受ける者の氏名又は名称,個人番号又は法人番号,区分,細目,支払金額,源泉徴収税額"));
        Assert.That(lines[1], Is.EqualTo("秋田県湯沢市佐竹町1-1,佐藤 美咲,,デザイン料,,550000,56155,2件,要"));

        var mine = await Ok(await worker.Http.GetAsync($"/api/me/payment-records?year={year}"));
        Assert.That(Str(mine["side"]), Is.EqualTo("payee"));
        Assert.That(Str(mine["rows"]![0]!["name"]), Is.EqualTo("湯沢酒造"));
        Assert.That(mine["rows"]![0]!["withholdingTax"]!.GetValue<long>(), Is.EqualTo(56_155));
        Assert.That((await Ok(await business.Http.GetAsync($"/api/me/payment-records?year={year - 1}")))["rows"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task A_payee_paid_500000_yen_or_less_in_the_year_need_not_be_filed()
    {
        var (business, worker, contract) = await Contract(500_000, "design");
        await Deliver(business, worker, Id(contract));
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).Year;
        var row = (await Ok(await business.Http.GetAsync($"/api/me/payment-records?year={year}")))["rows"]![0]!;
        Assert.That(row["filingRequired"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Only_businesses_and_workers_have_payment_records()
    {
        var producer = await SignUp(Role.Producer);
        await Problem(await producer.Http.GetAsync("/api/me/payment-records?year=2026"), HttpStatusCode.Forbidden);
        var business = await SignUp(Role.Business);
        await Problem(await business.Http.GetAsync("/api/me/payment-records?year=1999"), HttpStatusCode.BadRequest);
    }
}
