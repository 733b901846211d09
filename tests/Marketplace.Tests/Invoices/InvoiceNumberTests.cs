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
