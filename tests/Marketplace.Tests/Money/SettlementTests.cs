using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Money;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>Where each yen goes, read through the API, for the paths the escrow tests leave out.</summary>
public sealed class SettlementTests : MoneyTest
{
    [Test]
    public async Task The_settlement_shows_the_whole_split_the_payment_and_the_escrow_balance()
    {
        var (business, worker, contract) = await Contract(1_200_000, "writing");
        var held = await Settlement(worker, Id(contract));
        Assert.That(held["amount"]!.GetValue<long>(), Is.EqualTo(1_200_000));
        Assert.That(held["producerFee"]!.GetValue<long>(), Is.Zero);
        Assert.That(held["platformFee"]!.GetValue<long>(), Is.EqualTo(120_000));
        Assert.That(held["withholdingTax"]!.GetValue<long>(), Is.EqualTo(142_940));
        Assert.That(held["workerNet"]!.GetValue<long>(), Is.EqualTo(937_060));
        Assert.That(held["escrowTotal"]!.GetValue<long>(), Is.EqualTo(1_057_060), "the amount less the tax the business remits");
        Assert.That(held["escrowBalance"]!.GetValue<long>(), Is.EqualTo(1_057_060), "funded at once in these tests");
        Assert.That(held["withholdingInEscrow"]!.GetValue<bool>(), Is.False);
        Assert.That(held["funded"]!.GetValue<bool>(), Is.True);
        Assert.That(held["released"]!.GetValue<bool>(), Is.False);
        Assert.That(Str(held["paymentStatus"]), Is.EqualTo("confirmed"));
        Assert.That(Str(held["paymentId"]), Is.EqualTo(Str((await Settlement(business, Id(contract)))["paymentId"])));

        await Deliver(business, worker, Id(contract));
        var released = await Settlement(business, Id(contract));
        Assert.That(released["released"]!.GetValue<bool>(), Is.True);
        Assert.That(released["escrowBalance"]!.GetValue<long>(), Is.Zero);
        Assert.That(Scalar($"SELECT released_at IS NOT NULL FROM contracts WHERE id = '{Id(contract)}'"), Is.EqualTo(1));
    }

    [Test]
    public async Task After_an_agreed_cancellation_the_settlement_shows_the_share_paid_and_the_refund()
    {
        var (business, worker, contract) = await Contract(100_000, "design");
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "途中まで" }));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/cancellation", new { reason = "中止", workerShare = 40_000 }));
        await Ok(await business.Http.PostAsync($"/api/contracts/{Id(contract)}/cancellation/accept", null));

        var settlement = await Settlement(business, Id(contract));
        Assert.That(Str(settlement["closedBy"]), Is.EqualTo("cancellation"));
        Assert.That(settlement["paid"]!["amount"]!.GetValue<long>(), Is.EqualTo(40_000));
        Assert.That(settlement["paid"]!["withholdingTax"]!.GetValue<long>(), Is.EqualTo(4_084));
        Assert.That(settlement["paid"]!["workerNet"]!.GetValue<long>(), Is.EqualTo(40_000 - 4_000 - 4_084));
        Assert.That(settlement["refunded"]!.GetValue<long>(), Is.EqualTo(100_000 - 10_210 - (40_000 - 4_084)));
    }

    [Test]
    public async Task An_accepted_contract_has_no_share_in_its_settlement()
    {
        var (business, worker, contract) = await Contract(50_000, "translation");
        await Deliver(business, worker, Id(contract));
        var settlement = await Settlement(worker, Id(contract));
        Assert.That(settlement["paid"], Is.Null);
        Assert.That(settlement["closedBy"], Is.Null);
    }

    [Test]
    public async Task Without_a_producer_the_release_pays_exactly_worker_and_platform()
    {
        var (business, worker, contract) = await Contract(50_000, "translation");
        await Deliver(business, worker, Id(contract));
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_entries WHERE account LIKE 'producer:%'"), Is.Zero);
        Assert.That(Balance("platform"), Is.EqualTo(5_000));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(39_895));
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-44_895), "¥50,000 less the ¥5,105 it remits itself");
        Assert.That(Balance($"escrow:{Id(contract)}"), Is.Zero);
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions"), Is.EqualTo(2), "fund and release");
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'release:{Id(contract)}' AND contract_id = '{Id(contract)}'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_refund_returns_the_producer_fee_too()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var worker = await SignUp(Role.Worker);
        await LinkProducer(business, producer, feeRate: 0.1m);
        var job = await Created(await producer.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "t", description = "d", category = "design", budgetMin = 1, budgetMax = 100_000,
            deadline = DateTimeOffset.UtcNow.AddDays(10), businessId = business.Id,
        }));
        var contract = await Award(producer, Id(job), Id(await PlaceBid(worker, Id(job), amount: 40_000)));
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-44_000), "amount plus the 10% producer fee");
        await Ok(await business.Http.PostAsync($"/api/jobs/{Id(job)}/cancel", null));
        Assert.That(Balance($"business:{business.Id}"), Is.Zero);
        Assert.That(Balance($"producer:{producer.Id}"), Is.Zero);
        // Posted once, under the contract's refund key, as an escrow refunded (statements read the kind).
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'refund:{Id(contract)}' AND kind = 'escrowRefunded'"), Is.EqualTo(1));
    }

    [Test]
    public async Task The_platform_fee_rate_and_the_withheld_categories_are_settings()
    {
        App.Dispose();
        App = new MarketplaceApp(TestDatabase.New(), new Dictionary<string, string?>
        {
            ["Money:PlatformFeeRate"] = "0.15",
            ["Money:WithholdingCategories:0"] = "dataEntry",
        });
        var (business, _, entry) = await Contract(100_000, "dataEntry");
        var dataEntry = await Settlement(business, Id(entry));
        Assert.That(dataEntry["platformFee"]!.GetValue<long>(), Is.EqualTo(15_000));
        Assert.That(dataEntry["withholdingTax"]!.GetValue<long>(), Is.EqualTo(10_210), "data entry is now a withheld category");
        var (business2, _, design) = await Contract(100_000, "design");
        Assert.That((await Settlement(business2, Id(design)))["withholdingTax"]!.GetValue<long>(), Is.Zero,
            "the setting replaces the default categories, it does not add to them");
    }

    [Test]
    public async Task A_business_reads_back_what_it_said_about_withholding()
    {
        var business = await SignUp(Role.Business);
        // The profile page starts from what is stored: a new business is no withholding agent until it says so.
        Assert.That((await Ok(await business.Http.GetAsync("/api/me/business-profile")))["isWithholdingAgent"]!.GetValue<bool>(), Is.False);
        var on = await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        Assert.That(on["isWithholdingAgent"]!.GetValue<bool>(), Is.True);
        Assert.That((await Ok(await business.Http.GetAsync("/api/me/business-profile")))["isWithholdingAgent"]!.GetValue<bool>(), Is.True);
        Assert.That(Scalar($"SELECT is_withholding_agent FROM users WHERE id = '{business.Id}'"), Is.EqualTo(1));
        var off = await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = false }));
        Assert.That(off["isWithholdingAgent"]!.GetValue<bool>(), Is.False);
        Assert.That(Scalar($"SELECT is_withholding_agent FROM users WHERE id = '{business.Id}'"), Is.Zero);
    }

    [Test]
    public async Task A_body_without_the_setting_is_refused_and_leaves_the_withholding_as_it_was()
    {
        var business = await SignUp(Role.Business);
        await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        var problem = await Problem(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { }), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().ContainsKey("isWithholdingAgent"), problem.ToJsonString());
        Assert.That(Scalar($"SELECT is_withholding_agent FROM users WHERE id = '{business.Id}'"), Is.EqualTo(1));
    }
}
