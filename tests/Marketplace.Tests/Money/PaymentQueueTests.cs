using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Money;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

public sealed class PaymentQueueTests : MoneyTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Money:AutoConfirmPayments"] = "false" };


    [Test]
    public async Task The_queue_names_job_business_amount_and_provider_and_lists_by_status()
    {
        var business = await SignUp(Role.Business, "稲庭うどん工房");
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business, NewJob(title: "メニューの英訳"));
        var contract = await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), amount: 30_000)));
        var admin = await Administrator();

        var pending = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/payments"))!.Single()!;
        Assert.That(Str(pending["contractId"]), Is.EqualTo(Id(contract)));
        Assert.That(Str(pending["jobTitle"]), Is.EqualTo("メニューの英訳"));
        Assert.That(Str(pending["businessName"]), Is.EqualTo("稲庭うどん工房"));
        Assert.That(Str(pending["provider"]), Is.EqualTo("bankTransfer"));
        Assert.That(Str(pending["status"]), Is.EqualTo("pending"));
        Assert.That(pending["confirmedAt"]?.GetValueKind(), Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(Scalar($"SELECT COUNT(*) FROM contracts WHERE id = '{Id(contract)}' AND funded_at IS NULL"), Is.EqualTo(1));

        Assert.That((await admin.Http.PostAsync($"/api/payments/{Id(pending.AsObject())}/confirm", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var confirmed = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/payments?status=confirmed"))!.Single()!;
        Assert.That(Id(confirmed.AsObject()), Is.EqualTo(Id(pending.AsObject())));
        Assert.That(confirmed["confirmedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        Assert.That(Scalar($"SELECT COUNT(*) FROM payments WHERE confirmed_by = '{admin.Id}'"), Is.EqualTo(1), "who confirmed is kept");
        Assert.That(Balance($"escrow:{Id(contract)}"), Is.EqualTo(30_000));
        Assert.That((await admin.Http.GetFromJsonAsync<JsonArray>("/api/payments?status=cancelled"))!, Is.Empty);
        await Problem(await admin.Http.GetAsync("/api/payments?status=lost"), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Confirming_a_payment_that_does_not_exist_is_a_404()
    {
        var admin = await Administrator();
        await Problem(await admin.Http.PostAsync("/api/payments/00000000000000000000000000000000/confirm", null), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_cancelled_contract_lists_its_payment_as_cancelled()
    {
        var (business, _, contract) = await Contract(20_000);
        await Ok(await business.Http.PostAsync($"/api/jobs/{Str(contract["jobId"])}/cancel", null));
        var admin = await Administrator();
        Assert.That((await admin.Http.GetFromJsonAsync<JsonArray>("/api/payments"))!, Is.Empty);
        var cancelled = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/payments?status=cancelled"))!.Single()!;
        Assert.That(Str(cancelled["contractId"]), Is.EqualTo(Id(contract)));
        Assert.That((await Settlement(business, Id(contract)))["funded"]!.GetValue<bool>(), Is.False);
    }
}
