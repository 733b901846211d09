using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 27, "Paying into escrow": after an award the business reads a payment request (the platform's account, the
/// amount, the due date and a reference of its own to write before its name), the contract shows 入金待ち with the due
/// date until the money is confirmed, and the administrator's transfer list shows and is searched by the reference.
/// </summary>
public sealed class PaymentRequestTests : MoneyTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Money:AutoConfirmPayments"] = "false",
        ["Payments:BankAccount:BankName"] = "秋田銀行", ["Payments:BankAccount:BankCode"] = "0117",
        ["Payments:BankAccount:BranchName"] = "湯沢支店", ["Payments:BankAccount:BranchCode"] = "201",
        ["Payments:BankAccount:Type"] = "ordinary", ["Payments:BankAccount:Number"] = "1234567",
        ["Payments:BankAccount:HolderKana"] = "ユザワシ シゴトマーケット",
    };

    private static DateOnly ExpectedDue()
    {
        var due = JapanTime.DayOf(DateTimeOffset.UtcNow).AddDays(7);
        return BankCalendar.IsBusinessDay(due) ? due : BankCalendar.NextBusinessDayAfter(due);
    }

    private async Task<JsonObject> PaymentRequest(User user, string contractId) =>
        await Ok(await user.Http.GetAsync($"/api/contracts/{contractId}/payment-request"));

    [Test]
    public async Task The_business_reads_where_to_pay_how_much_by_when_and_the_reference_to_write_before_its_name()
    {
        var (business, worker, contract) = await Contract(50_000, "design");
        var request = await PaymentRequest(business, Id(contract));
        Assert.That(request["amount"]!.GetValue<long>(), Is.EqualTo(44_895), "the escrow total: the amount less the tax the brewery remits");
        Assert.That(request["withholdingTax"]!.GetValue<long>(), Is.EqualTo(5_105));
        Assert.That(Str(request["reference"]), Does.Match("^[1-9][0-9]{7}$"));
        Assert.That(Str(request["status"]), Is.EqualTo("pending"));
        var due = ExpectedDue();
        Assert.That(DateOnly.Parse(Str(request["dueOn"])), Is.EqualTo(due));
        Assert.That(BankCalendar.IsBusinessDay(due));
        Assert.That(DateOnly.Parse(Str(request["remindOn"])), Is.EqualTo(due.AddDays(-2)));
        Assert.That(DateOnly.Parse(Str(request["lapsesOn"])), Is.EqualTo(BankCalendar.NextBusinessDayAfter(due).AddDays(1)),
            "a business day after the due date for the office to see a transfer made on it");
        var account = request["bankAccount"]!;
        Assert.That((Str(account["bankName"]), Str(account["branchName"]), Str(account["accountType"]), Str(account["accountNumber"]), Str(account["holderKana"])),
            Is.EqualTo(("秋田銀行", "湯沢支店", "ordinary", "1234567", "ユザワシ シゴトマーケット")));

        // The contract shows that it waits for the money, and until when.
        var shown = (await Ok(await worker.Http.GetAsync($"/api/contracts/{Id(contract)}")))["contract"]!;
        Assert.That(shown["fundedAt"], Is.Null);
        Assert.That(DateOnly.Parse(Str(shown["fundingDueOn"])), Is.EqualTo(due));

        var admin = await Administrator();
        await Expect(await admin.Http.PostAsync($"/api/payments/{Str(request["paymentId"])}/confirm", null), HttpStatusCode.NoContent);
        Assert.That(Str((await PaymentRequest(business, Id(contract)))["status"]), Is.EqualTo("confirmed"));
        var funded = (await Ok(await worker.Http.GetAsync($"/api/contracts/{Id(contract)}")))["contract"]!;
        Assert.That(funded["fundedAt"], Is.Not.Null);
        Assert.That(funded["fundingDueOn"], Is.Null, "nothing is asked for any more");
    }

    [Test]
    public async Task A_task_jobs_payment_request_shows_the_same_transfer_details_as_a_contracts()
    {
        var (business, _, contract) = await Contract(50_000, "design");
        var task = await Created(await business.Http.PostAsJsonAsync("/api/task-jobs", new
        {
            title = "商品説明文のタスク", instructions = "説明文を書いてください。", category = "dataEntry", deadline = DateTimeOffset.UtcNow.AddDays(7),
            pricePerItem = 100, itemCount = 10, perWorkerCap = 10, fields = new[] { new { label = "説明文", kind = "text", maxLength = 50 } },
        }));
        var jobRequest = await Ok(await business.Http.GetAsync($"/api/jobs/{Str(task["jobId"])}/payment-request"));
        var contractRequest = await PaymentRequest(business, Id(contract));
        Assert.That(jobRequest["bankAccount"]!.ToJsonString(), Is.EqualTo(contractRequest["bankAccount"]!.ToJsonString()));
        Assert.That(Str(jobRequest["bankAccount"]!["bankCode"]), Is.EqualTo("0117"));
    }

    [Test]
    public async Task Only_the_business_side_reads_the_payment_request()
    {
        var (business, producer, worker, contract) = await BrokeredContract(40_000);
        Assert.That((await PaymentRequest(producer, Id(contract)))["amount"]!.GetValue<long>(), Is.EqualTo(42_000), "the producer who brokered it");
        Assert.That((await PaymentRequest(business, Id(contract)))["producerFee"]!.GetValue<long>(), Is.EqualTo(2_000));
        await Problem(await worker.Http.GetAsync($"/api/contracts/{Id(contract)}/payment-request"), HttpStatusCode.Forbidden);
        await Problem(await (await SignUp(Role.Business)).Http.GetAsync($"/api/contracts/{Id(contract)}/payment-request"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Two_transfers_of_one_amount_from_one_business_are_told_apart_by_their_references()
    {
        var business = await SignUp(Role.Business, "湯沢酒造");
        var references = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var worker = await SignUp(Role.Worker);
            var job = await PostJob(business, NewJob(category: "dataEntry", budgetMin: 1, budgetMax: 50_000));
            var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), 50_000)));
            references.Add(Str((await PaymentRequest(business, Id(contract)))["reference"]));
        }
        Assert.That(references.Distinct().Count(), Is.EqualTo(2));
        var admin = await Administrator();
        var queue = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/payments"))!;
        Assert.That(queue.Select(p => (Str(p!["businessName"]), p["amount"]!.GetValue<long>())), Is.All.EqualTo(("湯沢酒造", 50_000L)));
        Assert.That(queue.Select(p => Str(p!["reference"])), Is.EquivalentTo(references));
        Assert.That(queue.Select(p => Str(p!["dueOn"])), Is.All.EqualTo(ExpectedDue().ToString("yyyy-MM-dd")));

        var found = (await admin.Http.GetFromJsonAsync<JsonArray>($"/api/payments?reference={references[1]}"))!;
        Assert.That(found.Select(p => Str(p!["reference"])), Is.EqualTo(new[] { references[1] }));
        // The first digits find every reference that starts with them, and only those.
        var prefix = references[1][..3];
        var byPrefix = (await admin.Http.GetFromJsonAsync<JsonArray>($"/api/payments?reference={prefix}"))!.Select(p => Str(p!["reference"])).ToList();
        Assert.That(byPrefix, Does.Contain(references[1]).And.All.StartsWith(prefix));
        Assert.That(byPrefix.Contains(references[0]), Is.EqualTo(references[0].StartsWith(prefix, StringComparison.Ordinal)));
        // As a bank statement or a person may write it: full-width digits, a space.
        var wide = string.Concat(references[0].Select(c => (char)(c - '0' + '０')));
        var typed = (await admin.Http.GetFromJsonAsync<JsonArray>($"/api/payments?reference={Uri.EscapeDataString(wide[..4] + " " + wide[4..])}"))!;
        Assert.That(typed.Select(p => Str(p!["reference"])), Is.EqualTo(new[] { references[0] }));
        var bad = await Problem(await admin.Http.GetAsync("/api/payments?reference=ABC"), HttpStatusCode.BadRequest);
        Assert.That(Str(bad["errorCodes"]!["reference"]![0]!["code"]), Is.EqualTo("referenceDigits"));

        // A confirmed transfer is still found by its reference.
        await Expect(await admin.Http.PostAsync($"/api/payments/{Str(found[0]!["id"])}/confirm", null), HttpStatusCode.NoContent);
        var again = (await admin.Http.GetFromJsonAsync<JsonArray>($"/api/payments?reference={references[1]}"))!;
        Assert.That(Str(again.Single()!["status"]), Is.EqualTo("confirmed"));
    }

    [Test]
    public async Task A_raised_amount_asks_for_the_difference_with_a_reference_and_due_date_of_its_own_that_never_lapses()
    {
        var (business, worker, contract) = await Contract(50_000, "dataEntry");
        var first = await PaymentRequest(business, Id(contract));
        var admin = await Administrator();
        await Expect(await admin.Http.PostAsync($"/api/payments/{Str(first["paymentId"])}/confirm", null), HttpStatusCode.NoContent);
        var raise = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/change-requests", new { amount = 60_000, reason = "追加" }));
        await Ok(await business.Http.PostAsync($"/api/change-requests/{Id(raise)}/accept", null));
        var topUp = await PaymentRequest(business, Id(contract));
        Assert.That(topUp["amount"]!.GetValue<long>(), Is.EqualTo(10_000));
        Assert.That(Str(topUp["reference"]), Is.Not.EqualTo(Str(first["reference"])));
        Assert.That(DateOnly.Parse(Str(topUp["dueOn"])), Is.EqualTo(ExpectedDue()));
        Assert.That(topUp["lapsesOn"], Is.Null, "the work under way does not lapse for a top-up");
    }

    [Test]
    public async Task Without_a_receiving_account_set_the_request_says_none()
    {
        App.Dispose();
        App = new MarketplaceApp(TestDatabase.New(), new Dictionary<string, string?> { ["Money:AutoConfirmPayments"] = "false" });
        var (business, _, contract) = await Contract(10_000, "dataEntry");
        Assert.That((await PaymentRequest(business, Id(contract)))["bankAccount"], Is.Null);
    }
}
