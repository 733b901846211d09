using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 27: a withholding business pays into escrow only what the platform pays out and remits the withheld tax
/// itself, so that what a deal costs it is the amount (or the share paid) plus only the fees it owes: ¥50,000 for a
/// ¥50,000 design job, not ¥55,105. Its outlay is what left its ledger account and never came back; the tax is the
/// remittance its statement asks for.
/// </summary>
public sealed class WithholdingOutlayTests : MoneyTest
{
    /// <summary>Money out of the business's account for good: payments in less what came back.</summary>
    private long Outlay(User business) => -Balance($"business:{business.Id}");

    private async Task<long> Remittance(User business) =>
        (await Ok(await business.Http.GetAsync("/api/me/statement")))["totals"]!["remittances"]!.AsArray().Sum(r => r!["amount"]!.GetValue<long>());

    [Test]
    public async Task A_released_design_job_costs_the_brewery_its_amount_once_it_remits_the_tax()
    {
        var (business, worker, contract) = await Contract(50_000, "design");
        var settlement = await Settlement(business, Id(contract));
        Assert.That(settlement["escrowTotal"]!.GetValue<long>(), Is.EqualTo(44_895), "¥50,000 less the ¥5,105 it withholds");
        Assert.That(Outlay(business), Is.EqualTo(44_895));
        await Deliver(business, worker, Id(contract));

        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(39_895));
        Assert.That(Balance("platform"), Is.EqualTo(5_000));
        Assert.That(Outlay(business), Is.EqualTo(44_895), "nothing more left the business at release");
        Assert.That(await Remittance(business), Is.EqualTo(5_105));
        Assert.That(Outlay(business) + await Remittance(business), Is.EqualTo(50_000));
        // The withholding notice tells the business the same figures.
        var notice = (await business.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{Id(contract)}/documents"))!
            .Single(d => Str(d!["kind"]) == "withholdingNotice")!;
        Assert.That(notice["withholdingTax"]!.GetValue<long>(), Is.EqualTo(5_105));
        Assert.That(notice["netPaid"]!.GetValue<long>(), Is.EqualTo(44_895));
    }

    [Test]
    public async Task A_brokered_withholding_deal_costs_the_amount_plus_the_producers_fee()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var worker = await SignUp(Role.Worker);
        await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        await LinkProducer(business, producer);
        var job = await Created(await producer.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "ラベル", description = "d", category = "design", budgetMin = 1, budgetMax = 100_000,
            deadline = DateTimeOffset.UtcNow.AddDays(10), businessId = business.Id,
        }));
        var contract = await Award(producer, Id(job), Id(await PlaceBid(worker, Id(job), 50_000)));
        Assert.That((await Settlement(business, Id(contract)))["escrowTotal"]!.GetValue<long>(), Is.EqualTo(50_000 - 5_105 + 2_500));
        await Deliver(business, worker, Id(contract));
        Assert.That(Balance($"producer:{producer.Id}"), Is.EqualTo(2_500));
        Assert.That(Outlay(business) + await Remittance(business), Is.EqualTo(52_500));
    }

    [Test]
    public async Task An_agreed_cancellation_costs_the_share_the_tax_on_it_withheld_and_the_rest_back()
    {
        var (business, worker, contract) = await Contract(100_000, "design");
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "途中まで" }));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/cancellation", new { reason = "中止", workerShare = 40_000 }));
        await Ok(await business.Http.PostAsync($"/api/contracts/{Id(contract)}/cancellation/accept", null));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(40_000 - 4_000 - 4_084));
        Assert.That(await Remittance(business), Is.EqualTo(4_084), "the tax on the share actually paid (art. 204)");
        Assert.That(Outlay(business) + await Remittance(business), Is.EqualTo(40_000));
    }

    [Test]
    public async Task A_changed_amount_moves_the_escrow_by_the_difference_of_the_totals_and_costs_the_new_amount()
    {
        var (business, worker, contract) = await Contract(50_000, "design");
        var raise = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/change-requests",
            new { amount = 80_000, reason = "3案追加" }));
        await Ok(await business.Http.PostAsync($"/api/change-requests/{Id(raise)}/accept", null));
        var topUp = Scalar($"SELECT amount FROM payments WHERE contract_id = '{Id(contract)}' ORDER BY id DESC LIMIT 1");
        Assert.That(topUp, Is.EqualTo(80_000 - 8_168 - (50_000 - 5_105)), "the new escrow total less the old one");
        var lower = await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/change-requests",
            new { amount = 70_000, reason = "1案取り下げ" }));
        await Ok(await worker.Http.PostAsync($"/api/change-requests/{Id(lower)}/accept", null));
        Assert.That(Balance($"escrow:{Id(contract)}"), Is.EqualTo(70_000 - 7_147));
        await Deliver(business, worker, Id(contract));
        Assert.That(await Remittance(business), Is.EqualTo(7_147));
        Assert.That(Outlay(business) + await Remittance(business), Is.EqualTo(70_000));
    }

    /// <summary>A contract as migration 0023 leaves one awarded before it: flagged, its payment the whole amount, then confirmed.</summary>
    private async Task<(User Business, User Worker, string Id)> FundedTheOldWay(long amount)
    {
        App.Dispose();
        App = new MarketplaceApp(TestDatabase.New(), new Dictionary<string, string?> { ["Money:AutoConfirmPayments"] = "false" });
        var (business, worker, contract) = await Contract(amount, "design");
        var id = Id(contract);
        using (var connection = App.OpenDatabase())
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                UPDATE payments SET amount = {amount} WHERE contract_id = '{id}';
                UPDATE contracts SET withholding_in_escrow = TRUE WHERE id = '{id}';
                """;
            command.ExecuteNonQuery();
        }
        var settlement = await Settlement(business, id);
        Assert.That(settlement["escrowTotal"]!.GetValue<long>(), Is.EqualTo(amount));
        Assert.That(settlement["withholdingInEscrow"]!.GetValue<bool>(), Is.True);
        var admin = await Administrator();
        await Expect(await admin.Http.PostAsync($"/api/payments/{Str(settlement["paymentId"])}/confirm", null), HttpStatusCode.NoContent);
        return (business, worker, id);
    }

    [Test]
    public async Task A_contract_funded_the_old_way_gives_its_escrowed_tax_back_at_release()
    {
        var (business, worker, id) = await FundedTheOldWay(50_000);
        await Deliver(business, worker, id);

        Assert.That(Balance($"escrow:{id}"), Is.Zero);
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(39_895));
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'withholding-return:{id}' AND kind = 'withholdingReturned'"),
            Is.EqualTo(1));
        Assert.That(Outlay(business) + await Remittance(business), Is.EqualTo(50_000));
        var statement = await Ok(await business.Http.GetAsync("/api/me/statement"));
        Assert.That(statement["entries"]!.AsArray().Select(e => (Str(e!["kind"]), e["amount"]!.GetValue<long>())),
            Is.EqualTo(new[] { ("escrowFunded", -50_000L), ("withholdingReturned", 5_105L) }));
        Assert.That(Str(statement["entries"]![1]!["description"]),
            Is.EqualTo("Escrowed withholding returned: the business remits the tax itself"));
        Assert.That(statement["totals"]!["refunded"]!.GetValue<long>(), Is.EqualTo(5_105));
    }

    [Test]
    public async Task A_contract_funded_the_old_way_and_cancelled_with_a_share_costs_the_share()
    {
        var (business, worker, id) = await FundedTheOldWay(100_000);
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", new { reason = "中止", workerShare = 40_000 }));
        await Ok(await business.Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null));
        Assert.That(Balance($"escrow:{id}"), Is.Zero);
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(40_000 - 4_000 - 4_084));
        Assert.That(Outlay(business) + await Remittance(business), Is.EqualTo(40_000), "the escrowed tax came back with the rest");
    }
}
