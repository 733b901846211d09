using System.Net;
using Dapper;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Accounts;
using Marketplace.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

public sealed class BankTransferTests : MoneyTest
{
    /// <summary>The random walk moves time on; sessions outlast its jumps.</summary>
    private readonly ManualClock _time = new();

    protected override TimeProvider? Clock => _time;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Money:AutoConfirmPayments"] = "false", ["Auth:SessionIdleHours"] = "10000", ["Auth:SessionLifetimeDays"] = "365",
        // The walk pays workers out too: a fee the worker bears makes what leaves a balance differ from what the bank sends.
        ["Payouts:TransferFeeYen"] = "250", ["Payouts:FeeBorneBy"] = "Worker",
    };


    [Test]
    public async Task The_worker_starts_only_after_an_administrator_confirms_the_transfer()
    {
        var (business, worker, contract) = await Contract(30_000);
        var id = Id(contract);
        var pending = await Settlement(worker, id);
        Assert.That(pending["funded"]!.GetValue<bool>(), Is.False);
        Assert.That(Str(pending["paymentStatus"]), Is.EqualTo("pending"));
        await Problem(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/submissions", new { message = "早すぎ" }), HttpStatusCode.Conflict);

        var paymentId = Str(pending["paymentId"]);
        await Problem(await business.Http.PostAsync($"/api/payments/{paymentId}/confirm", null), HttpStatusCode.Forbidden);
        await Problem(await business.Http.GetAsync("/api/payments"), HttpStatusCode.Forbidden);
        var admin = await Administrator();
        var queue = (await admin.Http.GetFromJsonAsync<JsonArray>("/api/payments"))!;
        Assert.That(queue.Select(p => Str(p!["id"])), Is.EqualTo(new[] { paymentId }));
        Assert.That(queue[0]!["amount"]!.GetValue<long>(), Is.EqualTo(30_000 - 3_063), "the amount less the tax the business withholds");
        Assert.That((await admin.Http.PostAsync($"/api/payments/{paymentId}/confirm", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Problem(await admin.Http.PostAsync($"/api/payments/{paymentId}/confirm", null), HttpStatusCode.Conflict);
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions"), Is.EqualTo(1), "a second confirmation posts nothing");

        Assert.That((await Settlement(worker, id))["funded"]!.GetValue<bool>());
        Assert.That((await admin.Http.GetFromJsonAsync<JsonArray>("/api/payments"))!, Is.Empty, "the queue holds pending transfers only");
        await Deliver(business, worker, id);
    }

    [Test]
    public void An_administrator_is_created_with_the_sign_up_rules()
    {
        Assert.ThrowsAsync<FluentValidation.ValidationException>(() => CreateAdministrator.CreateAsync(App.Services, "admin@test.example", "short"));
        Assert.That(Scalar("SELECT COUNT(*) FROM users"), Is.Zero);
    }

    [Test]
    public async Task A_cancelled_contract_voids_its_pending_transfer()
    {
        var (business, _, contract) = await Contract(30_000);
        var paymentId = Str((await Settlement(business, Id(contract)))["paymentId"]);
        await Ok(await business.Http.PostAsync($"/api/jobs/{Str(contract["jobId"])}/cancel", null));
        var admin = await Administrator();
        await Problem(await admin.Http.PostAsync($"/api/payments/{paymentId}/confirm", null), HttpStatusCode.Conflict);
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_entries"), Is.Zero);
    }

    /// <summary>
    /// Both parties give their account (a decision waits for them, issue 27), so that the walk decides its disputes as
    /// it did before; no random number is drawn, so the walk itself is unchanged. A dispute decided already refuses them.
    /// </summary>
    private static async Task<bool> Heard(User business, User worker, string disputeId)
    {
        await business.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body = "発注者の意見" });
        await worker.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body = "受注者の意見" });
        return true;
    }

    /// <summary>
    /// Random award, fund (one by one, or matched on a bank statement and confirmed), submit, revise, cancel and accept
    /// steps over many jobs, and the deal's clock and the award payments' clock (unpaid awards lapse and their jobs open
    /// again, moving no money): change requests
    /// raising or lowering the amount (proposed, accepted, declined), cancellations with a share (proposed, accepted,
    /// declined), disputes decided by an administrator, and time moving on so that inspections lapse and unanswered
    /// cancellations become disputes. After every step the ledger must balance, no escrow may be negative, a closed
    /// contract's escrow must be empty, an open funded one must hold exactly its escrow total (an unfunded one less), a
    /// settled contract must have paid the worker exactly its share and the rest back to the business, no withholding
    /// account is ever posted to, and every closed contract cost its business exactly what was paid for (the amount or
    /// the share, plus the producer's fee) once the business remits the tax withheld (<see cref="AssertOutlays"/>).
    /// Some contracts are made as if awarded before withholding left the escrow (the whole amount asked for, drawn from
    /// a third random sequence), so that their releases, changes and refunds are walked too (their settlements are
    /// walked when the draw reaches one; WithholdingOutlayTests settles one for certain).
    /// Between those steps, drawn from a second random sequence (so that the contract walk is the same as without them),
    /// administrators gather payout batches at random cutoffs, mark batches paid and record returned transfers, and
    /// workers whose account was held save it again; after each, every worker's balance as the API reports it is the sum
    /// of its ledger entries and is what was released less what was gathered plus what came back, and the transit, bank
    /// and fee accounts hold exactly what the payouts table says (<see cref="AssertPayoutInvariants"/>).
    /// </summary>
    [Test]
    public async Task The_ledger_stays_consistent_under_random_sequences_of_events()
    {
        var random = new Random(20261121);
        var payoutRandom = new Random(11);
        var legacyRandom = new Random(27);
        // Team contracts (issue 23) draw from their own sequence, so that the walk's own draws are unchanged.
        var teamRandom = new Random(23);
        _earlierCutoffs = 0;
        _laters = 0;
        _confirmations = 0;
        _statementConfirmations = 0;
        var admin = await Administrator();
        var business = await SignUp(Role.Business);
        await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        var workers = new List<User>();
        for (var i = 0; i < 4; i++) workers.Add(await SignUp(Role.Worker));
        // Three of the four can be paid out; the fourth keeps its balance.
        foreach (var worker in workers.Take(3)) await Ok(await worker.Http.PutAsJsonAsync("/api/me/bank-account", BankAccount));
        // Each worker directs a team of the next two.
        var teams = new List<string>();
        for (var k = 0; k < workers.Count; k++)
        {
            var team = Id(await Created(await workers[k].Http.PostAsJsonAsync("/api/teams",
                new { name = $"team {k}", description = "", region = "", skills = Array.Empty<string>(), weeklyHours = 10 })));
            foreach (var member in new[] { workers[(k + 1) % workers.Count], workers[(k + 2) % workers.Count] })
            {
                var invitation = await Created(await workers[k].Http.PostAsJsonAsync($"/api/teams/{team}/invitations", new { email = member.Email, role = "member" }));
                await Ok(await member.Http.PostAsync($"/api/team-invitations/{Id(invitation)}/accept", null));
            }
            teams.Add(team);
        }
        var contracts = new List<(string Id, string JobId, User Worker)>();
        string[] categories = ["design", "translation", "transcription", "writing", "dataEntry", "other"];
        var clock = App.Services.GetRequiredService<Marketplace.Contracts.DealClock>();

        // Each kind of step with its weight: awards and confirmations keep open contracts coming, cancelling a job is rare.
        int[] weights = [2, 4, 3, 1, 2, 3, 3, 1, 2, 2, 1, 1];
        for (var step = 0; step < 400; step++)
        {
            var open = contracts.Where(c => Scalar($"SELECT COUNT(*) FROM contracts WHERE id = '{c.Id}' AND status NOT IN ('completed', 'cancelled')") == 1).ToList();
            var roll = random.Next(weights.Sum());
            var action = 0;
            while (roll >= weights[action]) roll -= weights[action++];
            if (open.Count < 3) action = 0;
            if (action == 0)
            {
                var job = await PostJob(business, new
                {
                    title = "step " + step, description = "d", category = categories[random.Next(categories.Length)], budgetMin = 1,
                    budgetMax = 2_000_000, deadline = _time.GetUtcNow().AddDays(30),
                });
                var worker = workers[random.Next(workers.Count)];
                var bidAmount = random.Next(1, 2_000_000);
                var teamId = teamRandom.Next(3) == 0 ? teams[workers.IndexOf(worker)] : null;
                var bid = teamId is null ? await PlaceBid(worker, Id(job), amount: bidAmount)
                    : await Created(await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids",
                        new { amount = bidAmount, deliveryDays = 14, message = "team", teamId }));
                var contract = await Award(business, Id(job), Id(bid));
                contracts.Add((Id(contract), Id(job), worker));
                if (teamId is not null) await SplitIntoTasks(teamRandom, worker, workers, Id(contract));
                if (legacyRandom.Next(2) == 0) FundedTheOldWay(Id(contract));
                AssertLedgerInvariants(step);
                AssertOutlays(step);
                continue;
            }
            // An answer goes where a question waits, and a confirmation where a payment does, so that answers are not
            // mostly "nothing to answer" and most awards are paid before they lapse.
            var waiting = action switch
            {
                1 => "SELECT contract_id FROM payments WHERE status = 'pending'",
                6 => "SELECT contract_id FROM change_requests WHERE status = 'pending'",
                8 => "SELECT contract_id FROM cancellations WHERE status = 'proposed'",
                10 => "SELECT contract_id FROM disputes WHERE status = 'open'",
                _ => null,
            };
            var candidates = waiting is null ? open : open.Where(c => Scalar($"SELECT COUNT(*) FROM ({waiting}) q WHERE q.contract_id = '{c.Id}'") > 0).ToList();
            if (candidates.Count == 0) candidates = open;
            if (action == 3 && random.Next(3) > 0) action = 2; // cancelling the job ends a contract before anything else happens: rarer still
            var (id, jobId, w) = candidates[random.Next(candidates.Count)];
            var party = random.Next(2) == 0 ? business : w;
            var detail = await Ok(await business.Http.GetAsync($"/api/contracts/{id}"));
            var amount = detail["contract"]!["amount"]!.GetValue<long>();
            HttpResponseMessage? response = action switch
            {
                1 => await ConfirmLatest(admin, business, id),
                2 => await w.Http.PostAsJsonAsync($"/api/contracts/{id}/submissions", new { message = "step " + step }),
                3 => await business.Http.PostAsync($"/api/jobs/{jobId}/cancel", null),
                4 => await business.Http.PostAsync($"/api/contracts/{id}/accept", null),
                5 => await party.Http.PostAsJsonAsync($"/api/contracts/{id}/change-requests",
                    new { amount = Math.Max(1, amount * random.Next(50, 150) / 100), reason = "step " + step }),
                6 => detail["changeRequests"]!.AsArray().LastOrDefault(r => Str(r!["status"]) == "pending") is { } change
                    ? await party.Http.PostAsync($"/api/change-requests/{Str(change["id"])}/{(random.Next(2) == 0 ? "accept" : "decline")}", null)
                    : null,
                7 => await party.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation",
                    new { reason = "step " + step, workerShare = random.NextInt64(0, amount + 1) }),
                8 => await party.Http.PostAsync($"/api/contracts/{id}/cancellation/{(random.Next(2) == 0 ? "accept" : "decline")}", null),
                9 => await Later(clock, TimeSpan.FromDays(random.Next(1, 6))),
                10 => detail["disputeId"]?.GetValue<string>() is { } dispute && await Heard(business, w, dispute)
                    ? await admin.Http.PostAsJsonAsync($"/api/disputes/{dispute}/decide", new
                    {
                        workerShare = random.NextInt64(0, (await Ok(await admin.Http.GetAsync($"/api/disputes/{dispute}")))["maxWorkerShare"]!.GetValue<long>() + 1),
                        reason = "step " + step,
                    })
                    : null,
                _ => await business.Http.PostAsJsonAsync($"/api/contracts/{id}/request-revision", new { reason = "step " + step }),
            };
            if (response is not null)
                Assert.That((int)response.StatusCode, Is.LessThan(500), await response.Content.ReadAsStringAsync());
            AssertLedgerInvariants(step);
            AssertOutlays(step);
            if (payoutRandom.Next(3) == 0)
            {
                var payout = await PayoutStep(payoutRandom, admin, workers);
                if (payout is not null)
                    Assert.That((int)payout.StatusCode, Is.LessThan(500), await payout.Content.ReadAsStringAsync());
                AssertLedgerInvariants(step);
                await AssertPayoutInvariants(step, workers);
            }
        }
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts WHERE closed_by = 'acceptance'"), Is.GreaterThan(0), "the walk reached releases");
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts WHERE closed_by = 'lapse'"), Is.GreaterThan(0), "and lapsed inspections");
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts WHERE closed_by = 'cancellation' AND worker_share > 0"), Is.GreaterThan(0), "and agreed cancellations");
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts WHERE closed_by = 'decision'"), Is.GreaterThan(0), "and decided disputes");
        Assert.That(Scalar("SELECT COUNT(*) FROM cancellations WHERE status = 'declined'"), Is.GreaterThan(0), "and declined cancellations");
        Assert.That(Scalar("SELECT COUNT(*) FROM change_requests WHERE status = 'accepted'"), Is.GreaterThan(0), "and accepted changes");
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key LIKE 'adjust:%'"), Is.GreaterThan(0), "and lowered amounts");
        Assert.That(Scalar("SELECT COUNT(*) FROM payments p WHERE p.status = 'confirmed' AND p.id <> (SELECT MIN(q.id) FROM payments q WHERE q.contract_id = p.contract_id)"),
            Is.GreaterThan(0), "and top-ups");
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts WHERE status = 'cancelled' AND closed_by = 'jobCancelled' AND funded_at IS NOT NULL"), Is.GreaterThan(0), "and refunds");
        Assert.That(Scalar("SELECT COUNT(*) FROM payout_batches WHERE status = 'paid'"), Is.GreaterThan(1), "and paid batches");
        Assert.That(Scalar("SELECT COUNT(*) FROM payouts WHERE status = 'returned'"), Is.GreaterThan(0), "and returned transfers");
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM payouts p JOIN ledger_transactions t ON t.event_key = 'payout-paid:' || p.id
            WHERE EXISTS (SELECT 1 FROM payouts q WHERE q.worker_id = p.worker_id AND q.id <> p.id AND q.returned_at <= t.created_at)
            """), Is.GreaterThan(0), "and a worker paid again after a return and a corrected account");
        Assert.That(_earlierCutoffs, Is.GreaterThan(0), "and batches asked for with a cutoff earlier than the last batch's");
        Assert.That(_statementConfirmations, Is.GreaterThan(0), "and payments confirmed from a bank statement's match");
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts WHERE award_lapsed_at IS NOT NULL"), Is.GreaterThan(0), "and awards lapsed unpaid");
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'withholdingReturned'"), Is.GreaterThan(0),
            "and contracts funded the old way, released with their escrowed tax returned");
        Assert.That(Scalar("SELECT COUNT(*) FROM team_shares s JOIN contracts c ON c.id = s.contract_id WHERE s.is_director = FALSE AND s.net > 0 AND c.closed_by IN ('acceptance', 'lapse')"),
            Is.GreaterThan(0), "and team contracts released to their members");
        Assert.That(Scalar("SELECT COUNT(*) FROM team_shares s JOIN contracts c ON c.id = s.contract_id WHERE s.is_director = FALSE AND s.net > 0 AND c.closed_by IN ('cancellation', 'decision')"),
            Is.GreaterThan(0), "and team contracts whose share was split over their members");
    }

    /// <summary>
    /// A team contract just awarded: its director gives each of the team's two members a task of up to half what the tasks
    /// may add up to, the member delivers, and the director approves two of three.
    /// </summary>
    private async Task SplitIntoTasks(Random random, User director, List<User> workers, string contractId)
    {
        var cap = Scalar($"SELECT amount - platform_fee - withholding_tax FROM contracts WHERE id = '{contractId}'");
        if (cap < 2) return;
        var k = workers.IndexOf(director);
        foreach (var member in new[] { workers[(k + 1) % workers.Count], workers[(k + 2) % workers.Count] })
        {
            var task = await Created(await director.Http.PostAsJsonAsync($"/api/contracts/{contractId}/tasks", new
            {
                title = "piece", instructions = "", amount = random.NextInt64(1, cap / 2 + 1), hours = 1,
                dueAt = _time.GetUtcNow().AddDays(1), assigneeId = member.Id,
            }));
            await Created(await member.Http.PostAsJsonAsync($"/api/tasks/{Id(task)}/submissions", new { message = "done" }));
            if (random.Next(3) > 0) await Ok(await director.Http.PostAsync($"/api/tasks/{Id(task)}/approve", null));
        }
    }

    /// <summary>
    /// Makes a just-awarded contract one of those awarded before migration 0023: flagged, and its payment asking for the
    /// whole amount with the tax in it, as the migration leaves them.
    /// </summary>
    private void FundedTheOldWay(string contractId)
    {
        using var connection = App.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE payments SET amount = amount + (SELECT c.withholding_tax FROM contracts c WHERE c.id = payments.contract_id)
            WHERE contract_id = '{contractId}' AND status = 'pending';
            UPDATE contracts SET withholding_in_escrow = TRUE WHERE id = '{contractId}' AND withholding_tax > 0;
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// What each closed contract cost its business: what its business account gave (payments in, less what came back)
    /// plus the tax withheld on what was paid, which the business remits itself, is exactly what was paid for (the
    /// amount on acceptance, the share on a cancellation or a decision, nothing when the job was withdrawn) plus the
    /// producer's fee on it; and the release paid the worker that split's net.
    /// </summary>
    private void AssertOutlays(int step)
    {
        using var connection = App.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.id, c.closed_by, c.amount, c.producer_fee, c.withholding_tax, c.platform_fee_bps, c.producer_fee_bps, c.platform_fee,
                   CASE WHEN c.withholds = TRUE THEN 1 ELSE 0 END, COALESCE(c.worker_share, 0),
                   COALESCE((SELECT SUM(e.amount) FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
                             WHERE t.contract_id = c.id AND e.account = 'business:' || c.business_id), 0),
                   COALESCE((SELECT SUM(e.amount) FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
                             WHERE t.event_key = 'release:' || c.id AND e.account LIKE 'worker:%'), 0),
                   COALESCE((SELECT SUM(s.net) FROM team_shares s WHERE s.contract_id = c.id), 0),
                   CASE WHEN c.team_id IS NULL THEN 0 ELSE 1 END
            FROM contracts c WHERE c.status IN ('completed', 'cancelled')
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var (id, closedBy) = (reader.GetString(0), reader.IsDBNull(1) ? "awardLapsed" : reader.GetString(1));
            var money = new Marketplace.Money.ContractMoney
            {
                Amount = reader.GetInt64(2), ProducerFee = reader.GetInt64(3), WithholdingTax = reader.GetInt64(4),
                PlatformFeeBps = reader.GetInt64(5), ProducerFeeBps = reader.GetInt64(6), PlatformFee = reader.GetInt64(7),
                Withholds = reader.GetInt64(8) == 1,
            };
            var paid = closedBy switch
            {
                "acceptance" or "lapse" => money.Split,
                "cancellation" or "decision" => money.SplitOf(reader.GetInt64(9)),
                _ => money.SplitOf(0),
            };
            var outlay = -reader.GetInt64(10);
            Assert.That(outlay + paid.WithholdingTax, Is.EqualTo(paid.Amount + paid.ProducerFee),
                $"step {step}: contract {id} ({closedBy}) cost its business what was paid for plus the producer's fee, once it remits the tax");
            Assert.That(reader.GetInt64(11), Is.EqualTo(paid.WorkerNet), $"step {step}: contract {id} ({closedBy}) paid the worker side its net");
            if (reader.GetInt64(13) == 1 && paid.Amount > 0)
                Assert.That(reader.GetInt64(12), Is.EqualTo(paid.WorkerNet), $"step {step}: team contract {id} ({closedBy}) divided exactly its worker net");
        }
        Assert.That(Scalar("SELECT COUNT(*) FROM team_shares WHERE net < 0 OR withholding_tax < 0 OR gross < 0"), Is.Zero,
            $"step {step}: no one of a team is paid below zero");
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_entries WHERE account LIKE 'withholding:%'"), Is.Zero,
            $"step {step}: the platform never holds the tax a business withholds");
    }

    /// <summary>Batches the walk asked for with a cutoff before the last batch's: they must not pay the same yen again.</summary>
    private int _earlierCutoffs;

    private static readonly object BankAccount =
        new { bankCode = "0117", branchCode = "123", accountType = "ordinary", accountNumber = "1234567", holderName = "ｻﾄｳ ﾐｻｷ" };

    /// <summary>
    /// One administrator's (or worker's) payout step: gather a batch at a cutoff up to three days back, mark a gathered
    /// batch paid, record that a paid transfer came back, or save a held account again.
    /// </summary>
    private async Task<HttpResponseMessage?> PayoutStep(Random random, User admin, List<User> workers)
    {
        var now = _time.GetUtcNow();
        switch (random.Next(5))
        {
            case 0 or 1:
                var cutoff = now - TimeSpan.FromHours(random.Next(0, 72));
                using (var connection = App.OpenDatabase())
                {
                    var last = connection.QueryFirstOrDefault<DateTimeOffset?>("SELECT cutoff FROM payout_batches ORDER BY cutoff DESC LIMIT 1");
                    if (last is not null && cutoff < last) _earlierCutoffs++;
                }
                return await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff });
            case 2:
                var gathered = Strings("SELECT id FROM payout_batches WHERE status = 'gathered' ORDER BY id");
                return gathered.Count == 0 ? null
                    : await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{gathered[random.Next(gathered.Count)]}/paid",
                        new { paidOn = DateOnly.FromDateTime(now.UtcDateTime) });
            case 3:
                // A bank returns a transfer within days: only the last paid batch's transfers come back.
                var paid = Strings("""
                    SELECT p.batch_id || ' ' || p.worker_id FROM payouts p
                    WHERE p.status = 'paid' AND p.batch_id = (SELECT b.id FROM payout_batches b WHERE b.status = 'paid' ORDER BY b.paid_at DESC, b.id DESC LIMIT 1)
                    ORDER BY p.id
                    """);
                if (paid.Count == 0) return null;
                var pick = paid[random.Next(paid.Count)].Split(' ');
                return await admin.Http.PostAsJsonAsync($"/api/admin/payout-batches/{pick[0]}/returned",
                    new { workerId = pick[1], reason = "口座番号相違" });
            default:
                var held = workers.Where(w => Scalar($"SELECT COUNT(*) FROM bank_accounts WHERE worker_id = '{w.Id}' AND held_reason IS NOT NULL") == 1).ToList();
                return held.Count == 0 ? null : await held[random.Next(held.Count)].Http.PutAsJsonAsync("/api/me/bank-account", BankAccount);
        }
    }

    private List<string> Strings(string sql)
    {
        using var connection = App.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }

    /// <summary>
    /// Money out, checked against the payouts table and the API: nothing is created or lost between a worker's balance,
    /// the transfers in transit, the operator's bank account and the bank's fees.
    /// </summary>
    private async Task AssertPayoutInvariants(int step, List<User> workers)
    {
        foreach (var worker in workers)
        {
            var account = $"worker:{worker.Id}";
            var balance = Balance(account);
            var reported = (await Ok(await worker.Http.GetAsync("/api/me/payouts")))["availableBalance"]!.GetValue<long>();
            Assert.That(reported, Is.EqualTo(balance), $"step {step}: the balance the worker is shown is the sum of its ledger entries");
            Assert.That(balance, Is.GreaterThanOrEqualTo(0), $"step {step}: no worker's balance is negative");
            var released = Scalar($"""
                SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
                WHERE e.account = '{account}' AND t.event_key LIKE 'release:%'
                """);
            var gathered = Scalar($"SELECT COALESCE(SUM(amount), 0) FROM payouts WHERE worker_id = '{worker.Id}'");
            var cameBack = Scalar($"SELECT COALESCE(SUM(net), 0) FROM payouts WHERE worker_id = '{worker.Id}' AND status = 'returned'");
            Assert.That(balance, Is.EqualTo(released - gathered + cameBack), $"step {step}: released less gathered plus returned is the balance");
            Assert.That(Scalar($"SELECT COUNT(*) FROM payouts WHERE worker_id = '{worker.Id}' AND status = 'pending'"), Is.LessThanOrEqualTo(1),
                $"step {step}: a worker waits in one batch at most");
        }
        Assert.That(Balance("payouts:in-transit"), Is.EqualTo(Scalar("SELECT COALESCE(SUM(net), 0) FROM payouts WHERE status = 'pending'")),
            $"step {step}: in transit is what gathered batches will transfer");
        Assert.That(Balance("bank:operator"), Is.EqualTo(Scalar("SELECT COALESCE(SUM(net), 0) FROM payouts WHERE status = 'paid'")),
            $"step {step}: the operator's bank paid out exactly the transfers that stayed paid");
        Assert.That(Balance("bank:fees"), Is.EqualTo(Scalar("SELECT COALESCE(SUM(transfer_fee), 0) FROM payouts")),
            $"step {step}: every transfer's fee, returned ones too, went to the bank");
        Assert.That(Scalar("SELECT COUNT(*) FROM payouts WHERE amount - transfer_fee <> net"), Is.Zero, $"step {step}: the worker bears the fee");
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM payouts p
            WHERE (SELECT COUNT(*) FROM ledger_transactions t WHERE t.event_key = 'payout:' || p.id) <> 1
               OR (SELECT COUNT(*) FROM ledger_transactions t WHERE t.event_key = 'payout-paid:' || p.id) <> CASE p.status WHEN 'pending' THEN 0 ELSE 1 END
               OR (SELECT COUNT(*) FROM ledger_transactions t WHERE t.event_key = 'payout-return:' || p.id) <> CASE p.status WHEN 'returned' THEN 1 ELSE 0 END
            """), Is.Zero, $"step {step}: each payout posted once when gathered, once when paid and once when returned");
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM payout_batches b JOIN payouts p ON p.batch_id = b.id
            WHERE (b.status = 'gathered') <> (p.status = 'pending')
            """), Is.Zero, $"step {step}: a gathered batch's transfers wait, a paid batch's do not");
    }

    /// <summary>The administrator confirms the contract's latest payment if it is pending.</summary>
    private int _confirmations;

    /// <summary>
    /// Confirms the contract's pending payment: every other time as one confirmation, else as the bank statement's
    /// deposit (the reference before the payer's name, the amount asked for) matched and confirmed in one step.
    /// </summary>
    private async Task<HttpResponseMessage?> ConfirmLatest(User admin, User business, string contractId)
    {
        var settlement = await Settlement(business, contractId);
        if (Str(settlement["paymentStatus"]) != "pending") return null;
        if (++_confirmations % 2 == 1) return await admin.Http.PostAsync($"/api/payments/{Str(settlement["paymentId"])}/confirm", null);
        var request = await Ok(await business.Http.GetAsync($"/api/contracts/{contractId}/payment-request"));
        var statement = $"日付,摘要,入金額\r\n2026/12/01,{Str(request["reference"])} ﾃｽﾄｼﾖｳｶｲ,{request["amount"]!.GetValue<long>()}\r\n";
        var matched = (await Ok(await admin.Http.PostAsJsonAsync("/api/payments/matches", new { text = statement })))["matched"]!.AsArray();
        Assert.That(matched.Select(m => Str(m!["payment"]!["id"])), Is.EqualTo(new[] { Str(settlement["paymentId"]) }), "the statement matches the payment");
        _statementConfirmations++;
        return await admin.Http.PostAsJsonAsync("/api/payments/confirmations", new { payments = new[] { new { id = Str(settlement["paymentId"]) } } });
    }

    private int _statementConfirmations;

    private int _laters;

    private async Task<HttpResponseMessage?> Later(Marketplace.Contracts.DealClock clock, TimeSpan by)
    {
        _time.Advance(by);
        await clock.RunOnceAsync();
        // Payments into escrow fall due and unpaid awards lapse as time goes on: their jobs open again with their bids. The
        // payments' clock runs at every eighth jump only, so that most awards live long enough to be walked further.
        if (++_laters % 8 == 0) await App.Services.GetRequiredService<Marketplace.Contracts.AwardPaymentClock>().RunOnceAsync();
        return null;
    }

    private void AssertLedgerInvariants(int step)
    {
        Assert.That(Scalar("SELECT COUNT(*) FROM (SELECT transaction_id FROM ledger_entries GROUP BY transaction_id HAVING SUM(amount) <> 0) x"),
            Is.Zero, $"step {step}: every transaction sums to zero");
        Assert.That(Scalar("SELECT COALESCE(SUM(amount), 0) FROM ledger_entries"), Is.Zero, $"step {step}: the whole ledger balances");
        Assert.That(Scalar("SELECT COUNT(*) FROM (SELECT account FROM ledger_entries WHERE account LIKE 'escrow:%' GROUP BY account HAVING SUM(amount) < 0) x"),
            Is.Zero, $"step {step}: no escrow is negative");
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM contracts c
            WHERE c.status IN ('completed', 'cancelled')
              AND COALESCE((SELECT SUM(e.amount) FROM ledger_entries e WHERE e.account = 'escrow:' || c.id), 0) <> 0
            """), Is.Zero, $"step {step}: a closed contract's escrow is empty");
        // The escrow total: the amount less the tax withheld (the business remits it) plus the producer's fee, and for a
        // contract funded the old way the tax too. What each close paid is checked by AssertOutlays.
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM contracts c
            WHERE c.status NOT IN ('completed', 'cancelled')
              AND 1 = CASE WHEN c.funded_at IS NULL
                           THEN CASE WHEN COALESCE((SELECT SUM(e.amount) FROM ledger_entries e WHERE e.account = 'escrow:' || c.id), 0)
                                          >= c.amount - CASE WHEN c.withholding_in_escrow = TRUE THEN 0 ELSE c.withholding_tax END + c.producer_fee
                                     THEN 1 ELSE 0 END
                           ELSE CASE WHEN COALESCE((SELECT SUM(e.amount) FROM ledger_entries e WHERE e.account = 'escrow:' || c.id), 0)
                                          <> c.amount - CASE WHEN c.withholding_in_escrow = TRUE THEN 0 ELSE c.withholding_tax END + c.producer_fee
                                     THEN 1 ELSE 0 END
                      END
            """), Is.Zero, $"step {step}: an open funded contract's escrow holds its escrow total, an unfunded one less");
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM contracts c
            WHERE c.status = 'completed'
              AND c.amount - c.platform_fee - c.withholding_tax <> (SELECT SUM(e.amount) FROM ledger_entries e JOIN ledger_transactions t
                  ON t.id = e.transaction_id WHERE t.event_key = 'release:' || c.id AND e.account LIKE 'worker:%')
            """), Is.Zero, $"step {step}: an accepted contract paid the worker side its net (a team contract: its people together)");
        Assert.That(Scalar("SELECT COUNT(*) FROM (SELECT contract_id FROM ledger_transactions WHERE event_key LIKE 'release:%' GROUP BY contract_id HAVING COUNT(*) > 1) x"),
            Is.Zero, $"step {step}: no escrow is released twice");
    }
}
