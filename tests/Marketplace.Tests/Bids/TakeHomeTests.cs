using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>Issue 27: while bidding, a worker reads what a bid would take home (手取り見込み), as the award will split it.</summary>
public sealed class TakeHomeTests : MoneyTest
{
    [Test]
    public async Task A_worker_reads_the_take_home_of_a_bid_less_the_fee_and_the_tax_the_business_withholds()
    {
        var business = await SignUp(Role.Business);
        await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        var worker = await SignUp(Role.Worker);
        var design = await PostJob(business, NewJob(category: "design", budgetMin: 1, budgetMax: 100_000));
        var estimate = await Ok(await worker.Http.GetAsync($"/api/jobs/{Id(design)}/take-home?amount=50000"));
        Assert.That((estimate["amount"]!.GetValue<long>(), estimate["platformFee"]!.GetValue<long>(), estimate["withholdingTax"]!.GetValue<long>(),
            estimate["takeHome"]!.GetValue<long>(), estimate["withholds"]!.GetValue<bool>()), Is.EqualTo((50_000L, 5_000L, 5_105L, 39_895L, true)));

        var entry = await PostJob(business, NewJob(category: "dataEntry", budgetMin: 1, budgetMax: 100_000));
        var untaxed = await Ok(await worker.Http.GetAsync($"/api/jobs/{Id(entry)}/take-home?amount=50000"));
        Assert.That((untaxed["takeHome"]!.GetValue<long>(), untaxed["withholds"]!.GetValue<bool>()), Is.EqualTo((45_000L, false)),
            "the law names no data entry");

        // The award splits it the same way: the estimate is the worker's net on the contract.
        var contract = await Award(business, Id(design), Id(await PlaceBid(worker, Id(design), 50_000)));
        Assert.That((await Settlement(worker, Id(contract)))["workerNet"]!.GetValue<long>(), Is.EqualTo(39_895));
    }

    [Test]
    public async Task Only_a_worker_estimates_on_a_job_it_can_see_and_a_bad_amount_is_a_400()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business);
        await Problem(await business.Http.GetAsync($"/api/jobs/{Id(job)}/take-home?amount=50000"), HttpStatusCode.Forbidden);
        await Problem(await worker.Http.GetAsync("/api/jobs/nope/take-home?amount=50000"), HttpStatusCode.NotFound);
        await Problem(await worker.Http.GetAsync($"/api/jobs/{Id(job)}/take-home?amount=0"), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.GetAsync($"/api/jobs/{Id(job)}/take-home?amount=abc"), HttpStatusCode.BadRequest);
    }
}
