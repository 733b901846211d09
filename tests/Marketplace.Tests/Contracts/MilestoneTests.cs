using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;
using Marketplace.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// Milestones (分割払い, issue 24): a contract paid in parts, each funded before the worker starts it, delivered,
/// inspected and released on its own, with its own withholding, documents and payment date; the last one accepted
/// completes the contract, and a cancellation settles the funded part and ends the rest.
/// </summary>
public sealed class MilestoneTests : DealTest
{
    private string DueIn(int days) => Day(JapanDay(Time.GetUtcNow()).AddDays(days));

    private object[] Plan(params long[] amounts) =>
        amounts.Select((amount, i) => (object)new { title = $"第{i + 1}回", amount, dueOn = DueIn(10 * (i + 1)) }).ToArray();

    /// <summary>A design job (withheld: an individual paid by a withholding agent) awarded with the milestones given.</summary>
    private async Task<(User Business, User Worker, HttpResponseMessage Award)> AwardWith(long amount, object[]? milestones, bool fundAll = false)
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills = new[] { "design" }, region = "秋田県湯沢市", weeklyHours = 20, availability = "", isIndividual = true }));
        var job = await PostJob(business, NewJob(category: "design", budgetMin: 1, budgetMax: amount));
        var bid = await PlaceBid(worker, Id(job), amount: amount);
        var award = await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award",
            new { bidId = Id(bid), milestones, fundAllMilestones = fundAll });
        return (business, worker, award);
    }

    private async Task<(User Business, User Worker, string ContractId)> MilestoneContract(long amount, params long[] parts)
    {
        var (business, worker, award) = await AwardWith(amount, Plan(parts));
        return (business, worker, Id(await Created(award)));
    }

    private async Task<JsonArray> Milestones(User user, string contractId) => (await Detail(user, contractId))["milestones"]!.AsArray();

    private async Task<string> MilestoneId(User user, string contractId, int position) => Str((await Milestones(user, contractId))[position - 1]!["id"]);

    private async Task<JsonObject> SubmitMilestone(User worker, string contractId, string milestoneId, string message = "納品します") =>
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{contractId}/milestones/{milestoneId}/submissions", new { message }));

    private async Task<JsonObject> AcceptMilestone(User business, string contractId, string milestoneId) =>
        await Ok(await business.Http.PostAsync($"/api/contracts/{contractId}/milestones/{milestoneId}/accept", null));

    private static long Withheld(long amount) => amount * 1021 / 10_000;

    private static long Net(long amount) => amount - amount / 10 - Withheld(amount);

    [Test]
    public async Task A_two_milestone_contract_is_paid_in_two_releases_each_with_its_own_withholding_and_documents()
    {
        var (business, worker, id) = await MilestoneContract(50_000, 20_000, 30_000);
        var plan = await Milestones(worker, id);
        Assert.That(plan.Select(m => Str(m!["status"])), Is.EqualTo(new[] { "funded", "unfunded" }), "the award funds the first milestone only");
        Assert.That(plan[0]!["paidIn"]!.GetValue<long>(), Is.EqualTo(20_000 - Withheld(20_000)), "its payment is its amount less its own withholding");
        Assert.That(Scalar("SELECT COUNT(*) FROM payments"), Is.EqualTo(1));
        Assert.That((await Settlement(business, id))["funded"]!.GetValue<bool>(), Is.True,
            "its first milestone funded, the contract is funded: its award no longer lapses unpaid");
        var (first, second) = (Str(plan[0]!["id"]), Str(plan[1]!["id"]));

        await Conflict(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/milestones/{second}/submissions", new { message = "早すぎ" }), "escrowNotFunded");
        await Conflict(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/submissions", new { message = "全部" }), "contractHasMilestones");
        await Problem(await worker.Http.PostAsync($"/api/contracts/{id}/milestones/{first}/accept", null), HttpStatusCode.Forbidden);
        await Problem(await worker.Http.PostAsync($"/api/contracts/{id}/milestones/{second}/fund", null), HttpStatusCode.Forbidden);

        await SubmitMilestone(worker, id, first);
        await AcceptMilestone(business, id, first);
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(Net(20_000)), "the first release pays the first milestone's net");
        Assert.That(await StatementLines(worker), Is.EqualTo(new[] { "Escrow released for an accepted milestone" }));
        Assert.That(Balance($"escrow:{id}"), Is.Zero);
        Assert.That(Str((await ContractOf(worker, id))["status"]), Is.EqualTo("active"), "the contract goes on with its next milestone");
        Assert.That(Scalar($"SELECT COUNT(*) FROM documents WHERE milestone_id = '{first}' AND kind = 'withholdingNotice' AND withholding_tax = {Withheld(20_000)}"),
            Is.EqualTo(1), "the first payment's own withholding notice");
        await Conflict(await business.Http.PostAsync($"/api/contracts/{id}/milestones/{first}/accept", null), "milestoneStatus");
        Assert.That((await Ok(await business.Http.GetAsync($"/api/contracts/{id}/settlement")))["released"]!.GetValue<bool>(), Is.False,
            "a milestone is released; the contract's escrow still has a milestone to pay");

        await Ok(await business.Http.PostAsync($"/api/contracts/{id}/milestones/{second}/fund", null));
        await Conflict(await business.Http.PostAsync($"/api/contracts/{id}/milestones/{second}/fund", null), "milestoneStatus");
        await SubmitMilestone(worker, id, second);
        var done = await AcceptMilestone(business, id, second);
        Assert.That(Str(done["contract"]!["status"]), Is.EqualTo("completed"), "the last milestone accepted completes the contract");
        Assert.That(Str(done["contract"]!["closedBy"]), Is.EqualTo("acceptance"));
        Assert.That(done["milestones"]!.AsArray().Select(m => Str(m!["status"])), Is.EqualTo(new[] { "accepted", "accepted" }));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(Net(20_000) + Net(30_000)), "two releases, each withheld on its own payment");
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-(50_000 - Withheld(20_000) - Withheld(30_000))));
        Assert.That(Balance($"escrow:{id}"), Is.Zero);
        Assert.That((await Ok(await business.Http.GetAsync($"/api/contracts/{id}/settlement")))["released"]!.GetValue<bool>(), Is.True);
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE contract_id = '{id}' AND kind = 'escrowReleased'"), Is.EqualTo(2));
        Assert.That(Scalar($"SELECT COUNT(*) FROM documents WHERE contract_id = '{id}' AND kind = 'workerInvoice'"), Is.EqualTo(2), "an invoice per payment");
        foreach (var type in new[] { "milestone.funded", "milestone.submitted", "milestone.accepted" })
            Assert.That(Scalar($"SELECT COUNT(*) FROM events WHERE type = '{type}'"), Is.EqualTo(2), type);
        var feed = (await Ok(await business.Http.GetAsync("/api/events?after=0")))["items"]!.AsArray();
        Assert.That(feed.Where(e => Str(e!["type"]) == "milestone.funded").Select(e => Str(e!["data"]!["jobId"])),
            Is.EqualTo(new[] { Str(done["contract"]!["jobId"]), Str(done["contract"]!["jobId"]) }), "each funding names the job, as the feed's readers filter by it");
        Assert.That(Str(JsonNode.Parse(await (await business.Http.GetAsync($"/api/jobs/{Str(done["contract"]!["jobId"])}")).Content.ReadAsStringAsync())!["status"]),
            Is.EqualTo("completed"));
    }

    /// <summary>
    /// A statement counts the milestones released in its period, each with its own split, not the whole contract once
    /// its first milestone is paid (a user trial read ¥45,000 earned where ¥15,000 had been paid).
    /// </summary>
    [Test]
    public async Task A_statement_counts_each_released_milestone_with_its_own_withholding_not_the_whole_contract()
    {
        var (business, worker, id) = await MilestoneContract(45_000, 15_000, 15_000, 15_000);
        var first = await MilestoneId(worker, id, 1);
        await SubmitMilestone(worker, id, first);
        await AcceptMilestone(business, id, first);

        var earned = (await Ok(await worker.Http.GetAsync("/api/me/statement")))["totals"]!;
        Assert.That(earned["gross"]!.GetValue<long>(), Is.EqualTo(15_000), "the first milestone, not the contract's ¥45,000");
        Assert.That(earned["withholdingTax"]!.GetValue<long>(), Is.EqualTo(Withheld(15_000)));
        Assert.That(earned["platformFees"]!.GetValue<long>(), Is.EqualTo(1_500));
        Assert.That(earned["earned"]!.GetValue<long>(), Is.EqualTo(Net(15_000)));
        Assert.That(earned["net"]!.GetValue<long>(), Is.EqualTo(Net(15_000)), "what it earned is what its balance gained");

        var paid = (await Ok(await business.Http.GetAsync("/api/me/statement")))["totals"]!;
        Assert.That(paid["gross"]!.GetValue<long>(), Is.EqualTo(15_000));
        Assert.That(paid["withholdingTax"]!.GetValue<long>(), Is.EqualTo(Withheld(15_000)), "the tax it remits for the one payment made");
        Assert.That(paid["remittances"]!.AsArray().Sum(r => r!["amount"]!.GetValue<long>()), Is.EqualTo(Withheld(15_000)));
    }

    [Test]
    public async Task The_contracts_money_adds_up_what_each_milestone_withholds_rounded_per_payment()
    {
        // 10.21% of each third, rounded down per payment: 3,403 three times is ¥10,209, where the whole amount's is ¥10,210.
        var (business, worker, id) = await MilestoneContract(100_000, 33_333, 33_333, 33_334);
        var settlement = await Ok(await worker.Http.GetAsync($"/api/contracts/{id}/settlement"));
        Assert.That(settlement["withholdingTax"]!.GetValue<long>(), Is.EqualTo(3 * 3_403));
        Assert.That(settlement["platformFee"]!.GetValue<long>(), Is.EqualTo(3_333 + 3_333 + 3_333));
        Assert.That(settlement["workerNet"]!.GetValue<long>(), Is.EqualTo(Net(33_333) * 2 + Net(33_334)), "what the three releases pay");
        Assert.That(settlement["escrowTotal"]!.GetValue<long>(), Is.EqualTo(100_000 - 3 * 3_403), "what the three payments ask for");
        Assert.That((await Milestones(business, id)).Sum(m => m!["withholdingTax"]!.GetValue<long>()), Is.EqualTo(3 * 3_403));
    }

    [Test]
    public async Task The_terms_notice_states_each_milestones_payment_and_its_date_rule()
    {
        var (business, worker, id) = await MilestoneContract(50_000, 20_000, 30_000);
        var notice = await TermsOf(worker, id);
        var stated = notice["terms"]!["milestones"]!.AsArray();
        Assert.That(stated.Select(m => Str(m!["title"])), Is.EqualTo(new[] { "第1回", "第2回" }), "the content of each payment, in order");
        Assert.That(stated.Select(m => m!["amount"]!.GetValue<long>()), Is.EqualTo(new[] { 20_000L, 30_000L }));
        Assert.That(stated.Select(m => Str(m!["dueOn"])), Is.EqualTo(new[] { DueIn(10), DueIn(20) }));
        Assert.That(stated.Select(m => m!["withholdingTax"]!.GetValue<long>()), Is.EqualTo(new[] { Withheld(20_000), Withheld(30_000) }));
        Assert.That(stated.Select(m => m!["workerNet"]!.GetValue<long>()), Is.EqualTo(new[] { Net(20_000), Net(30_000) }));
        Assert.That(stated.Select(m => m!["maxDaysAfterDelivery"]!.GetValue<int>()), Is.All.EqualTo(60), "art. 4, from that milestone's delivery");
        Assert.That(stated.Select(m => m!["daysAfterAcceptance"]!.GetValue<int>()), Is.All.EqualTo(30));
        // The bid promised delivery in 14 days; the plan's last milestone is due in 20: the notice's one date by which the
        // work is received is the last milestone's, never before a milestone it lists.
        var deliveryDate = notice["terms"]!["deliveryDate"]!.GetValue<DateTimeOffset>();
        Assert.That(JapanDay(deliveryDate), Is.EqualTo(JapanDay(Time.GetUtcNow()).AddDays(20)));
        Assert.That(Str((await ContractOf(business, id))["deadline"]), Does.StartWith(JapanDay(Time.GetUtcNow()).AddDays(20).ToString("yyyy-MM-dd")));
        Assert.That(Str(notice["terms"]!["payment"]!["rule"]), Does.Contain("Each milestone"));

        var first = await MilestoneId(worker, id, 1);
        await SubmitMilestone(worker, id, first);
        var delivered = JapanDay(Time.GetUtcNow());
        var schedule = (await TermsOf(business, id))["schedule"]!["milestones"]!.AsArray();
        Assert.That(Str(schedule[0]!["latestPaymentOn"]), Is.EqualTo(Day(delivered.AddDays(59))), "the live date of the delivered milestone");
        Assert.That(schedule[1]!["latestPaymentOn"]?.GetValueKind(), Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null));

        var (plainBusiness, _, plain) = await Contract(30_000);
        Assert.That((await TermsOf(plainBusiness, Id(plain)))["terms"]!["milestones"]?.GetValueKind(),
            Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null), "a contract paid at the end states no milestones");
    }

    [Test]
    public async Task A_milestone_added_by_an_agreed_change_is_stated_in_a_new_terms_version()
    {
        var (business, worker, id) = await MilestoneContract(20_000, 10_000, 10_000);
        var change = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/milestones",
            new { milestones = new[] { new { title = "追加の版", amount = 15_000, dueOn = DueIn(25) } }, reason = "追加の依頼" }));
        Assert.That((await TermsOf(worker, id))["latestVersion"]!.GetValue<int>(), Is.EqualTo(1), "a proposal changes no terms");
        await Ok(await business.Http.PostAsync($"/api/change-requests/{Id(change)}/accept", null));

        var notice = await TermsOf(worker, id);
        Assert.That(notice["latestVersion"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(Str(notice["terms"]!["changeRequestId"]), Is.EqualTo(Id(change)));
        var stated = notice["terms"]!["milestones"]!.AsArray();
        Assert.That(stated.Select(m => Str(m!["title"])), Is.EqualTo(new[] { "第1回", "第2回", "追加の版" }));
        Assert.That(stated[2]!["amount"]!.GetValue<long>(), Is.EqualTo(15_000));
        Assert.That(Str(stated[2]!["dueOn"]), Is.EqualTo(DueIn(25)));
        Assert.That(notice["terms"]!["amount"]!["total"]!.GetValue<long>(), Is.EqualTo(35_000));
        Assert.That((await TermsOf(worker, id, 1))["terms"]!["milestones"]!.AsArray().Count, Is.EqualTo(2), "version 1 stays as it was");
    }

    /// <summary>
    /// A milestone's payment request is that milestone's: it names it and its split is its own, not the whole contract's
    /// and not a top-up's (a user trial read ¥13,469 to pay above a breakdown ending in ¥40,406).
    /// </summary>
    [Test]
    public async Task A_milestones_payment_request_names_it_and_breaks_down_its_own_amount()
    {
        var (business, worker, id) = await MilestoneContract(45_000, 15_000, 15_000, 15_000);
        var first = await Ok(await business.Http.GetAsync($"/api/contracts/{id}/payment-request"));
        Assert.That(first["milestones"]!.AsArray().Select(m => Str(m!["title"])), Is.EqualTo(new[] { "第1回" }));
        Assert.That(first["contractAmount"]!.GetValue<long>(), Is.EqualTo(15_000));
        Assert.That(first["withholdingTax"]!.GetValue<long>(), Is.EqualTo(Withheld(15_000)));
        Assert.That(first["amount"]!.GetValue<long>(), Is.EqualTo(15_000 - Withheld(15_000)), "what it asks equals its breakdown");

        await Ok(await business.Http.PostAsync($"/api/contracts/{id}/milestones/{await MilestoneId(worker, id, 2)}/fund", null));
        var second = await Ok(await business.Http.GetAsync($"/api/contracts/{id}/payment-request"));
        Assert.That(second["milestones"]!.AsArray().Select(m => Str(m!["title"])), Is.EqualTo(new[] { "第2回" }));
        Assert.That(second["amount"]!.GetValue<long>(), Is.EqualTo(second["contractAmount"]!.GetValue<long>() - second["withholdingTax"]!.GetValue<long>()));

        var (plainBusiness, _, plainAward) = await AwardWith(30_000, null);
        var plain = Id(await Created(plainAward));
        var single = await Ok(await plainBusiness.Http.GetAsync($"/api/contracts/{plain}/payment-request"));
        Assert.That(single["milestones"]!.AsArray(), Is.Empty, "a contract without milestones is paid as one");
        Assert.That(single["contractAmount"]!.GetValue<long>(), Is.EqualTo(30_000));
    }

    [Test]
    public async Task A_plan_has_at_most_20_milestones()
    {
        var (_, _, tooMany) = await AwardWith(21_000, Plan(Enumerable.Repeat(1_000L, 21).ToArray()));
        Assert.That((await Problem(tooMany, HttpStatusCode.BadRequest))["errors"]!["milestones"], Is.Not.Null);
        var (_, _, twenty) = await AwardWith(20_000, Plan(Enumerable.Repeat(1_000L, 20).ToArray()));
        Assert.That((await Created(twenty))["id"], Is.Not.Null, "twenty is allowed");
    }

    [Test]
    public async Task A_milestone_is_at_least_1000_yen()
    {
        var (_, _, small) = await AwardWith(10_000, Plan(999, 9_001));
        Assert.That((await Problem(small, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key), Has.Some.StartsWith("milestones[0]"));
        var (_, _, least) = await AwardWith(10_000, Plan(1_000, 9_000));
        await Created(least);
    }

    [Test]
    public async Task The_milestones_sum_to_the_contract_amount()
    {
        var (_, _, short_) = await AwardWith(50_000, Plan(20_000, 29_999));
        var problem = await Problem(short_, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["milestones"], Is.Not.Null);
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts"), Is.Zero, "nothing is awarded");
        Assert.That(Scalar("SELECT COUNT(*) FROM jobs WHERE status = 'open'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Each_milestone_is_paid_by_60_days_from_its_own_first_delivery()
    {
        var (business, worker, id) = await MilestoneContract(40_000, 20_000, 20_000);
        var first = await MilestoneId(worker, id, 1);
        await SubmitMilestone(worker, id, first);
        var delivered = Time.GetUtcNow();
        await Ok(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/milestones/{first}/revisions", new { reason = "もう一度" }));
        Assert.That(Str((await Milestones(worker, id))[0]!["status"]), Is.EqualTo("revisionRequested"));
        Time.Advance(TimeSpan.FromDays(40));
        await SubmitMilestone(worker, id, first, "v2");
        var accepted = (await AcceptMilestone(business, id, first))["milestones"]!.AsArray()[0]!;
        Assert.That(Str(accepted["latestPaymentOn"]), Is.EqualTo(Day(JapanDay(delivered).AddDays(59))));
        Assert.That(Str(accepted["paymentDueOn"]), Is.EqualTo(Day(JapanDay(delivered).AddDays(59))),
            "40 days after the first delivery, 30 more would pass the law's 60: the date is the 60th day");

        var second = await MilestoneId(worker, id, 2);
        await Ok(await business.Http.PostAsync($"/api/contracts/{id}/milestones/{second}/fund", null));
        await SubmitMilestone(worker, id, second);
        var last = (await AcceptMilestone(business, id, second))["milestones"]!.AsArray()[1]!;
        Assert.That(Str(last["paymentDueOn"]), Is.EqualTo(DueIn(30)), "the second milestone counts from its own delivery: the terms' 30 days");
    }

    [Test]
    public async Task A_milestone_lapses_into_acceptance_exactly_once_with_two_API_hosts_on_one_database()
    {
        var (business, worker, id) = await MilestoneContract(60_000, 30_000, 30_000);
        var first = await MilestoneId(worker, id, 1);
        await SubmitMilestone(worker, id, first);
        using var second = new MarketplaceApp(App.Database, Settings, clock: Time);
        _ = second.Server;

        Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.That((await RunClock()).AcceptedByLapse, Is.Zero, "a minute early nothing happens");
        await using (var early = App.Services.CreateAsyncScope())
            Assert.That(await early.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new AcceptMilestoneByLapse.Command(first)), Is.False,
                "a lapse sent a minute early (a clock that read the milestone before its period was started again) accepts nothing");
        Assert.That(Str((await Milestones(business, id))[0]!["status"]), Is.EqualTo("submitted"));
        Time.Advance(TimeSpan.FromMinutes(2));
        var commands = await Task.WhenAll(new[] { App, second, App, second }.Select(async app =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new AcceptMilestoneByLapse.Command(first));
        }));
        Assert.That(commands.Count(accepted => accepted), Is.EqualTo(1), "one command of one host accepts");
        var runs = await Task.WhenAll(RunClock(), RunClock(second));
        Assert.That(runs.Sum(r => r.AcceptedByLapse), Is.Zero, "and the clocks find nothing left to accept");

        var milestone = (await Milestones(business, id))[0]!;
        Assert.That(Str(milestone["status"]), Is.EqualTo("accepted"));
        Assert.That(Str(milestone["acceptedBy"]), Is.EqualTo("lapse"));
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'milestone-release:{first}'"), Is.EqualTo(1));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(Net(30_000)));
        Assert.That(Str((await ContractOf(worker, id))["status"]), Is.EqualTo("active"));
    }

    [Test]
    public async Task The_clock_accepts_the_last_milestone_and_completes_the_contract_by_lapse()
    {
        var (business, worker, award) = await AwardWith(20_000, Plan(10_000, 10_000), fundAll: true);
        var id = Id(await Created(award));
        Assert.That(Scalar("SELECT COUNT(*) FROM payments"), Is.EqualTo(1), "one transfer funds them all");
        Assert.That((await Milestones(worker, id)).Select(m => Str(m!["status"])), Is.EqualTo(new[] { "funded", "funded" }));
        foreach (var position in new[] { 1, 2 }) await SubmitMilestone(worker, id, await MilestoneId(worker, id, position));
        Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.That((await RunClock()).AcceptedByLapse, Is.EqualTo(2));
        var contract = await ContractOf(worker, id);
        Assert.That(Str(contract["status"]), Is.EqualTo("completed"));
        Assert.That(Str(contract["closedBy"]), Is.EqualTo("lapse"));
        Assert.That(Balance($"escrow:{id}"), Is.Zero);
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(2 * Net(10_000)));

        // The contract closes by its last milestone's lapse, and says so: the business learns its silence accepted the
        // work, the worker that it was accepted when the period ended; neither reads that the business accepted it.
        async Task<(string Kind, string Message)[]> Told(User user) =>
            (await Ok(await user.Http.GetAsync("/api/notifications")))["items"]!.AsArray()
                .Select(n => (Str(n!["kind"]), Str(n["message"])))
                .Where(n => n.Item1 is "workAccepted" or "acceptedByLapse").ToArray();
        Assert.That(await Told(business), Is.EqualTo(new[]
        {
            ("acceptedByLapse", "The inspection period of \"純米酒のラベルデザイン\" ended without an answer: the work counts as accepted and the payment was released."),
        }));
        Assert.That(await Told(worker), Is.EqualTo(new[]
        {
            ("acceptedByLapse", "Your work on \"純米酒のラベルデザイン\" was accepted when its inspection period ended; the payment was released."),
        }));
        var events = (await Ok(await business.Http.GetAsync("/api/events")))["items"]!.AsArray().Select(e => Str(e!["type"]));
        Assert.That(events.Where(t => t.StartsWith("contract.")), Is.EquivalentTo(new[] { "contract.awarded", "contract.acceptedByLapse" }));
    }

    /// <summary>
    /// What each release tells, as the parties read it: a notice per milestone naming it and how it was accepted, the
    /// documents titled for the milestone, and the contract's own acceptance notices only with its last milestone, in
    /// the words of how that last one was accepted.
    /// </summary>
    [Test]
    public async Task Each_milestone_release_tells_the_worker_which_milestone_was_paid_and_the_last_one_tells_the_contracts_acceptance()
    {
        var (business, worker, award) = await AwardWith(20_000, Plan(10_000, 10_000), fundAll: true);
        var id = Id(await Created(award));
        var (first, second) = (await MilestoneId(worker, id, 1), await MilestoneId(worker, id, 2));
        async Task<(string Kind, string Message)[]> Told(User user) =>
            (await Ok(await user.Http.GetAsync("/api/notifications")))["items"]!.AsArray()
                .Select(n => (Str(n!["kind"]), Str(n["message"])))
                .Where(n => n.Item1 is "paymentReleased" or "workAccepted" or "acceptedByLapse").Reverse().ToArray();
        async Task<string[]> Events() =>
            (await Ok(await business.Http.GetAsync("/api/events")))["items"]!.AsArray().Select(e => Str(e!["type"]))
                .Where(t => t.StartsWith("contract.")).ToArray();

        // The first milestone lapses into acceptance: the worker reads that silence accepted it; the contract goes on.
        await SubmitMilestone(worker, id, first);
        Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.That((await RunClock()).AcceptedByLapse, Is.EqualTo(1));
        Assert.That(await Told(worker), Is.EqualTo(new[]
        {
            ("paymentReleased", "The milestone \"第1回\" of \"純米酒のラベルデザイン\" was accepted when its inspection period ended; its payment was released."),
        }));
        Assert.That(await Told(business), Is.Empty, "the contract is not accepted yet: no acceptance by lapse to the business");
        Assert.That(await Events(), Is.EqualTo(new[] { "contract.awarded" }));
        // The business accepting it now is refused, saying why.
        var again = await Problem(await business.Http.PostAsync($"/api/contracts/{id}/milestones/{first}/accept", null), HttpStatusCode.Conflict);
        Assert.That(Str(again["detail"]), Is.EqualTo("A milestone can be accepted only when its work has been submitted. The milestone is accepted."));

        // The second is accepted by the business: its own notice (not merged with the first's), then the contract's.
        await SubmitMilestone(worker, id, second);
        await AcceptMilestone(business, id, second);
        Assert.That(await Told(worker), Is.EqualTo(new[]
        {
            ("paymentReleased", "The milestone \"第1回\" of \"純米酒のラベルデザイン\" was accepted when its inspection period ended; its payment was released."),
            ("paymentReleased", "The milestone \"第2回\" of \"純米酒のラベルデザイン\" was accepted; its payment was released."),
            ("workAccepted", "Your work on \"純米酒のラベルデザイン\" was accepted."),
            ("paymentReleased", "Payment for \"純米酒のラベルデザイン\" was released."),
        }));
        Assert.That(await Told(business), Is.Empty, "accepted by the business itself, not by its silence");
        Assert.That(await Events(), Is.EqualTo(new[] { "contract.awarded", "contract.accepted" }));

        // Each payment's documents name the job and the milestone they pay.
        var documents = (await worker.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{id}/documents"))!;
        Assert.That(documents.Where(d => Str(d!["kind"]) == "workerInvoice").Select(d => Str(d!["description"])),
            Is.EquivalentTo(new[] { "純米酒のラベルデザイン（第1回）", "純米酒のラベルデザイン（第2回）" }));
    }

    [Test]
    public async Task A_cancellation_settles_the_funded_milestone_and_ends_the_unfunded_one_with_nothing_moved()
    {
        var (business, worker, id) = await MilestoneContract(60_000, 20_000, 20_000, 20_000);
        var first = await MilestoneId(worker, id, 1);
        await SubmitMilestone(worker, id, first);
        await AcceptMilestone(business, id, first);
        var second = await MilestoneId(worker, id, 2);
        await Ok(await business.Http.PostAsync($"/api/contracts/{id}/milestones/{second}/fund", null));
        var businessBefore = Balance($"business:{business.Id}");
        Assert.That(Balance($"escrow:{id}"), Is.EqualTo(20_000 - Withheld(20_000)), "the escrow holds the funded second milestone");

        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", new { reason = "体調不良", workerShare = 5_000 }));
        await Ok(await business.Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null));

        var detail = await Detail(worker, id);
        Assert.That(Str(detail["contract"]!["status"]), Is.EqualTo("cancelled"));
        Assert.That(detail["milestones"]!.AsArray().Select(m => Str(m!["status"])), Is.EqualTo(new[] { "accepted", "cancelled", "cancelled" }));
        Assert.That(Balance($"escrow:{id}"), Is.Zero);
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(Net(20_000) + Net(5_000)), "the first release and the share");
        Assert.That(Balance($"business:{business.Id}") - businessBefore, Is.EqualTo(20_000 - Withheld(20_000) - (5_000 - Withheld(5_000))),
            "the rest of the funded milestone is refunded");
        Assert.That(Scalar($"SELECT COUNT(*) FROM payments WHERE contract_id = '{id}'"), Is.EqualTo(2), "the third was never asked for");
    }

    [Test]
    public async Task A_cancelled_milestone_contracts_share_is_paid_by_day_60_from_that_milestones_delivery()
    {
        var (business, worker, id) = await MilestoneContract(40_000, 20_000, 20_000);
        var (otherBusiness, otherWorker, undelivered) = await MilestoneContract(40_000, 20_000, 20_000);
        var first = await MilestoneId(worker, id, 1);
        await SubmitMilestone(worker, id, first);
        var delivered = JapanDay(Time.GetUtcNow());
        await Ok(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/milestones/{first}/revisions", new { reason = "もう一度" }));
        Time.Advance(TimeSpan.FromDays(40));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", new { reason = "体調不良", workerShare = 10_000 }));
        await Ok(await business.Http.PostAsync($"/api/contracts/{id}/cancellation/accept", null));

        var contract = await ContractOf(worker, id);
        Assert.That(Str(contract["status"]), Is.EqualTo("cancelled"));
        Assert.That(Str(contract["paymentDueOn"]), Is.EqualTo(Day(delivered.AddDays(59))),
            "40 days after the milestone's delivery, the terms' 30 more would pass the law's 60: the share is due on day 60");

        await Created(await otherWorker.Http.PostAsJsonAsync($"/api/contracts/{undelivered}/cancellation", new { reason = "辞退", workerShare = 5_000 }));
        await Ok(await otherBusiness.Http.PostAsync($"/api/contracts/{undelivered}/cancellation/accept", null));
        Assert.That(Str((await ContractOf(otherWorker, undelivered))["paymentDueOn"]), Is.EqualTo(DueIn(30)), "nothing delivered: the terms' 30 days");
    }

    [Test]
    public async Task A_released_milestones_pay_is_due_to_the_administrator_by_its_own_date_while_the_contract_goes_on()
    {
        var admin = await Administrator();
        var (business, worker, id) = await MilestoneContract(50_000, 20_000, 30_000);
        var first = await MilestoneId(worker, id, 1);
        await SubmitMilestone(worker, id, first);
        await AcceptMilestone(business, id, first);

        var due = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/admin/payouts/due"))!;
        var item = due.Single()!;
        Assert.That(Str(item["contractId"]), Is.EqualTo(id));
        Assert.That(Str(item["milestoneId"]), Is.EqualTo(first));
        Assert.That(Str(item["milestoneTitle"]), Is.EqualTo("第1回"));
        Assert.That(Str(item["paymentDueOn"]), Is.EqualTo(DueIn(30)));
        Assert.That(item["net"]!.GetValue<long>(), Is.EqualTo(Net(20_000)));

        Time.Advance(TimeSpan.FromDays(23));
        await RunClock();
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{admin.Id}' AND kind = 'payoutDue' AND event_key = 'payout-due:{first}'"),
            Is.EqualTo(1), "the administrator is warned a week before the milestone's date");

        var second = await MilestoneId(worker, id, 2);
        await Ok(await business.Http.PostAsync($"/api/contracts/{id}/milestones/{second}/fund", null));
        await SubmitMilestone(worker, id, second);
        await AcceptMilestone(business, id, second);
        Assert.That(Str((await ContractOf(worker, id))["status"]), Is.EqualTo("completed"));
        due = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/admin/payouts/due"))!;
        Assert.That(due.Select(d => Str(d!["milestoneId"])), Is.EqualTo(new[] { first, second }), "each milestone once, and the completed contract adds nothing");
        Assert.That(due.Sum(d => d!["net"]!.GetValue<long>()), Is.EqualTo(Net(20_000) + Net(30_000)));
    }

    /// <summary>A producer-review job its producer posted for its client, awarded in two milestones.</summary>
    private async Task<(User Business, User Gate, User Worker, string ContractId)> GatedMilestoneContract()
    {
        var business = await SignUp(Role.Business);
        var gate = await SignUp(Role.Producer);
        var worker = await SignUp(Role.Worker);
        await LinkProducer(business, gate);
        var job = await Created(await gate.Http.PostAsJsonAsync("/api/jobs", new
        {
            title = "蔵のパンフレット翻訳", description = "英語へ", category = "translation", budgetMin = 1, budgetMax = 40_000,
            deadline = DateTimeOffset.UtcNow.AddDays(20), businessId = business.Id, producerReview = true,
        }));
        var bid = await PlaceBid(worker, Id(job), amount: 40_000);
        var award = await Created(await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", new { bidId = Id(bid), milestones = Plan(20_000, 20_000) }));
        return (business, gate, worker, Id(award));
    }

    [Test]
    public async Task A_milestones_work_passes_the_producers_quality_gate_before_the_business_inspects_it()
    {
        var (business, gate, worker, id) = await GatedMilestoneContract();
        var first = await MilestoneId(worker, id, 1);
        var delivered = (await SubmitMilestone(worker, id, first))["milestones"]!.AsArray()[0]!;
        Assert.That(Str(delivered["status"]), Is.EqualTo("inReview"), "the producer reads it first");
        Assert.That(delivered["inspectionEndsAt"]?.GetValueKind(), Is.Null.Or.EqualTo(System.Text.Json.JsonValueKind.Null),
            "the business's inspection period has not started");
        Assert.That(Str(delivered["latestPaymentOn"]), Is.EqualTo(DueIn(59)), "the platform received the work: the law's 60 days run already");
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{gate.Id}' AND kind = 'submissionToReview'"), Is.EqualTo(1));
        await Conflict(await business.Http.PostAsync($"/api/contracts/{id}/milestones/{first}/accept", null), "milestoneStatus");

        // A stranger, and another producer of the same client, pass nothing through this gate.
        var stranger = await SignUp(Role.Producer);
        await Problem(await stranger.Http.PostAsync($"/api/contracts/{id}/milestones/{first}/forward", null), HttpStatusCode.NotFound);
        var other = await SignUp(Role.Producer);
        await LinkProducer(business, other, canPostJobs: false, canAward: false);
        await Problem(await other.Http.PostAsync($"/api/contracts/{id}/milestones/{first}/forward", null), HttpStatusCode.Forbidden);
        await Problem(await other.Http.PostAsJsonAsync($"/api/contracts/{id}/milestones/{first}/revisions", new { reason = "x" }), HttpStatusCode.Forbidden);
        await Problem(await business.Http.PostAsync($"/api/contracts/{id}/milestones/{first}/forward", null), HttpStatusCode.Forbidden);

        // The producer sends it back; the worker delivers again; the producer forwards it and the inspection starts.
        await Ok(await gate.Http.PostAsJsonAsync($"/api/contracts/{id}/milestones/{first}/revisions", new { reason = "訳語を統一してください" }));
        Assert.That(Str((await Milestones(worker, id))[0]!["status"]), Is.EqualTo("revisionRequested"));
        await SubmitMilestone(worker, id, first, "v2");
        var forwarded = (await Ok(await gate.Http.PostAsync($"/api/contracts/{id}/milestones/{first}/forward", null)))["milestones"]!.AsArray()[0]!;
        Assert.That(Str(forwarded["status"]), Is.EqualTo("submitted"));
        Assert.That(forwarded["inspectionEndsAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Time.GetUtcNow().AddDays(7)).Within(TimeSpan.FromMilliseconds(1)));
        await Conflict(await gate.Http.PostAsync($"/api/contracts/{id}/milestones/{first}/forward", null), "milestoneStatus");
        await AcceptMilestone(business, id, first);
        Assert.That(Str((await Milestones(worker, id))[0]!["status"]), Is.EqualTo("accepted"));

        // The milestone's release pays the producer its 5% of the milestone, into its own account (not the platform's),
        // and tells the worker it was paid and that it has no bank account to receive it yet.
        long Balance(string account) => Scalar($"SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE account = '{account}'");
        Assert.That(Balance($"producer:{gate.Id}"), Is.EqualTo(1_000), "5% of ¥20,000");
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{worker.Id}' AND kind = 'paymentReleased'"), Is.EqualTo(1));
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{worker.Id}' AND kind = 'bankAccountMissing'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_milestone_in_review_goes_to_the_business_when_the_producers_link_ends()
    {
        var (business, _, worker, id) = await GatedMilestoneContract();
        var first = await MilestoneId(worker, id, 1);
        await SubmitMilestone(worker, id, first);
        var link = Str((await business.Http.GetFromJsonAsync<JsonArray>("/api/producer-links"))![0]!["id"]);
        await Ok(await business.Http.PostAsync($"/api/producer-links/{link}/end", null));
        var handed = (await Milestones(business, id))[0]!;
        Assert.That(Str(handed["status"]), Is.EqualTo("submitted"));
        Assert.That(handed["inspectionEndsAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(Time.GetUtcNow().AddDays(7)).Within(TimeSpan.FromMilliseconds(1)));
        await AcceptMilestone(business, id, first);
    }

    [Test]
    public async Task Job_withdrawal_before_delivery_refunds_the_funded_milestone()
    {
        var (business, worker, id) = await MilestoneContract(30_000, 10_000, 20_000);
        var jobId = Str((await ContractOf(business, id))["jobId"]);
        await Ok(await business.Http.PostAsync($"/api/jobs/{jobId}/cancel", null));
        Assert.That(Balance($"escrow:{id}"), Is.Zero);
        Assert.That(Balance($"business:{business.Id}"), Is.Zero);
        Assert.That((await Milestones(worker, id)).Select(m => Str(m!["status"])), Is.EqualTo(new[] { "cancelled", "cancelled" }));
    }

    [Test]
    public async Task Milestones_are_added_by_an_agreed_change_that_raises_the_amount()
    {
        var (business, worker, id) = await MilestoneContract(20_000, 10_000, 10_000);
        await Conflict(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests", new { amount = 30_000, reason = "追加" }),
            "contractHasMilestones");
        var change = await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/milestones",
            new { milestones = new[] { new { title = "追加の版", amount = 15_000, dueOn = DueIn(20) } }, reason = "追加の依頼" }));
        Assert.That(change["amount"]!.GetValue<long>(), Is.EqualTo(35_000));
        Assert.That(change["milestones"]!.AsArray().Count, Is.EqualTo(1));
        Assert.That((await Milestones(worker, id)).Count, Is.EqualTo(2), "nothing is added before the other side agrees");
        await Ok(await business.Http.PostAsync($"/api/change-requests/{Id(change)}/accept", null));
        var plan = await Milestones(worker, id);
        Assert.That(plan.Select(m => Str(m!["status"])), Is.EqualTo(new[] { "funded", "unfunded", "unfunded" }));
        Assert.That(plan[2]!["position"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That((await ContractOf(worker, id))["amount"]!.GetValue<long>(), Is.EqualTo(35_000));
        Assert.That(Balance($"escrow:{id}"), Is.EqualTo(10_000 - Withheld(10_000)), "the escrow is not topped up as a whole");

        var (plainBusiness, _, plain) = await Contract(30_000);
        await Conflict(await plainBusiness.Http.PostAsJsonAsync($"/api/contracts/{Id(plain)}/milestones",
            new { milestones = new[] { new { title = "追加", amount = 5_000, dueOn = DueIn(20) } }, reason = "追加" }), "contractHasMilestones");
    }

    [Test]
    public async Task Only_the_contracts_parties_see_its_milestones_and_another_contracts_milestone_is_not_found()
    {
        var (business, _, id) = await MilestoneContract(20_000, 10_000, 10_000);
        var (otherBusiness, _, other) = await MilestoneContract(20_000, 10_000, 10_000);
        var theirs = await MilestoneId(otherBusiness, other, 2);
        await Problem(await business.Http.PostAsync($"/api/contracts/{id}/milestones/{theirs}/fund", null), HttpStatusCode.NotFound);
        await Problem(await otherBusiness.Http.PostAsync($"/api/contracts/{id}/milestones/{theirs}/fund", null), HttpStatusCode.NotFound);
    }
}
