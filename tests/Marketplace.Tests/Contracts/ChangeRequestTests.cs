using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Contracts;
using Marketplace.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>Agreed changes of the delivery date and the amount (Freelance Act art. 5: no cut of the fee after the order).</summary>
public sealed class ChangeRequestTests : DealTest
{
    private static object Change(long? amount = null, DateTimeOffset? deliveryDate = null, string reason = "範囲が増えたため") =>
        new { amount, deliveryDate, reason };

    [Test]
    public async Task A_raised_amount_accepted_writes_version_2_and_asks_for_the_difference_into_escrow()
    {
        var (business, worker, contract) = await Contract(100_000, "design");
        var id = Id(contract);
        var later = Time.GetUtcNow().AddDays(40);
        var request = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change(150_000, later)));
        Assert.That(Str(request["status"]), Is.EqualTo("pending"));
        Assert.That(Str(request["side"]), Is.EqualTo("worker"));
        await Problem(await worker.Http.PostAsync($"/api/change-requests/{Id(request)}/accept", null), HttpStatusCode.Forbidden);
        await Problem(await (await SignUp(Role.Business)).Http.PostAsync($"/api/change-requests/{Id(request)}/accept", null), HttpStatusCode.NotFound);

        var changed = await Ok(await business.Http.PostAsync($"/api/change-requests/{Id(request)}/accept", null));
        Assert.That(changed["contract"]!["amount"]!.GetValue<long>(), Is.EqualTo(150_000));
        Assert.That(changed["contract"]!["deadline"]!.GetValue<DateTimeOffset>(), Is.EqualTo(later).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(changed["contract"]!["termsVersion"]!.GetValue<int>(), Is.EqualTo(2));
        var v2 = (await TermsOf(worker, id))["terms"]!;
        Assert.That(v2["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(Str(v2["changeRequestId"]), Is.EqualTo(Id(request)));
        Assert.That(v2["amount"]!["total"]!.GetValue<long>(), Is.EqualTo(150_000));
        Assert.That(v2["fees"]!["withholdingTax"]!.GetValue<long>(), Is.EqualTo(15_315));
        Assert.That((await TermsOf(worker, id, 1))["terms"]!["amount"]!["total"]!.GetValue<long>(), Is.EqualTo(100_000), "version 1 stays");
        Assert.That(Balance($"escrow:{id}"), Is.EqualTo(150_000 - 15_315), "the top-up was confirmed at once in these tests");
        Assert.That(Scalar($"SELECT COUNT(*) FROM payments WHERE contract_id = '{id}'"), Is.EqualTo(2));
        Assert.That(Str((await Settlement(business, id))["paymentStatus"]), Is.EqualTo("confirmed"));
        await Submit(worker, id);
        await Ok(await business.Http.PostAsync($"/api/contracts/{id}/accept", null));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(150_000 - 15_000 - 15_315));
        Assert.That(Balance($"escrow:{id}"), Is.Zero);
    }

    [Test]
    public async Task A_business_cannot_lower_the_amount_without_the_worker_who_gets_the_difference_refunded_to_the_business()
    {
        var (business, worker, contract) = await Contract(100_000, "design");
        var id = Id(contract);
        var request = await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change(60_000)));
        await Problem(await business.Http.PostAsync($"/api/change-requests/{Id(request)}/accept", null), HttpStatusCode.Forbidden);
        Assert.That((await ContractOf(worker, id))["amount"]!.GetValue<long>(), Is.EqualTo(100_000), "nothing changed on the business's word");

        await Ok(await worker.Http.PostAsync($"/api/change-requests/{Id(request)}/accept", null));
        Assert.That(Balance($"escrow:{id}"), Is.EqualTo(60_000 - 6_126), "the new amount less the tax on it");
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-(60_000 - 6_126)));
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'adjust:{Id(request)}'"), Is.EqualTo(1));
        Assert.That(await StatementLines(business),
            Is.EqualTo(new[] { "Escrow funded by the business", "Escrow partly refunded: the amount was lowered by agreement" }));
        await Conflict(await worker.Http.PostAsync($"/api/change-requests/{Id(request)}/decline", null), "changeAnswered");
    }

    /// <summary>The fixture's app, with payments that wait for an administrator's confirmation, as a bank transfer does.</summary>
    private void PaymentsWaitForConfirmation()
    {
        App.Dispose();
        App = new MarketplaceApp(TestDatabase.New(), new Dictionary<string, string?>(Settings!) { ["Money:AutoConfirmPayments"] = "false" }, clock: Time);
    }

    private async Task Agree(User proposer, User accepter, string contractId, long amount)
    {
        var request = await Created(await proposer.Http.PostAsJsonAsync($"/api/contracts/{contractId}/change-requests", Change(amount)));
        await Ok(await accepter.Http.PostAsync($"/api/change-requests/{Id(request)}/accept", null));
    }

    [Test]
    public async Task An_amount_lowered_back_to_what_the_escrow_holds_voids_the_top_up_asks_for_nothing_and_funds_the_contract()
    {
        PaymentsWaitForConfirmation();
        var (business, worker, contract) = await Contract(100_000, "design");
        var id = Id(contract);
        var first = await Settlement(business, id);
        Assert.That((await (await Administrator()).Http.PostAsync($"/api/payments/{Str(first["paymentId"])}/confirm", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent));
        await Agree(worker, business, id, 150_000);
        var raised = await Settlement(business, id);
        Assert.That(Str(raised["paymentStatus"]), Is.EqualTo("pending"), "the top-up is asked for");
        Assert.That(raised["funded"]!.GetValue<bool>(), Is.False, "until it arrives the worker waits");

        // Back to ¥100,000: the escrow holds exactly the new escrow total.
        await Agree(business, worker, id, 100_000);
        var settled = await Settlement(business, id);
        Assert.That(Str(settled["paymentId"]), Is.EqualTo(Str(raised["paymentId"])), "no payment of nothing is asked for");
        Assert.That(Str(settled["paymentStatus"]), Is.EqualTo("cancelled"), "the top-up is no longer owed");
        Assert.That(settled["funded"]!.GetValue<bool>(), Is.True, "the escrow holds all the new amount needs: the worker may deliver");
        Assert.That(settled["escrowBalance"]!.GetValue<long>(), Is.EqualTo(100_000 - 10_210), "nothing refunded");
        Assert.That(await StatementLines(business), Is.EqualTo(new[] { "Escrow funded by the business" }));
        await Submit(worker, id);
    }

    [Test]
    public async Task An_amount_changed_before_the_awards_payment_arrived_keeps_the_awards_due_and_lapse_days()
    {
        PaymentsWaitForConfirmation();
        var (business, worker, contract) = await Contract(100_000, "design");
        var id = Id(contract);
        var asked = await Ok(await business.Http.GetAsync($"/api/contracts/{id}/payment-request"));
        Assert.That(asked["lapsesOn"], Is.Not.Null);
        Time.Advance(TimeSpan.FromDays(3));

        await Agree(worker, business, id, 150_000);
        var replaced = await Ok(await business.Http.GetAsync($"/api/contracts/{id}/payment-request"));
        Assert.That(Str(replaced["paymentId"]), Is.Not.EqualTo(Str(asked["paymentId"])));
        Assert.That(replaced["amount"]!.GetValue<long>(), Is.EqualTo(150_000 - 15_315), "the whole new amount less its tax");
        Assert.That(Str(replaced["dueOn"]), Is.EqualTo(Str(asked["dueOn"])), "changing the amount never postpones the payment");
        Assert.That(Str(replaced["lapsesOn"]), Is.EqualTo(Str(asked["lapsesOn"])), "nor the lapse of the unpaid award");
    }

    [Test]
    public async Task A_declined_change_changes_nothing_and_only_one_request_waits_at_a_time()
    {
        var (business, worker, contract) = await Contract(50_000);
        var id = Id(contract);
        var earlier = Time.GetUtcNow().AddDays(3);
        var request = await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change(deliveryDate: earlier)));
        await Conflict(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change(60_000)), "changePending");
        await Ok(await worker.Http.PostAsync($"/api/change-requests/{Id(request)}/decline", null));
        Assert.That((await ContractOf(worker, id))["deadline"]!.GetValue<DateTimeOffset>(), Is.EqualTo(contract["deadline"]!.GetValue<DateTimeOffset>()));
        Assert.That((await TermsOf(worker, id))["latestVersion"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(Kind(business.Id, "changeDeclined"), Is.EqualTo(1));
    }

    [Test]
    public async Task Bad_change_requests_are_400s_and_a_delivered_contract_keeps_its_terms()
    {
        var (business, worker, contract) = await Contract(50_000);
        var id = Id(contract);
        var none = await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change()), HttpStatusCode.BadRequest);
        Assert.That(none["errors"]!["amount"], Is.Not.Null);
        var past = await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests",
            Change(deliveryDate: Time.GetUtcNow().AddDays(-1))), HttpStatusCode.BadRequest);
        Assert.That(past["errors"]!["deliveryDate"], Is.Not.Null);
        await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change(0)), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change(50_000)), HttpStatusCode.BadRequest);
        await Problem(await (await SignUp(Role.Worker)).Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change(60_000)),
            HttpStatusCode.NotFound);
        await Submit(worker, id);
        await Conflict(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", Change(60_000)), "contractStatus");
    }
}
