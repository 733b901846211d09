using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>The pending transfers screen: confirming a transfer keeps the administrator's note, with the payment and in the trail.</summary>
public sealed class PaymentNoteTests : MoneyTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Money:AutoConfirmPayments"] = "false" };

    private async Task<string> PendingTransfer(long amount)
    {
        var (business, _, contract) = await Contract(amount);
        return Str((await Settlement(business, Id(contract)))["paymentId"]);
    }

    [Test]
    public async Task A_confirmation_keeps_its_note_with_the_payment_and_in_the_audit_trail()
    {
        var admin = await Administrator();
        var paymentId = await PendingTransfer(30_000);
        var pending = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/payments"))!;
        Assert.That(pending.Select(p => Str(p!["id"])), Is.EqualTo(new[] { paymentId }));

        var response = await admin.Http.PostAsJsonAsync($"/api/payments/{paymentId}/confirm", new { note = " 秋田銀行 振込番号 0412 " });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        var confirmed = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/payments?status=confirmed"))!.Single()!;
        Assert.That(Str(confirmed["confirmationNote"]), Is.EqualTo("秋田銀行 振込番号 0412"));
        var entry = (await Ok(await admin.Http.GetAsync("/api/admin/audit")))["items"]!.AsArray().Single()!;
        Assert.That(Str(entry["detail"]!["note"]), Is.EqualTo("秋田銀行 振込番号 0412"));
        Assert.That(entry["detail"]!["amount"]!.GetValue<long>(), Is.EqualTo(30_000 - 3_063), "the amount less the tax the business withholds");
    }

    [Test]
    public async Task A_confirmation_without_a_body_still_works_and_a_bad_note_confirms_nothing()
    {
        var admin = await Administrator();
        var first = await PendingTransfer(10_000);
        var second = await PendingTransfer(20_000);
        var problem = await Problem(await admin.Http.PostAsJsonAsync($"/api/payments/{first}/confirm", new { note = new string('x', 501) }),
            HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().ContainsKey("note"), problem.ToJsonString());
        await Problem(await admin.Http.PostAsJsonAsync($"/api/payments/{first}/confirm", new { note = "a\u0007" }), HttpStatusCode.BadRequest);
        Assert.That(Scalar($"SELECT COUNT(*) FROM payments WHERE id = '{first}' AND status = 'pending'"), Is.EqualTo(1));

        var bare = await admin.Http.PostAsync($"/api/payments/{second}/confirm", null);
        Assert.That(bare.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await bare.Content.ReadAsStringAsync());
        var entry = (await Ok(await admin.Http.GetAsync("/api/admin/audit")))["items"]!.AsArray().Single()!;
        Assert.That(entry["detail"]!.AsObject().ContainsKey("note"), Is.False);
    }

    [TestCase("{\"note\": ", TestName = "A confirmation with malformed JSON is a 400 and confirms nothing")]
    [TestCase("{\"note\": 5}", TestName = "A confirmation whose note is a number is a 400 and confirms nothing")]
    [TestCase("[]", TestName = "A confirmation whose body is an array is a 400 and confirms nothing")]
    public async Task A_confirmation_body_that_cannot_be_read_is_a_400(string body)
    {
        var admin = await Administrator();
        var paymentId = await PendingTransfer(10_000);
        await Problem(await admin.Http.PostAsync($"/api/payments/{paymentId}/confirm", new StringContent(body, System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);
        Assert.That(Scalar($"SELECT COUNT(*) FROM payments WHERE id = '{paymentId}' AND status = 'pending'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_confirmation_with_an_empty_JSON_body_confirms_as_one_without_a_body()
    {
        var admin = await Administrator();
        var paymentId = await PendingTransfer(10_000);
        var response = await admin.Http.PostAsync($"/api/payments/{paymentId}/confirm", new StringContent("", System.Text.Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }
}
