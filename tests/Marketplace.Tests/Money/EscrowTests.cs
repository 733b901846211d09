using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Accounts;
using Marketplace.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

public sealed class EscrowTests : MoneyTest
{
    [Test]
    public async Task Award_holds_the_money_less_the_tax_and_acceptance_pays_worker_and_platform()
    {
        var (business, worker, contract) = await Contract(1_200_000, "design");
        var id = Id(contract);
        var held = await Settlement(business, id);
        Assert.That(held["funded"]!.GetValue<bool>());
        Assert.That(held["withholdingTax"]!.GetValue<long>(), Is.EqualTo(142_940), "¥102,100 + ¥40,840");
        Assert.That(held["platformFee"]!.GetValue<long>(), Is.EqualTo(120_000));
        Assert.That(held["workerNet"]!.GetValue<long>(), Is.EqualTo(1_200_000 - 120_000 - 142_940));
        // The business pays in the amount less the tax it withholds, and remits the tax to the tax office itself.
        Assert.That(held["escrowTotal"]!.GetValue<long>(), Is.EqualTo(1_200_000 - 142_940));
        Assert.That(Balance($"escrow:{id}"), Is.EqualTo(1_057_060));
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-1_057_060));

        await Deliver(business, worker, id);
        var released = await Settlement(worker, id);
        Assert.That(released["released"]!.GetValue<bool>());
        Assert.That(released["escrowBalance"]!.GetValue<long>(), Is.Zero);
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(937_060));
        Assert.That(Balance("platform"), Is.EqualTo(120_000));
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_entries WHERE account LIKE 'withholding:%'"), Is.Zero, "the platform never holds the tax");
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-1_057_060), "with the ¥142,940 it remits, ¥1,200,000 in all"); 
    }

    [TestCase("dataEntry", true, true, TestName = "No withholding on data entry, which the law does not name")]
    [TestCase("design", false, true, TestName = "No withholding when the business is not a withholding agent")]
    [TestCase("translation", true, false, TestName = "No withholding when the worker is paid as a company")]
    public async Task Withholding_applies_only_when_the_law_asks(string category, bool agent, bool individual)
    {
        var (business, _, contract) = await Contract(100_000, category, agent, individual);
        Assert.That((await Settlement(business, Id(contract)))["withholdingTax"]!.GetValue<long>(), Is.Zero);
    }

    [Test]
    public async Task Withholding_at_the_threshold_and_at_one_yen()
    {
        var (business, _, atThreshold) = await Contract(1_000_000);
        Assert.That((await Settlement(business, Id(atThreshold)))["withholdingTax"]!.GetValue<long>(), Is.EqualTo(102_100));
        var (business2, _, oneYen) = await Contract(1);
        var tiny = await Settlement(business2, Id(oneYen));
        Assert.That(tiny["withholdingTax"]!.GetValue<long>(), Is.Zero);
        Assert.That(tiny["workerNet"]!.GetValue<long>(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_producer_fee_is_paid_by_the_business_on_top_and_released_to_the_producer()
    {
        var (business, producer, worker, contract) = await BrokeredContract(50_000);
        var held = await Settlement(producer, Id(contract));
        Assert.That(held["producerFee"]!.GetValue<long>(), Is.EqualTo(2_500));
        Assert.That(held["escrowTotal"]!.GetValue<long>(), Is.EqualTo(52_500));

        await Deliver(business, worker, Id(contract));
        Assert.That(Balance($"producer:{producer.Id}"), Is.EqualTo(2_500));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(45_000));
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-52_500));
    }

    [Test]
    public async Task Cancelling_before_any_submission_refunds_the_escrow_in_full()
    {
        var (business, _, contract) = await Contract(80_000);
        await Ok(await business.Http.PostAsync($"/api/jobs/{Str(contract["jobId"])}/cancel", null));
        Assert.That(Balance($"escrow:{Id(contract)}"), Is.Zero);
        Assert.That(Balance($"business:{business.Id}"), Is.Zero);
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions"), Is.EqualTo(2), "fund and refund");
        Assert.That(await StatementLines(business), Is.EqualTo(new[] { "Escrow funded by the business", "Escrow refunded on cancellation" }));
    }

    [Test]
    public async Task Only_a_business_says_it_is_a_withholding_agent()
    {
        var worker = await SignUp(Role.Worker);
        await Problem(await worker.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }), HttpStatusCode.Forbidden);
        await Problem(await worker.Http.GetAsync("/api/me/business-profile"), HttpStatusCode.Forbidden);
        Assert.That(Scalar("SELECT COUNT(*) FROM users WHERE is_withholding_agent = TRUE"), Is.Zero);
    }

    [Test]
    public async Task Only_the_parties_see_a_settlement()
    {
        var (_, _, contract) = await Contract(10_000);
        await Problem(await (await SignUp(Role.Business)).Http.GetAsync($"/api/contracts/{Id(contract)}/settlement"), HttpStatusCode.NotFound);
    }

    [Test]
    public void Ledger_entries_cannot_be_changed_or_deleted()
    {
        using var connection = App.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO ledger_transactions (id, event_key, kind, description, created_at) VALUES ('t', 'k', 'escrowFunded', 'd', '2026-01-01');
            INSERT INTO ledger_entries (id, transaction_id, account, amount, created_at) VALUES ('e', 't', 'platform', 5, '2026-01-01');
            """;
        command.ExecuteNonQuery();
        foreach (var sql in new[] { "UPDATE ledger_entries SET amount = 6", "DELETE FROM ledger_entries", "DELETE FROM ledger_transactions",
                     "UPDATE ledger_transactions SET kind = 'payoutPaid'" })
        {
            command.CommandText = sql;
            Assert.That(() => command.ExecuteNonQuery(), Throws.InstanceOf<System.Data.Common.DbException>().With.Message.Contains("append-only"), sql);
        }
    }
}
