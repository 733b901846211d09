using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Contracts;
using Marketplace.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>Ending a contract by agreement before completion, with a share for the worker.</summary>
public sealed class CancellationTests : DealTest
{
    private static object Proposal(long workerShare, string reason = "事情により中止") => new { reason, workerShare };

    [Test]
    public async Task An_accepted_cancellation_pays_the_share_with_fees_and_withholding_and_refunds_the_rest()
    {
        var (business, worker, contract) = await Contract(100_000, "design");
        var id = Id(contract);
        await Submit(worker, id);
        var proposed = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(40_000)));
        Assert.That(Str(proposed["cancellation"]!["status"]), Is.EqualTo("proposed"));
        Assert.That(proposed["cancellation"]!["workerShare"]!.GetValue<long>(), Is.EqualTo(40_000));
        Assert.That(Kind(business.Id, "cancellationProposed"), Is.EqualTo(1));

        var cancelled = await Ok(await business.Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null));
        Assert.That(Str(cancelled["contract"]!["status"]), Is.EqualTo("cancelled"));
        Assert.That(Str(cancelled["contract"]!["closedBy"]), Is.EqualTo("cancellation"));
        Assert.That(cancelled["contract"]!["workerShare"]!.GetValue<long>(), Is.EqualTo(40_000));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(40_000 - 4_000 - 4_084));
        Assert.That(Balance("platform"), Is.EqualTo(4_000));
        // The escrow held ¥100,000 − ¥10,210; it pays ¥40,000 − ¥4,084 and the rest comes back. The business remits the
        // ¥4,084 withheld from the share itself: its outlay is the share.
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-(40_000 - 4_084)));
        Assert.That(Balance($"escrow:{id}"), Is.Zero);
        Assert.That(Str(cancelled["contract"]!["paymentDueOn"]), Is.EqualTo(Day(JapanDay(Time.GetUtcNow()).AddDays(30))));
        await Conflict(await business.Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null), "noOpenCancellation");
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key LIKE 'release:%'"), Is.EqualTo(1));
        Assert.That(await StatementLines(business), Is.EqualTo(new[] { "Escrow funded by the business", "Escrow settled on an agreed cancellation" }),
            "the rest came back on an agreement, not a decision");
        Assert.That(await StatementLines(worker), Is.EqualTo(new[] { "Escrow settled on an agreed cancellation" }));
    }

    [Test]
    public async Task A_brokered_cancellation_pays_the_producer_its_fee_on_the_share_only()
    {
        var (business, producer, worker, contract) = await BrokeredContract(50_000);
        var id = Id(contract);
        await Created(await producer.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(20_000)));
        await Problem(await producer.Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null), HttpStatusCode.Forbidden);
        await Ok(await worker.Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null));
        Assert.That(Balance($"producer:{producer.Id}"), Is.EqualTo(1_000));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(18_000));
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-21_000));
    }

    [Test]
    public async Task While_a_cancellation_waits_the_contract_is_on_hold()
    {
        var (business, worker, contract) = await Contract(30_000);
        var id = Id(contract);
        await Submit(worker, id);
        await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(0)));
        await Conflict(await business.Http.PostAsync($"/api/contracts/{id}/accept", null), "contractOnHold");
        await Conflict(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/request-revision", new { reason = "x" }), "contractOnHold");
        await Conflict(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(1)), "contractOnHold");
        Time.Advance(TimeSpan.FromDays(8) - TimeSpan.FromHours(2));
        Assert.That((await RunClock()).AcceptedByLapse, Is.Zero, "the inspection does not lapse while a cancellation waits");
        Assert.That(Str((await ContractOf(worker, id))["status"]), Is.EqualTo("submitted"));
    }

    [Test]
    public async Task Refusals_stranger_404_proposer_403_share_above_amount_400_closed_contract_409()
    {
        var (business, worker, contract) = await Contract(30_000);
        var id = Id(contract);
        await Problem(await (await SignUp(Role.Worker)).Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(0)), HttpStatusCode.NotFound);
        var above = await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(30_001)), HttpStatusCode.BadRequest);
        Assert.That(above["errors"]!["workerShare"], Is.Not.Null);
        await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(-1)), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", new { reason = " ", workerShare = 0 }), HttpStatusCode.BadRequest);
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(0)));
        await Problem(await worker.Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null), HttpStatusCode.Forbidden);
        await Problem(await worker.Http.PostAsync($"/api/contracts/{id}/cancellation/decline", null), HttpStatusCode.Forbidden);
        await Problem(await (await SignUp(Role.Business)).Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null), HttpStatusCode.NotFound);
        await Ok(await business.Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null));
        Assert.That(Balance($"business:{business.Id}"), Is.Zero, "a share of 0 refunds everything");
        await Conflict(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(0)), "contractStatus");
    }

    [Test]
    public async Task A_job_with_a_proposed_cancellation_cannot_be_withdrawn_around_it()
    {
        var (business, worker, contract) = await Contract(30_000);
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/cancellation", Proposal(0)));
        await Problem(await business.Http.PostAsync($"/api/jobs/{Str(contract["jobId"])}/cancel", null), HttpStatusCode.Conflict);
        Assert.That(Str((await ContractOf(worker, Id(contract)))["status"]), Is.EqualTo("active"));
        await Ok(await business.Http.PostAsync($"/api/contracts/{Id(contract)}/cancellation/accept", null));
        var (business2, worker2, other) = await Contract(30_000);
        await Ok(await business2.Http.PostAsync($"/api/jobs/{Str(other["jobId"])}/cancel", null));
        Assert.That(Str((await ContractOf(worker2, Id(other)))["closedBy"]), Is.EqualTo("jobCancelled"));
    }

    [Test]
    public async Task An_unfunded_escrow_can_pay_no_share()
    {
        App.Dispose();
        App = new MarketplaceApp(TestDatabase.New(), new Dictionary<string, string?>(Settings!) { ["Money:AutoConfirmPayments"] = "false" }, clock: Time);
        var (_, worker, contract) = await Contract(30_000);
        await Conflict(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/cancellation", Proposal(1)), "escrowShort");
    }

    [Test]
    public async Task A_cancellation_voids_a_top_up_still_pending_and_settles_what_the_escrow_holds()
    {
        App.Dispose();
        App = new MarketplaceApp(TestDatabase.New(), new Dictionary<string, string?>(Settings!) { ["Money:AutoConfirmPayments"] = "false" }, clock: Time);
        var (business, worker, contract) = await Contract(100_000, "design");
        var id = Id(contract);
        var admin = await Administrator();
        var first = Str((await Ok(await business.Http.GetAsync($"/api/contracts/{id}/settlement")))["paymentId"]);
        Assert.That((await admin.Http.PostAsync($"/api/payments/{first}/confirm", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        // A raised amount asks for a top-up, which the business has not paid when the parties agree to end the contract.
        var raise = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests",
            new { amount = 150_000, deliveryDate = (DateTimeOffset?)null, reason = "追加の作業" }));
        await Ok(await business.Http.PostAsync($"/api/change-requests/{Id(raise)}/accept", null));
        var topUp = Str((await Ok(await business.Http.GetAsync($"/api/contracts/{id}/settlement")))["paymentId"]);
        Assert.That(topUp, Is.Not.EqualTo(first));
        Assert.That(Scalar($"SELECT COUNT(*) FROM payments WHERE id = '{topUp}' AND status = 'pending'"), Is.EqualTo(1));

        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(40_000)));
        await Ok(await business.Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null));
        Assert.That(Scalar($"SELECT COUNT(*) FROM payments WHERE id = '{topUp}' AND status = 'cancelled'"), Is.EqualTo(1),
            "a transfer asked for a contract that has ended is no longer owed");
        await Conflict(await admin.Http.PostAsync($"/api/payments/{topUp}/confirm", null), "paymentNotPending");
        Assert.That(Balance($"escrow:{id}"), Is.Zero);
    }

    [Test]
    public async Task A_share_of_the_whole_amount_takes_exactly_what_the_escrow_holds()
    {
        var (business, worker, contract) = await Contract(100_000, "design");
        var id = Id(contract);
        await Submit(worker, id);
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", Proposal(100_000)));
        await Ok(await business.Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(100_000 - 10_000 - 10_210));
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-(100_000 - 10_210)), "nothing comes back");
        Assert.That(Balance($"escrow:{id}"), Is.Zero);
    }

    [Test]
    public async Task The_worker_may_decline_a_revision_only_after_the_free_ones()
    {
        var (business, worker, contract) = await Contract(30_000);
        var id = Id(contract);
        for (var round = 1; round <= 4; round++)
        {
            await Submit(worker, id, $"v{round}");
            await Ok(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/request-revision", new { reason = $"修正{round}" }));
            if (round < 4)
                await Conflict(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/decline-revision", Proposal(30_000, "もう直せません")),
                    "freeRevisionsLeft");
        }
        await Problem(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/decline-revision", Proposal(0)), HttpStatusCode.Forbidden);
        var declined = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/decline-revision", Proposal(30_000, "4回目の修正はお受けできません")));
        Assert.That(declined["cancellation"]!["declinesRevision"]!.GetValue<bool>(), Is.True);
        Assert.That(Str(declined["cancellation"]!["side"]), Is.EqualTo("worker"));
    }

    /// <summary>
    /// An agreed cancellation tells both parties the share agreed, in words naming the job, once per contract: the same
    /// two parties cancelling two contracts are each told of both. Each is an event.
    /// </summary>
    [Test]
    public async Task Each_agreed_cancellation_tells_both_parties_the_share_and_is_an_event()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var contracts = new List<string>();
        foreach (var (title, share) in new[] { ("ロゴ", 10_000L), ("名刺", 0L) })
        {
            var job = await PostJob(business, NewJob(title));
            var contract = Id(await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), 30_000))));
            await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{contract}/cancellation", Proposal(share)));
            await Ok(await business.Http.PostAsync($"/api/contracts/{contract}/cancellation/accept", null));
            contracts.Add(contract);
        }

        var expected = new[]
        {
            "The cancellation of \"ロゴ\" was agreed: the worker is paid 10000 yen and the rest is refunded.",
            "The cancellation of \"名刺\" was agreed: the worker is paid 0 yen and the rest is refunded.",
        };
        foreach (var party in new[] { business, worker })
            Assert.That((await Ok(await party.Http.GetAsync("/api/notifications")))["items"]!.AsArray()
                .Where(n => Str(n!["kind"]) == "cancellationAccepted").Select(n => Str(n!["message"])), Is.EquivalentTo(expected), party.DisplayName);
        var cancelled = (await Ok(await business.Http.GetAsync("/api/events")))["items"]!.AsArray()
            .Where(e => Str(e!["type"]) == "contract.cancelled").Select(e => Str(e!["data"]!["contractId"]));
        Assert.That(cancelled, Is.EqualTo(contracts));
    }
}
