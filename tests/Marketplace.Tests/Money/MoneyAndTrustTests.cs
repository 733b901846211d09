using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marketplace.Money;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 13, "Money and trust": the statement says what each entry was as a code a client words in its reader's
/// language, a business reads what it paid in, got back and must remit (and by when), the settlement says when the
/// withheld tax is due, and a producer's desk shows what was agreed and whom it invited.
/// </summary>
public sealed class MoneyAndTrustTests : DealTest
{
    private ManualClock _clock => Time;

    [Test]
    public async Task Statement_entries_carry_a_kind_and_the_job_title_beside_the_English_description()
    {
        var (business, worker, contract) = await Contract(55_000);
        await Deliver(business, worker, Id(contract));

        var paid = (await Ok(await business.Http.GetAsync("/api/me/statement")))["entries"]!.AsArray().Single()!;
        Assert.That(Str(paid["kind"]), Is.EqualTo("escrowFunded"));
        Assert.That(Str(paid["jobTitle"]), Is.EqualTo("純米酒のラベルデザイン"));
        Assert.That(Str(paid["description"]), Is.EqualTo("Escrow funded by the business"), "kept for integrations");
        var earned = (await Ok(await worker.Http.GetAsync("/api/me/statement")))["entries"]!.AsArray().Single()!;
        Assert.That(Str(earned["kind"]), Is.EqualTo("escrowReleased"));
        Assert.That(Str(earned["contractId"]), Is.EqualTo(Id(contract)));

        var (other, _, cancelled) = await Contract(20_000);
        await Ok(await other.Http.PostAsync($"/api/jobs/{Str(cancelled["jobId"])}/cancel", null));
        var kinds = (await Ok(await other.Http.GetAsync("/api/me/statement")))["entries"]!.AsArray().Select(e => Str(e!["kind"]));
        Assert.That(kinds, Is.EqualTo(new[] { "escrowFunded", "escrowRefunded" }));
    }

    [Test]
    public void Every_kind_of_ledger_transaction_has_its_words_in_both_languages()
    {
        // A new movement of money needs its kind, and the kind its wording on the statement and in the CSV.
        foreach (var kind in Enum.GetValues<LedgerEntryKind>())
        {
            Assert.That(GetStatement.KindWords(kind, en: true), Is.Not.Empty, kind.ToString());
            Assert.That(GetStatement.KindWords(kind, en: false), Is.Not.Empty, kind.ToString());
        }
    }

    [Test]
    public async Task A_release_reads_as_released_and_a_cancellation_with_a_share_as_settled()
    {
        var (business, worker, contract) = await Contract(55_000);
        await Deliver(business, worker, Id(contract));
        var (other, paidWorker, cancelled) = await Contract(20_000);
        await Created(await paidWorker.Http.PostAsJsonAsync($"/api/contracts/{Id(cancelled)}/cancellation",
            new { reason = "事情により中止", workerShare = 5_000 }));
        await Ok(await other.Http.PostAsync($"/api/contracts/{Id(cancelled)}/cancellation/accept", null));

        async Task<string[]> Kinds(User user) =>
            (await Ok(await user.Http.GetAsync("/api/me/statement")))["entries"]!.AsArray().Select(e => Str(e!["kind"])).ToArray();
        Assert.That(await Kinds(worker), Is.EqualTo(new[] { "escrowReleased" }));
        Assert.That(await Kinds(paidWorker), Is.EqualTo(new[] { "escrowSettled" }));
        Assert.That(await Kinds(other), Is.EqualTo(new[] { "escrowFunded", "escrowSettled" }), "the rest came back in the same posting");
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE contract_id = '{Id(cancelled)}' AND kind = 'escrowSettled'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_business_reads_what_it_paid_in_got_back_and_must_remit_by_the_10th_of_the_next_month()
    {
        var (business, worker, contract) = await Contract(55_000);
        var (_, _, cancelled) = await ContractOf(business, 20_000);
        await Ok(await business.Http.PostAsync($"/api/jobs/{Str(cancelled["jobId"])}/cancel", null));
        await Deliver(business, worker, Id(contract));

        var totals = (await Ok(await business.Http.GetAsync("/api/me/statement")))["totals"]!;
        Assert.That(totals["paidIn"]!.GetValue<long>(), Is.EqualTo(55_000 - 5_615 + 20_000 - 2_042), "both payments into escrow, less the tax withheld");
        Assert.That(totals["refunded"]!.GetValue<long>(), Is.EqualTo(20_000 - 2_042), "the cancelled contract's payment");
        Assert.That(totals["gross"]!.GetValue<long>(), Is.EqualTo(55_000), "released to the worker's side");
        Assert.That(totals["withholdingTax"]!.GetValue<long>(), Is.EqualTo(5_615));
        var due = WithheldTaxDue.For(_clock.GetUtcNow());
        var remittance = totals["remittances"]!.AsArray().Single()!;
        Assert.That(Day(remittance["dueOn"]), Is.EqualTo(due));
        Assert.That(remittance["amount"]!.GetValue<long>(), Is.EqualTo(5_615));

        // Released in the next month: a second remittance, due a month later.
        var (_, worker2, later) = await ContractOf(business, 55_000);
        _clock.Advance(TimeSpan.FromDays(32));
        await Deliver(business, worker2, Id(later));
        var remittances = (await Ok(await business.Http.GetAsync("/api/me/statement")))["totals"]!["remittances"]!.AsArray();
        Assert.That(remittances.Select(r => Day(r!["dueOn"])), Is.EqualTo(new[] { due, WithheldTaxDue.For(_clock.GetUtcNow()) }));

        var workerTotals = (await Ok(await worker.Http.GetAsync("/api/me/statement")))["totals"]!;
        Assert.That(workerTotals["remittances"]!.AsArray(), Is.Empty, "a worker remits nothing");
        Assert.That(workerTotals["refunded"]!.GetValue<long>(), Is.Zero);
    }

    [Test]
    public async Task The_settlement_says_what_acceptance_would_release_and_when_the_tax_is_due()
    {
        var (business, worker, contract) = await Contract(55_000);
        var before = await Settlement(business, Id(contract));
        Assert.That(before["amount"]!.GetValue<long>(), Is.EqualTo(55_000));
        Assert.That(before["platformFee"]!.GetValue<long>(), Is.EqualTo(5_500));
        Assert.That(before["withholdingTax"]!.GetValue<long>(), Is.EqualTo(5_615));
        Assert.That(before["workerNet"]!.GetValue<long>(), Is.EqualTo(43_885), "the issue's own example");
        Assert.That(Day(before["remitWithholdingBy"]), Is.EqualTo(WithheldTaxDue.For(_clock.GetUtcNow())));

        var (untaxedBusiness, _, untaxed) = await Contract(30_000, agent: false);
        Assert.That((await Settlement(untaxedBusiness, Id(untaxed)))["remitWithholdingBy"], Is.Null, "nothing withheld, nothing due");

        await Deliver(business, worker, Id(contract));
        _clock.Advance(TimeSpan.FromDays(40));
        var after = await Settlement(business, Id(contract));
        Assert.That(Day(after["remitWithholdingBy"]), Is.EqualTo(Day(before["remitWithholdingBy"])),
            "fixed by the release, not by today");

    }

    [Test]
    public async Task The_pipeline_shows_the_contract_amount_and_recommendations_say_who_was_invited()
    {
        var (business, producer, worker, contract) = await BrokeredContract(22_000);
        var pipeline = await Ok(await producer.Http.GetAsync("/api/producer/pipeline"));
        var awarded = pipeline["jobs"]!.AsArray().Single(g => Str(g!["status"]) == "awarded")!["jobs"]!.AsArray().Single()!;
        Assert.That(awarded["budgetMax"]!.GetValue<long>(), Is.EqualTo(100_000));
        Assert.That(awarded["contractAmount"]!.GetValue<long>(), Is.EqualTo(22_000));
        Assert.That(Str(awarded["contractId"]), Is.EqualTo(Id(contract)));

        var job = await Created(await producer.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "文字起こし2", description = "60分", category = "transcription", budgetMin = 1, budgetMax = 30_000,
            deadline = DateTimeOffset.UtcNow.AddDays(10), businessId = business.Id,
        }));
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills = new[] { "文字起こし" }, region = "秋田県湯沢市", weeklyHours = 10, availability = "" }));
        var other = await SignUp(Role.Worker);
        await Ok(await other.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills = new[] { "文字起こし" }, region = "秋田県湯沢市", weeklyHours = 10, availability = "" }));
        var open = pipeline["jobs"]!.AsArray().Single(g => Str(g!["status"]) == "open")!["jobs"]!.AsArray();
        Assert.That(open, Is.Empty);
        await Created(await producer.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/invitations", new { workerId = worker.Id }));
        var ranked = (await producer.Http.GetFromJsonAsync<JsonArray>($"/api/jobs/{Id(job)}/recommended-workers"))!;
        Assert.That(ranked.Single(w => Str(w!["workerId"]) == worker.Id)!["invited"]!.GetValue<bool>(), Is.True);
        Assert.That(ranked.Single(w => Str(w!["workerId"]) == other.Id)!["invited"]!.GetValue<bool>(), Is.False);
        var openNow = (await Ok(await producer.Http.GetAsync("/api/producer/pipeline")))["jobs"]!.AsArray()
            .Single(g => Str(g!["status"]) == "open")!["jobs"]!.AsArray().Single()!;
        Assert.That(openNow["contractAmount"], Is.Null, "no contract yet");
    }

    private static DateOnly Day(JsonNode? node) => DateOnly.Parse(Str(node), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A second contract of the same business (a withholding agent), with a new worker.</summary>
    private async Task<(User Business, User Worker, JsonObject Contract)> ContractOf(User business, long amount)
    {
        var worker = await SignUp(Role.Worker);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills = new[] { "design" }, region = "秋田県湯沢市", weeklyHours = 20, availability = "", isIndividual = true }));
        var job = await PostJob(business, NewJob(budgetMin: 1, budgetMax: amount));
        return (business, worker, await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), amount: amount))));
    }
}
