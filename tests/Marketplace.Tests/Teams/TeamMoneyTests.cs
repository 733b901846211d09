using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Money;
using Marketplace.Platform;
using Marketplace.Teams;

namespace Marketplace.Tests;

/// <summary>
/// Issue 23, money: a team contract's release pays each approved task's amount to its member and the rest to the
/// director, each its own payee with its own withholding, statement, documents and payout; the platform's fee comes out
/// of the director's share; a task never approved is paid to no one; a cancellation's share is split pro rata over the
/// approved tasks, rounded down per task, the remainder to the director. The ledger balances throughout.
/// </summary>
public sealed class TeamMoneyTests : TeamTest
{
    private long WorkerBalance(User user) => Balance($"worker:{user.Id}");

    private async Task<string> ApprovedTask(TeamDeal deal, User member, long amount)
    {
        var task = await NewTask(deal.Director, deal.ContractId, member, amount);
        await Deliver(member, Id(task));
        await Approve(deal.Director, Id(task));
        return Id(task);
    }

    private void AssertLedgerBalances() =>
        Assert.That(Scalar("SELECT COUNT(*) FROM (SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING SUM(amount) <> 0) t"), Is.Zero);

    [Test]
    public async Task Each_members_pay_is_on_the_administrators_due_list_by_the_contracts_payment_date()
    {
        var deal = await TeamContract(100_000, category: "design", agent: true);
        var (a, b, c) = (deal.Team.Members[0], deal.Team.Members[1], deal.Team.Members[2]);
        await ApprovedTask(deal, a, 40_000);
        await ApprovedTask(deal, b, 30_000);
        await NewTask(deal.Director, deal.ContractId, c, 9_790); // never approved: nothing is owed to c
        await Deliver(deal.Business, deal.Director, deal.ContractId);

        var admin = await Administrator();
        var due = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/admin/payouts/due"))!
            .Where(d => Str(d!["contractId"]) == deal.ContractId).ToList();
        Assert.That(due.Select(d => (Str(d!["workerId"]), d!["net"]!.GetValue<long>())),
            Is.EquivalentTo(new[] { (deal.Director.Id, 16_937L), (a.Id, 35_916L), (b.Id, 26_937L) }),
            "the release's every payee, each by what it was credited");
        var dueOn = Str((await Ok(await deal.Business.Http.GetAsync($"/api/contracts/{deal.ContractId}")))["contract"]!["paymentDueOn"]);
        Assert.That(due.Select(d => Str(d!["paymentDueOn"])), Is.All.EqualTo(dueOn));
        Assert.That(due.Single(d => Str(d!["workerId"]) == a.Id)!["bankAccountMissing"]!.GetValue<bool>(), Is.True, "a's own account, not the director's");
    }

    /// <summary>Each member's pay is a payment of its own: a week before the date each is warned of, not only the first.</summary>
    [Test]
    public async Task Administrators_are_warned_of_each_members_pay_a_week_before_the_date_once_each()
    {
        var deal = await TeamContract(100_000, category: "design", agent: true);
        var (a, b) = (deal.Team.Members[0], deal.Team.Members[1]);
        await ApprovedTask(deal, a, 40_000);
        await ApprovedTask(deal, b, 30_000);
        await Deliver(deal.Business, deal.Director, deal.ContractId);
        var admin = await Administrator();

        Time.Advance(TimeSpan.FromDays(23)); // Contracts:PaymentDays (30) after acceptance: 7 days before the date
        await RunClock();
        await RunClock();
        Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{admin.Id}' AND kind = 'payoutDue'"), Is.EqualTo(3),
            "the director's, a's and b's pay, once each");
        foreach (var payee in new[] { deal.Director, a, b })
            Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{admin.Id}' AND kind = 'payoutDue' AND message LIKE '%due to {payee.DisplayName} %'"),
                Is.EqualTo(1), payee.DisplayName);
    }

    [Test]
    public async Task Acceptance_pays_each_approved_task_to_its_member_with_its_own_withholding_and_the_rest_to_the_director()
    {
        // ¥100,000 of design for a withholding agent: 10% fee ¥10,000, the contract's withholding 10.21% = ¥10,210.
        var deal = await TeamContract(100_000, category: "design", agent: true);
        var (a, b, c) = (deal.Team.Members[0], deal.Team.Members[1], deal.Team.Members[2]);
        await ApprovedTask(deal, a, 40_000);
        await ApprovedTask(deal, b, 30_000);
        await NewTask(deal.Director, deal.ContractId, c, 9_790); // never approved: paid to no one
        await Deliver(deal.Business, deal.Director, deal.ContractId);

        // A: 40,000 − 4,084 (10.21%) = 35,916. B: 30,000 − 3,063 = 26,937. The director: 100,000 − 70,000 = 30,000 gross,
        // less the ¥10,000 fee and the rest of the tax (10,210 − 4,084 − 3,063 = 3,063): 16,937.
        Assert.That(WorkerBalance(a), Is.EqualTo(35_916));
        Assert.That(WorkerBalance(b), Is.EqualTo(26_937));
        Assert.That(WorkerBalance(c), Is.Zero);
        Assert.That(WorkerBalance(deal.Director), Is.EqualTo(16_937));
        Assert.That(35_916 + 26_937 + 16_937, Is.EqualTo(100_000 - 10_000 - 10_210), "the nets add up to the contract's worker net");
        Assert.That(Balance("platform"), Is.EqualTo(10_000));
        Assert.That(Balance($"escrow:{deal.ContractId}"), Is.Zero);
        AssertLedgerBalances();
        Assert.That(Kind(a.Id, "taskPaid"), Is.EqualTo(1));
        Assert.That(Kind(c.Id, "taskPaid"), Is.Zero);

        // Each person its own documents: a worker's invoice and a withholding notice; the fee's invoice to the director.
        var docsOfA = (await a.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{deal.ContractId}/documents"))!;
        var invoiceOfA = docsOfA.Single(d => Str(d!["kind"]) == "workerInvoice")!;
        Assert.That(invoiceOfA["amount"]!.GetValue<long>(), Is.EqualTo(40_000));
        Assert.That(invoiceOfA["withholdingTax"]!.GetValue<long>(), Is.EqualTo(4_084));
        Assert.That(Str(invoiceOfA["issuer"]!["id"]), Is.EqualTo(a.Id));
        Assert.That(docsOfA.Count(d => Str(d!["kind"]) == "withholdingNotice"), Is.EqualTo(1));
        Assert.That(docsOfA.Select(d => Str(d!["kind"])), Does.Not.Contain("platformInvoice"));
        await Problem(await c.Http.GetAsync($"/api/contracts/{deal.ContractId}/documents"), HttpStatusCode.NotFound);
        var all = (await deal.Business.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{deal.ContractId}/documents"))!;
        Assert.That(all.Where(d => Str(d!["kind"]) == "workerInvoice").Select(d => d!["amount"]!.GetValue<long>()),
            Is.EquivalentTo(new[] { 40_000L, 30_000L, 30_000L }));
        Assert.That(all.Where(d => Str(d!["kind"]) == "withholdingNotice").Sum(d => d!["withholdingTax"]!.GetValue<long>()), Is.EqualTo(10_210),
            "the notices add up to what the business withheld and remits");
        var fee = (await deal.Director.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{deal.ContractId}/documents"))!
            .Single(d => Str(d!["kind"]) == "platformInvoice")!;
        Assert.That(fee["amount"]!.GetValue<long>(), Is.EqualTo(10_000));
        Assert.That(Str(fee["recipient"]!["id"]), Is.EqualTo(deal.Director.Id));

        // The member's payment record (支払調書) and statement are its own.
        var year = JapanTime.DayOf(Time.GetUtcNow()).Year;
        var records = await Ok(await a.Http.GetAsync($"/api/me/payment-records?year={year}"));
        var row = records["rows"]!.AsArray().Single()!;
        Assert.That(row["amount"]!.GetValue<long>(), Is.EqualTo(40_000));
        Assert.That(row["withholdingTax"]!.GetValue<long>(), Is.EqualTo(4_084));
        var statementA = (await Ok(await a.Http.GetAsync("/api/me/statement")))["totals"]!;
        Assert.That(statementA["gross"]!.GetValue<long>(), Is.EqualTo(40_000));
        Assert.That(statementA["withholdingTax"]!.GetValue<long>(), Is.EqualTo(4_084));
        Assert.That(statementA["earned"]!.GetValue<long>(), Is.EqualTo(35_916));
        var statementD = (await Ok(await deal.Director.Http.GetAsync("/api/me/statement")))["totals"]!;
        Assert.That(statementD["gross"]!.GetValue<long>(), Is.EqualTo(30_000));
        Assert.That(statementD["platformFees"]!.GetValue<long>(), Is.EqualTo(10_000));
        Assert.That(statementD["withholdingTax"]!.GetValue<long>(), Is.EqualTo(3_063));
        Assert.That(statementD["earned"]!.GetValue<long>(), Is.EqualTo(16_937));
    }

    private static Task<HttpResponseMessage> MakeCompany(User worker) =>
        worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills = new[] { "design" }, region = "長野県塩尻市", weeklyHours = 20, availability = "", isIndividual = false });

    [Test]
    public async Task A_company_directors_individual_members_are_withheld_on_each_as_the_business_s_own_payee()
    {
        // ¥100,000 of design for a withholding agent, the director a company: the contract withholds nothing (a company is
        // not withheld on), so the business pays the whole amount in. Each person is the business's own payee, so the
        // individual member A is withheld on all the same (Income Tax Act art. 204 §1); B, a company, is not.
        var team = await Team();
        await Ok(await MakeCompany(team.Director));
        var (a, b) = (team.Members[0], team.Members[1]);
        await Ok(await MakeCompany(b));
        var deal = await TeamContract(100_000, team, category: "design", agent: true);
        Assert.That(Scalar($"SELECT withholding_tax FROM contracts WHERE id = '{deal.ContractId}'"), Is.Zero);
        await ApprovedTask(deal, a, 40_000);
        await ApprovedTask(deal, b, 30_000);
        await Deliver(deal.Business, deal.Director, deal.ContractId);

        // A: 40,000 − 4,084 (10.21%) = 35,916. B: 30,000. The director: 30,000 gross − 10,000 fee = 20,000, no tax.
        Assert.That(WorkerBalance(a), Is.EqualTo(35_916));
        Assert.That(WorkerBalance(b), Is.EqualTo(30_000));
        Assert.That(WorkerBalance(deal.Director), Is.EqualTo(20_000));
        // The escrow held A's tax too: it goes back to the business, which remits it.
        Assert.That(Scalar($"""
            SELECT SUM(e.amount) FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
            WHERE t.event_key = 'team-withholding:{deal.ContractId}' AND t.kind = 'withholdingReturned' AND e.account = 'business:{deal.Business.Id}'
            """), Is.EqualTo(4_084));
        Assert.That(Balance($"escrow:{deal.ContractId}"), Is.Zero);
        AssertLedgerBalances();

        var docsOfA = (await a.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{deal.ContractId}/documents"))!;
        Assert.That(docsOfA.Single(d => Str(d!["kind"]) == "withholdingNotice")!["withholdingTax"]!.GetValue<long>(), Is.EqualTo(4_084));
        var notices = (await deal.Business.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{deal.ContractId}/documents"))!
            .Where(d => Str(d!["kind"]) == "withholdingNotice").ToList();
        Assert.That(notices.Select(d => d!["withholdingTax"]!.GetValue<long>()), Is.EqualTo(new[] { 4_084L }), "one notice: A's; the company director's none");
        var year = JapanTime.DayOf(Time.GetUtcNow()).Year;
        var record = (await Ok(await a.Http.GetAsync($"/api/me/payment-records?year={year}")))["rows"]!.AsArray().Single()!;
        Assert.That(record["withholdingTax"]!.GetValue<long>(), Is.EqualTo(4_084));
        var business = (await Ok(await deal.Business.Http.GetAsync("/api/me/statement")))["totals"]!;
        Assert.That(business["withholdingTax"]!.GetValue<long>(), Is.EqualTo(4_084));
        Assert.That(business["remittances"]!.AsArray().Sum(r => r!["amount"]!.GetValue<long>()), Is.EqualTo(4_084), "the business remits A's tax");
        Assert.That(await StatementLines(deal.Business), Does.Contain("Tax withheld on the team's members returned: the business remits it itself"),
            "the line of A's tax coming back says why");
        var settlement = await Ok(await deal.Business.Http.GetAsync($"/api/contracts/{deal.ContractId}/settlement"));
        Assert.That(settlement["remitWithholdingBy"], Is.Not.Null, "the contract's page says by when the business remits A's tax");
    }

    [Test]
    public async Task A_business_that_is_no_withholding_agent_withholds_on_no_member()
    {
        var team = await Team();
        await Ok(await MakeCompany(team.Director));
        var deal = await TeamContract(100_000, team, category: "design", agent: false);
        await ApprovedTask(deal, team.Members[0], 40_000);
        await Deliver(deal.Business, deal.Director, deal.ContractId);
        Assert.That(WorkerBalance(team.Members[0]), Is.EqualTo(40_000));
        Assert.That(WorkerBalance(deal.Director), Is.EqualTo(50_000));
    }

    [Test]
    public async Task Without_withholding_members_receive_their_task_amounts_in_full_and_the_director_absorbs_the_fee()
    {
        var deal = await TeamContract(100_000);
        var (a, b) = (deal.Team.Members[0], deal.Team.Members[1]);
        await ApprovedTask(deal, a, 60_000);
        await ApprovedTask(deal, b, 30_000);
        await Deliver(deal.Business, deal.Director, deal.ContractId);
        Assert.That(WorkerBalance(a), Is.EqualTo(60_000));
        Assert.That(WorkerBalance(b), Is.EqualTo(30_000));
        Assert.That(WorkerBalance(deal.Director), Is.Zero, "10,000 gross less the 10,000 fee");
        AssertLedgerBalances();
    }

    [Test]
    public async Task A_cancellation_splits_the_share_pro_rata_over_approved_tasks_rounded_down_with_the_remainder_to_the_director()
    {
        var deal = await TeamContract(100_000);
        var (a, b, c) = (deal.Team.Members[0], deal.Team.Members[1], deal.Team.Members[2]);
        await ApprovedTask(deal, a, 33_333);
        await ApprovedTask(deal, b, 16_667);
        await NewTask(deal.Director, deal.ContractId, c, 20_000);
        await Created(await deal.Director.Http.PostAsJsonAsync($"/api/contracts/{deal.ContractId}/cancellation", new { reason = "中止", workerShare = 50_000 }));
        await Ok(await deal.Business.Http.PostAsync($"/api/contracts/{deal.ContractId}/cancellation/accept", null));

        // A share of ¥50,000 pays a ¥5,000 fee; its pool is 45,000 for ¥50,000 of approved tasks:
        // A 45,000 × 33,333 / 50,000 = 29,999.7 → 29,999; B 45,000 × 16,667 / 50,000 = 15,000.3 → 15,000;
        // the director 50,000 − 44,999 = 5,001, less the 5,000 fee = 1.
        Assert.That(WorkerBalance(a), Is.EqualTo(29_999));
        Assert.That(WorkerBalance(b), Is.EqualTo(15_000));
        Assert.That(WorkerBalance(c), Is.Zero);
        Assert.That(WorkerBalance(deal.Director), Is.EqualTo(1));
        Assert.That(Balance($"escrow:{deal.ContractId}"), Is.Zero);
        AssertLedgerBalances();
    }

    [Test]
    public async Task A_share_that_covers_the_approved_tasks_pays_them_in_full()
    {
        var deal = await TeamContract(100_000);
        var a = deal.Team.Members[0];
        await ApprovedTask(deal, a, 20_000);
        await Created(await deal.Director.Http.PostAsJsonAsync($"/api/contracts/{deal.ContractId}/cancellation", new { reason = "中止", workerShare = 60_000 }));
        await Ok(await deal.Business.Http.PostAsync($"/api/contracts/{deal.ContractId}/cancellation/accept", null));
        Assert.That(WorkerBalance(a), Is.EqualTo(20_000));
        Assert.That(WorkerBalance(deal.Director), Is.EqualTo(60_000 - 6_000 - 20_000));
        AssertLedgerBalances();
    }

    [Test]
    public async Task The_business_review_reaches_the_team_and_each_member_with_an_approved_task_and_shows_on_the_members_profile()
    {
        var deal = await TeamContract(100_000);
        var (a, c) = (deal.Team.Members[0], deal.Team.Members[2]);
        await ApprovedTask(deal, a, 20_000);
        await ApprovedTask(deal, a, 10_000);
        await NewTask(deal.Director, deal.ContractId, c, 5_000);
        await Deliver(deal.Business, deal.Director, deal.ContractId);
        await Created(await deal.Business.Http.PostAsJsonAsync($"/api/contracts/{deal.ContractId}/reviews", new { rating = 4, comment = "丁寧でした" }));

        var team = await Ok(await deal.Business.Http.GetAsync($"/api/teams/{deal.Team.TeamId}"));
        Assert.That(team["rating"]!.GetValue<double>(), Is.EqualTo(4));
        Assert.That(team["completedContracts"]!.GetValue<int>(), Is.EqualTo(1));
        var profile = await Ok(await deal.Business.Http.GetAsync($"/api/workers/{a.Id}"));
        var work = profile["teamWork"]!.AsArray().Single()!;
        Assert.That(Str(work["teamName"]), Is.EqualTo("塩尻テレワークチームA"));
        Assert.That(work["tasks"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(work["rating"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That((await Ok(await deal.Business.Http.GetAsync($"/api/workers/{c.Id}")))["teamWork"]!.AsArray(), Is.Empty,
            "a member whose task was never approved did no team work on it");
        Assert.That(Scalar($"SELECT COUNT(*) FROM member_reviews WHERE contract_id = '{deal.ContractId}'"), Is.EqualTo(1));
    }

    [Test]
    public void The_split_pins_its_numbers()
    {
        // Above the ¥1,000,000 threshold the rate is 20.42%: the director's part of the tax is what the members' leave.
        var paid = Split.For(3_000_000, 0, 1_000, withhold: true);
        Assert.That(paid.WithholdingTax, Is.EqualTo(102_100 + 408_400));
        var shares = TeamSplit.Divide(paid, withholds: true, "director",
            [new("a", 1_200_000, true), new("b", 500_000, true), new("a", 300_000, true), new("corp", 100_000, false)]);
        var byId = shares.ToDictionary(s => s.UserId);
        Assert.That(byId["a"].Gross, Is.EqualTo(1_500_000));
        Assert.That(byId["a"].WithholdingTax, Is.EqualTo(102_100 + 102_100), "one payment per person: the tax on its whole gross");
        Assert.That(byId["b"].WithholdingTax, Is.EqualTo(51_050));
        Assert.That(byId["corp"].WithholdingTax, Is.Zero, "a company is not withheld on");
        Assert.That(byId["director"].Gross, Is.EqualTo(900_000));
        Assert.That(byId["director"].PlatformFee, Is.EqualTo(300_000));
        Assert.That(byId["director"].WithholdingTax, Is.EqualTo(510_500 - 204_200 - 51_050));
        Assert.That(shares.Sum(s => s.Net), Is.EqualTo(paid.WorkerNet));
        Assert.That(byId["director"].Net, Is.GreaterThanOrEqualTo(0));

        // A company director: the contract withholds nothing, its individual members are withheld on all the same.
        var unwithheld = Split.For(3_000_000, 0, 1_000, withhold: false);
        var company = TeamSplit.Divide(unwithheld, withholds: false, membersWithheld: true, "director",
            [new("a", 1_200_000, true), new("corp", 100_000, false)]).ToDictionary(s => s.UserId);
        Assert.That(company["a"].WithholdingTax, Is.EqualTo(102_100 + 40_840), "¥1,000,000 at 10.21% and ¥200,000 at 20.42%");
        Assert.That(company["corp"].WithholdingTax, Is.Zero);
        Assert.That(company["director"].WithholdingTax, Is.Zero, "a company is not withheld on");
        Assert.That(company.Values.Sum(s => s.Net), Is.EqualTo(unwithheld.WorkerNet - 142_940), "the members' tax goes back to the business to remit");
    }

    /// <summary>
    /// Each person paid by a team contract's close is told, once per contract, and asked for a bank account if it has
    /// none; a director whose whole pay went to its members (its net is nothing) is not asked for one. A member paid by
    /// two of the team's contracts is told of each.
    /// </summary>
    [Test]
    public async Task Each_member_paid_is_told_once_per_contract_and_a_director_paid_nothing_is_not_asked_for_a_bank_account()
    {
        var team = await Team(members: 1);
        var a = team.Members[0];
        // ¥100,000 of data entry, withheld on by no one: the worker net is ¥90,000 after the ¥10,000 fee.
        var whole = await TeamContract(100_000, team);
        await ApprovedTask(whole, a, 90_000);
        await Deliver(whole.Business, whole.Director, whole.ContractId);
        Assert.That(WorkerBalance(team.Director), Is.Zero, "the members' tasks took the whole pool");
        Assert.That(Kind(team.Director.Id, "bankAccountMissing"), Is.Zero, "nothing was paid to the director: no account is needed");
        Assert.That(Kind(a.Id, "bankAccountMissing"), Is.EqualTo(1));

        var part = await TeamContract(100_000, team);
        await ApprovedTask(part, a, 40_000);
        await Deliver(part.Business, part.Director, part.ContractId);
        Assert.That(Kind(team.Director.Id, "bankAccountMissing"), Is.EqualTo(1), "paid ¥50,000 by the second contract");
        Assert.That(Kind(a.Id, "bankAccountMissing"), Is.EqualTo(2));
        Assert.That((await Ok(await a.Http.GetAsync("/api/notifications")))["items"]!.AsArray()
            .Where(n => Str(n!["kind"]) == "taskPaid").Select(n => Str(n!["message"])), Is.EquivalentTo(new[]
        {
            "Your team's contract paid you ¥90,000 (¥0 income tax withheld): ¥90,000.",
            "Your team's contract paid you ¥40,000 (¥0 income tax withheld): ¥40,000.",
        }));
        Assert.That(Kind(team.Director.Id, "taskPaid"), Is.Zero, "the director is told by the contract's own notices");
    }
}
