using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Comparing bids, the business (or its producer) reads what awarding each one would cost: the payment into escrow, its
/// producer's fee and the tax it withholds and pays itself — split as the award then splits it (a trial's business saw
/// only the bid's amount before paying in less, or more).
/// </summary>
public sealed class AwardCostTests : MoneyTest
{
    private static JsonObject BidOf(JsonArray bids, string id) => bids.Select(b => b!.AsObject()).Single(b => Id(b) == id);

    private static (long PaidIn, long ProducerFee, long WithholdingTax) Cost(JsonObject bid) =>
        (bid["awardCost"]!["paidIn"]!.GetValue<long>(), bid["awardCost"]!["producerFee"]!.GetValue<long>(),
            bid["awardCost"]!["withholdingTax"]!.GetValue<long>());

    private async Task<User> Worker(bool individual)
    {
        var worker = await SignUp(Role.Worker);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills = new[] { "design" }, region = "秋田県湯沢市", weeklyHours = 20, availability = "", isIndividual = individual }));
        return worker;
    }

    [Test]
    public async Task Each_pending_bid_shows_the_payment_into_escrow_its_award_asks_for()
    {
        var business = await SignUp(Role.Business);
        await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        var person = await Worker(individual: true);
        var company = await Worker(individual: false);
        var job = await PostJob(business, NewJob(category: "design", budgetMin: 1, budgetMax: 100_000));
        var personal = await PlaceBid(person, Id(job), 50_000);
        var corporate = await PlaceBid(company, Id(job), 60_000);

        var bids = (await business.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/bids"))!;
        Assert.That(Cost(BidOf(bids, Id(personal))), Is.EqualTo((44_895L, 0L, 5_105L)),
            "a person's design work: the business withholds 10.21% (¥5,105) and pays the rest into escrow");
        Assert.That(Cost(BidOf(bids, Id(corporate))), Is.EqualTo((60_000L, 0L, 0L)), "a company is not withheld on");

        var contract = await Award(business, Id(job), Id(personal));
        Assert.That((await Settlement(business, Id(contract)))["escrowTotal"]!.GetValue<long>(), Is.EqualTo(44_895),
            "the award asks for what the bid showed");
        var after = (await business.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/bids"))!;
        Assert.That(after.Select(b => b!["awardCost"]), Is.All.Null, "no bid is pending any more");
    }

    [Test]
    public async Task A_producer_sees_its_fee_in_the_cost_and_a_bidder_sees_no_cost()
    {
        var business = await SignUp(Role.Business);
        var producer = await SignUp(Role.Producer);
        var worker = await SignUp(Role.Worker);
        await LinkProducer(business, producer, feeRate: 0.05m);
        var job = await Created(await producer.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "文字起こし", description = "60分", category = "transcription", budgetMin = 1, budgetMax = 100_000,
            deadline = DateTimeOffset.UtcNow.AddDays(10), businessId = business.Id,
        }));
        var bid = await PlaceBid(worker, Id(job), 30_001);

        foreach (var runner in new[] { business, producer })
            Assert.That(Cost(BidOf((await runner.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/bids"))!, Id(bid))),
                Is.EqualTo((31_501L, 1_500L, 0L)), "¥30,001 and 5% of it (¥1,500.05, rounded down); the business is no withholding agent");
        var own = BidOf((await worker.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/bids"))!, Id(bid));
        Assert.That(own["awardCost"], Is.Null, "what the business pays is the business's");

        var contract = await Award(producer, Id(job), Id(bid));
        Assert.That((await Settlement(business, Id(contract)))["escrowTotal"]!.GetValue<long>(), Is.EqualTo(31_501));
    }
}
