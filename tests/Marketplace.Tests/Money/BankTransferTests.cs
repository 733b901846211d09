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
        var milestoneRandom = new Random(24);
        // Task jobs (issue 24) walk beside the contracts on a sequence of their own, so that the draws above stay as they were.
        var taskRandom = new Random(24);
        _taskJobs.Clear();
        // Contests (issue 24) draw from a sequence of their own, with a business and workers of their own (who keep
        // their winnings: no bank account), so that the walk above draws and pays out as it did without them.
        var contestRandom = new Random(24);
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
        // The fourth is a company: it is not withheld on, and the team it directs has individual members whom the business
        // withholds on all the same (each its own payee), their tax going back to the business to remit.
        await Ok(await workers[3].Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills = new[] { "design" }, region = "秋田県湯沢市", weeklyHours = 20, availability = "", isIndividual = false }));
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
        await StartMilestoneWalk();
        var taskWorkers = new List<User>();
        for (var i = 0; i < 3; i++) taskWorkers.Add(await SignUp(Role.Worker));
        var contestBusiness = await SignUp(Role.Business);
        await Ok(await contestBusiness.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        var entrants = new List<User>();
        for (var i = 0; i < 3; i++)
        {
            var entrant = await SignUp(Role.Worker);
            await Ok(await entrant.Http.PutAsJsonAsync("/api/me/worker-profile",
                new { bio = "", skills = new[] { "design" }, region = "秋田県湯沢市", weeklyHours = 20, availability = "", isIndividual = i > 0 }));
            entrants.Add(entrant);
        }

        // Each kind of step with its weight: awards and confirmations keep open contracts coming, cancelling a job is rare.
        int[] weights = [2, 4, 3, 1, 2, 3, 3, 1, 2, 2, 1, 1];
        for (var step = 0; step < 400; step++)
        {
            if (taskRandom.Next(2) == 0)
            {
                var task = await TaskStep(taskRandom, admin, business, taskWorkers, step);
                if (task is not null) Assert.That((int)task.StatusCode, Is.LessThan(500), await task.Content.ReadAsStringAsync());
                AssertLedgerInvariants(step);
                AssertTaskJobs(step);
            }
            if (contestRandom.Next(2) == 0)
            {
                var contestStep = await ContestStep(contestRandom, admin, contestBusiness, entrants, step);
                if (contestStep is not null)
                    Assert.That((int)contestStep.StatusCode, Is.LessThan(500), await contestStep.Content.ReadAsStringAsync());
                AssertLedgerInvariants(step);
                AssertContestInvariants(step);
                AssertOutlays(step);
            }
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
            if (milestoneRandom.Next(2) == 0)
            {
                var milestoneStep = await MilestoneStep(milestoneRandom, admin, step);
                if (milestoneStep is not null)
                    Assert.That((int)milestoneStep.StatusCode, Is.LessThan(500), await milestoneStep.Content.ReadAsStringAsync());
                AssertLedgerInvariants(step);
                AssertOutlays(step);
            }
        }
        await PayUnderTheMinimumWhenDue(admin, business, workers);
        AssertMilestonesReached();
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
        Assert.That(Scalar("SELECT COUNT(*) FROM payouts WHERE amount < 1000"), Is.GreaterThan(0), "and pay under the minimum gathered as its date came near");
        Assert.That(_statementConfirmations, Is.GreaterThan(0), "and payments confirmed from a bank statement's match");
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts WHERE award_lapsed_at IS NOT NULL"), Is.GreaterThan(0), "and awards lapsed unpaid");
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'withholdingReturned'"), Is.GreaterThan(0),
            "and contracts funded the old way, released with their escrowed tax returned");
        Assert.That(Scalar("SELECT COUNT(*) FROM jobs WHERE format = 'task' AND status = 'completed'"), Is.GreaterThan(0), "and closed task jobs");
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key LIKE 'task-release:%'"), Is.GreaterThan(0), "paying their workers");
        Assert.That(Scalar("SELECT COUNT(*) FROM task_submissions WHERE auto_approved = TRUE"), Is.GreaterThan(0), "and answers approved automatically");
        Assert.That(Scalar("SELECT COUNT(*) FROM task_submissions WHERE status = 'rejected'"), Is.GreaterThan(0), "and rejected answers");
        Assert.That(Scalar("SELECT COUNT(*) FROM contests WHERE status = 'awarded' AND chosen_by = '" + contestBusiness.Id + "'"), Is.GreaterThan(0),
            "and contests won by the business's choice");
        Assert.That(Scalar("SELECT COUNT(*) FROM contests WHERE status = 'awarded' AND chosen_by = '" + admin.Id + "'"), Is.GreaterThan(0),
            "and by an administrator's, after the business's 14 days");
        Assert.That(Scalar("SELECT COUNT(*) FROM contests k JOIN jobs j ON j.id = k.job_id WHERE k.status = 'refunded' AND j.funded_at IS NOT NULL"),
            Is.GreaterThan(0), "and funded contests refunded below their minimum");
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts c JOIN contests k ON k.job_id = c.job_id WHERE c.withholding_tax > 0"), Is.GreaterThan(0),
            "and prizes withheld on");
        Assert.That(Scalar("SELECT COUNT(*) FROM team_shares s JOIN contracts c ON c.id = s.contract_id WHERE s.is_director = FALSE AND s.net > 0 AND c.closed_by IN ('acceptance', 'lapse')"),
            Is.GreaterThan(0), "and team contracts released to their members");
        Assert.That(Scalar("SELECT COUNT(*) FROM team_shares s JOIN contracts c ON c.id = s.contract_id WHERE s.is_director = FALSE AND s.net > 0 AND c.closed_by IN ('cancellation', 'decision')"),
            Is.GreaterThan(0), "and team contracts whose share was split over their members");
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key LIKE 'team-withholding:%' AND kind = 'withholdingReturned'"),
            Is.GreaterThan(0), "and team contracts of a company director whose individual members were withheld on");
    }

    /// <summary>The task jobs the walk posted.</summary>
    private readonly List<string> _taskJobs = [];

    /// <summary>
    /// One step of a task job: the business posts one (its payment confirmed two times in three), an administrator confirms
    /// a waiting one, a worker takes and answers an item, the business approves or rejects an answer, or the task jobs'
    /// clock runs (approving answers 14 days after a deadline and closing jobs). Time moves with the contracts' walk.
    /// </summary>
    private async Task<HttpResponseMessage?> TaskStep(Random random, User admin, User business, List<User> workers, int step)
    {
        string[] categories = ["design", "writing", "dataEntry"];
        var open = _taskJobs.Where(j => Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{j}' AND status = 'open'") == 1).ToList();
        var action = open.Count == 0 && random.Next(2) == 0 ? 0 : random.Next(5);
        switch (action)
        {
            case 0:
                var posted = await business.Http.PostAsJsonAsync("/api/task-jobs", new
                {
                    title = "task " + step, instructions = "説明文を書いてください", category = categories[random.Next(categories.Length)],
                    deadline = _time.GetUtcNow().AddDays(random.Next(1, 7)), pricePerItem = random.Next(1, 20_000), itemCount = random.Next(1, 7),
                    perWorkerCap = random.Next(1, 7), fields = new[] { new { label = "説明", kind = "text", maxLength = 100 } },
                });
                if (posted.StatusCode != HttpStatusCode.Created) return posted;
                var job = Str((await Created(posted))["jobId"]);
                _taskJobs.Add(job);
                return random.Next(3) == 0 ? null : await ConfirmTaskPayment(admin, business, job);
            case 1:
                var unfunded = _taskJobs.Where(j => Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{j}' AND status = 'unfunded'") == 1).ToList();
                return unfunded.Count == 0 ? null : await ConfirmTaskPayment(admin, business, unfunded[random.Next(unfunded.Count)]);
            case 2:
                if (open.Count == 0) return null;
                var worker = workers[random.Next(workers.Count)];
                var taken = await worker.Http.PostAsync($"/api/task-jobs/{open[random.Next(open.Count)]}/take", null);
                if (taken.StatusCode != HttpStatusCode.OK) return taken;
                return await worker.Http.PostAsJsonAsync($"/api/task-items/{Id(await Ok(taken))}/submission", new { answers = new[] { "step " + step } });
            case 3:
                if (open.Count == 0) return null;
                var waiting = await business.Http.GetFromJsonAsync<JsonArray>($"/api/task-jobs/{open[random.Next(open.Count)]}/submissions");
                if (waiting is null || waiting.Count == 0) return null;
                var answer = Id(waiting[random.Next(waiting.Count)]!.AsObject());
                return random.Next(3) == 0
                    ? await business.Http.PostAsJsonAsync($"/api/task-submissions/{answer}/reject", new { reason = "step " + step })
                    : await business.Http.PostAsync($"/api/task-submissions/{answer}/approve", null);
            default:
                await App.Services.GetRequiredService<Marketplace.TaskJobs.TaskJobClock>().RunOnceAsync();
                return null;
        }
    }

    /// <summary>
    /// After the walk (so that its draws stay as they were): a new worker earns ¥450 from a one-item task job, under the
    /// payout minimum; 24 days on its date is a week away, and the next batch pays it whole, the operator bearing the
    /// transfer fee the walk's workers bear (Freelance Act art. 4 over the minimum). The invariants hold throughout.
    /// </summary>
    private async Task PayUnderTheMinimumWhenDue(User admin, User business, List<User> workers)
    {
        var small = await SignUp(Role.Worker);
        await Ok(await small.Http.PutAsJsonAsync("/api/me/bank-account", BankAccount));
        var job = Str((await Created(await business.Http.PostAsJsonAsync("/api/task-jobs", new
        {
            title = "小さなタスク", instructions = "説明文を書いてください", category = "dataEntry", deadline = _time.GetUtcNow().AddDays(3),
            pricePerItem = 500, itemCount = 1, perWorkerCap = 1, fields = new[] { new { label = "説明", kind = "text", maxLength = 100 } },
        })))["jobId"]);
        await ConfirmTaskPayment(admin, business, job);
        var item = await Ok(await small.Http.PostAsync($"/api/task-jobs/{job}/take", null));
        var answer = await Created(await small.Http.PostAsJsonAsync($"/api/task-items/{Id(item)}/submission", new { answers = new[] { "小さな答え" } }));
        await Ok(await business.Http.PostAsync($"/api/task-submissions/{Id(answer)}/approve", null));
        Assert.That(Balance($"worker:{small.Id}"), Is.EqualTo(450));
        _time.Advance(TimeSpan.FromDays(24));
        await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", new { cutoff = _time.GetUtcNow() });
        Assert.That(Scalar($"SELECT net FROM payouts WHERE worker_id = '{small.Id}'"), Is.EqualTo(450), "paid whole: the operator bore the fee");
        AssertLedgerInvariants(int.MaxValue);
        await AssertPayoutInvariants(int.MaxValue, [.. workers, small]);
    }

    private async Task<HttpResponseMessage?> ConfirmTaskPayment(User admin, User business, string jobId)
    {
        var request = await Ok(await business.Http.GetAsync($"/api/jobs/{jobId}/payment-request"));
        return Str(request["status"]) != "pending" ? null : await admin.Http.PostAsync($"/api/payments/{Str(request["paymentId"])}/confirm", null);
    }

    /// <summary>
    /// A task job's escrow holds items × price from its funding until it closes, and nothing after; its close paid out of
    /// it exactly its approved items × price (the workers' nets, the fees and the tax withheld back to the business), once
    /// per worker.
    /// </summary>
    private void AssertTaskJobs(int step)
    {
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM jobs j JOIN task_jobs t ON t.job_id = j.id
            WHERE COALESCE((SELECT SUM(e.amount) FROM ledger_entries e WHERE e.account = 'job-escrow:' || j.id), 0)
                  <> CASE WHEN j.status = 'completed' OR j.funded_at IS NULL THEN 0 ELSE t.item_count * t.price_per_item END
            """), Is.Zero, $"step {step}: a task job's escrow holds items × price while it is open and funded, else nothing");
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM jobs j JOIN task_jobs t ON t.job_id = j.id
            WHERE j.status = 'completed'
              AND COALESCE((SELECT -SUM(e.amount) FROM ledger_entries e JOIN ledger_transactions x ON x.id = e.transaction_id
                            WHERE x.job_id = j.id AND x.kind IN ('escrowReleased', 'withholdingReturned') AND e.account = 'job-escrow:' || j.id), 0)
                  <> t.price_per_item * (SELECT COUNT(*) FROM task_submissions s WHERE s.job_id = j.id AND s.status = 'approved')
            """), Is.Zero, $"step {step}: a closed task job paid out exactly its approved items (to its workers, the platform, and the tax withheld back to the business)");
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM task_submissions s
            WHERE s.status <> 'rejected' AND (SELECT COUNT(*) FROM task_submissions o WHERE o.item_id = s.item_id AND o.status <> 'rejected') > 1
            """), Is.Zero, $"step {step}: an item has one live answer");
    }

    /// <summary>The milestone walk's own business and workers (with no bank account: the payout steps leave them alone).</summary>
    private User _milestoneBusiness = null!;
    private readonly List<User> _milestoneWorkers = [];
    private readonly List<(string Id, string JobId, User Worker)> _milestoneContracts = [];

    private async Task StartMilestoneWalk()
    {
        _milestoneWorkers.Clear();
        _milestoneContracts.Clear();
        _milestoneBusiness = await SignUp(Role.Business);
        await Ok(await _milestoneBusiness.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        for (var i = 0; i < 2; i++) _milestoneWorkers.Add(await SignUp(Role.Worker));
    }

    /// <summary>
    /// One step of contracts paid in milestones, drawn from the walk's own random sequence: an award with a plan of one to
    /// four milestones (the first funded at award, or all), an administrator's confirmation, funding the next milestone,
    /// a milestone's submission, revision or acceptance, milestones added by a change (proposed, answered), a cancellation
    /// with a share (proposed, answered), a decided dispute, or the job withdrawn. Time and the clocks move with the
    /// main walk, so that milestones lapse into acceptance and awards lapse unpaid.
    /// </summary>
    private async Task<HttpResponseMessage?> MilestoneStep(Random random, User admin, int step)
    {
        var business = _milestoneBusiness;
        var open = _milestoneContracts.Where(c => Scalar($"SELECT COUNT(*) FROM contracts WHERE id = '{c.Id}' AND status NOT IN ('completed', 'cancelled')") == 1).ToList();
        int[] weights = [2, 3, 3, 4, 4, 1, 1, 1, 1, 1, 1, 1];
        var roll = random.Next(weights.Sum());
        var action = 0;
        while (roll >= weights[action]) roll -= weights[action++];
        if (open.Count < 2) action = 0;
        if (action == 0)
        {
            string[] categories = ["design", "writing", "dataEntry"];
            var parts = Enumerable.Range(0, random.Next(1, 5)).Select(_ => (long)random.Next(1_000, 300_000)).ToArray();
            var job = await PostJob(business, new
            {
                title = "milestones " + step, description = "d", category = categories[random.Next(categories.Length)], budgetMin = 1,
                budgetMax = 2_000_000, deadline = _time.GetUtcNow().AddDays(30),
            });
            var worker = _milestoneWorkers[random.Next(_milestoneWorkers.Count)];
            var bid = await PlaceBid(worker, Id(job), amount: parts.Sum());
            var today = DateOnly.FromDateTime(_time.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);
            var contract = await Created(await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", new
            {
                bidId = Id(bid), fundAllMilestones = random.Next(3) == 0,
                milestones = parts.Select((amount, i) => new { title = $"第{i + 1}回", amount, dueOn = today.AddDays(10 * (i + 1)) }),
            }));
            _milestoneContracts.Add((Id(contract), Id(job), worker));
            return null;
        }
        // An answer goes where a question waits, as in the main walk.
        var waiting = action switch
        {
            1 => "SELECT contract_id FROM payments WHERE status = 'pending'",
            7 => "SELECT contract_id FROM change_requests WHERE status = 'pending'",
            9 => "SELECT contract_id FROM cancellations WHERE status = 'proposed'",
            10 => "SELECT contract_id FROM disputes WHERE status = 'open'",
            _ => null,
        };
        var candidates = waiting is null ? open : open.Where(c => Scalar($"SELECT COUNT(*) FROM ({waiting}) q WHERE q.contract_id = '{c.Id}'") > 0).ToList();
        if (candidates.Count == 0) candidates = open;
        var (id, jobId, w) = candidates[random.Next(candidates.Count)];
        var party = random.Next(2) == 0 ? business : w;
        var detail = await Ok(await business.Http.GetAsync($"/api/contracts/{id}"));
        var amount = detail["contract"]!["amount"]!.GetValue<long>();
        var milestones = detail["milestones"]!.AsArray();
        string? Pick(params string[] statuses)
        {
            var these = milestones.Where(m => statuses.Contains(Str(m!["status"]))).ToList();
            return these.Count == 0 ? null : Str(these[random.Next(these.Count)]!["id"]);
        }
        var today2 = DateOnly.FromDateTime(_time.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);
        return action switch
        {
            1 => Strings($"SELECT id FROM payments WHERE contract_id = '{id}' AND status = 'pending'") is [var payment]
                ? await admin.Http.PostAsync($"/api/payments/{payment}/confirm", null) : null,
            2 => Pick("unfunded") is { } unfunded ? await business.Http.PostAsync($"/api/contracts/{id}/milestones/{unfunded}/fund", null) : null,
            3 => Pick("funded", "revisionRequested", "unfunded") is { } toDeliver
                ? await w.Http.PostAsJsonAsync($"/api/contracts/{id}/milestones/{toDeliver}/submissions", new { message = "step " + step }) : null,
            4 => Pick("submitted", "funded") is { } toAccept ? await business.Http.PostAsync($"/api/contracts/{id}/milestones/{toAccept}/accept", null) : null,
            5 => Pick("submitted") is { } toRevise
                ? await business.Http.PostAsJsonAsync($"/api/contracts/{id}/milestones/{toRevise}/revisions", new { reason = "step " + step }) : null,
            6 => await party.Http.PostAsJsonAsync($"/api/contracts/{id}/milestones", new
            {
                milestones = new[] { new { title = "追加 " + step, amount = (long)random.Next(1_000, 100_000), dueOn = today2.AddDays(20) } },
                reason = "step " + step,
            }),
            7 => detail["changeRequests"]!.AsArray().LastOrDefault(r => Str(r!["status"]) == "pending") is { } change
                ? await party.Http.PostAsync($"/api/change-requests/{Str(change["id"])}/{(random.Next(2) == 0 ? "accept" : "decline")}", null)
                : null,
            8 => await party.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation",
                new { reason = "step " + step, workerShare = random.NextInt64(0, amount + 1) }),
            9 => await party.Http.PostAsync($"/api/contracts/{id}/cancellation/{(random.Next(2) == 0 ? "accept" : "decline")}", null),
            10 => detail["disputeId"]?.GetValue<string>() is { } dispute && await Heard(business, w, dispute)
                ? await admin.Http.PostAsJsonAsync($"/api/disputes/{dispute}/decide", new
                {
                    workerShare = random.NextInt64(0, (await Ok(await admin.Http.GetAsync($"/api/disputes/{dispute}")))["maxWorkerShare"]!.GetValue<long>() + 1),
                    reason = "step " + step,
                })
                : null,
            _ => random.Next(3) == 0 ? await business.Http.PostAsync($"/api/jobs/{jobId}/cancel", null) : null,
        };
    }

    /// <summary>The milestone walk reached what it is for.</summary>
    private void AssertMilestonesReached()
    {
        Assert.That(Scalar("SELECT COUNT(*) FROM milestones WHERE accepted_by = 'acceptance'"), Is.GreaterThan(0), "the walk accepted milestones");
        Assert.That(Scalar("SELECT COUNT(*) FROM milestones WHERE accepted_by = 'lapse'"), Is.GreaterThan(0), "and milestones lapsed into acceptance");
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts c WHERE c.status = 'completed' AND EXISTS (SELECT 1 FROM milestones m WHERE m.contract_id = c.id)"),
            Is.GreaterThan(0), "and milestone contracts completed");
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM contracts c WHERE c.closed_by IN ('cancellation', 'decision')
              AND EXISTS (SELECT 1 FROM milestones m WHERE m.contract_id = c.id AND m.status = 'cancelled' AND m.funded_at IS NOT NULL)
            """), Is.GreaterThan(0), "and funded milestones settled by a cancellation or a decision");
        Assert.That(Scalar("SELECT COUNT(*) FROM change_requests WHERE milestones IS NOT NULL AND status = 'accepted'"), Is.GreaterThan(0),
            "and milestones added by an agreed change");
        Assert.That(Scalar("SELECT COUNT(*) FROM milestones m WHERE m.position > 1 AND m.funded_at IS NOT NULL AND m.payment_id <> (SELECT n.payment_id FROM milestones n WHERE n.contract_id = m.contract_id AND n.position = 1)"),
            Is.GreaterThan(0), "and milestones funded one by one");
    }

    /// <summary>
    /// One contest step: post a contest (its prize asked for into the job's escrow), confirm a contest's payment, enter
    /// a contest taking entries, choose a winner in the business's 14 days, run the contest clock (refunds below the
    /// minimum, administrators told), or have an administrator choose after the 14 days. Time moves with the walk's.
    /// </summary>
    private async Task<HttpResponseMessage?> ContestStep(Random random, User admin, User business, List<User> entrants, int step)
    {
        var now = _time.GetUtcNow();
        switch (random.Next(7))
        {
            case 0:
                return await business.Http.PostAsJsonAsync("/api/contests", new
                {
                    title = "contest " + step, description = "brief", category = random.Next(3) == 0 ? "dataEntry" : "design",
                    prize = random.Next(1_000, 500_001), deadline = now.AddDays(random.Next(3, 11)), minimumEntries = random.Next(1, 4),
                    copyrightTransfers = random.Next(2) == 0,
                });
            case 1:
                var pending = Strings("SELECT p.id FROM payments p JOIN contests k ON k.job_id = p.job_id WHERE p.status = 'pending' ORDER BY p.id");
                return pending.Count == 0 ? null : await admin.Http.PostAsync($"/api/payments/{pending[random.Next(pending.Count)]}/confirm", null);
            case 2 or 3:
                var taking = ContestsWhere("k.status = 'open' AND j.funded_at IS NOT NULL AND k.entries_close_at > @Now", now);
                if (taking.Count == 0) return null;
                var entrant = entrants[random.Next(entrants.Count)];
                var file = await Created(await entrant.Http.Upload(Uploads.Png, "entry.png", "image/png"));
                return await entrant.Http.PostAsJsonAsync($"/api/contests/{taking[random.Next(taking.Count)]}/entries",
                    new { note = "step " + step, fileIds = new[] { Id(file) } });
            case 4:
                var choosing = ContestsWhere("k.status = 'open' AND k.entries_close_at <= @Now AND k.choose_by > @Now", now);
                if (choosing.Count == 0) return null;
                var contest = choosing[random.Next(choosing.Count)];
                var entries = Strings($"SELECT e.id FROM contest_entries e WHERE e.job_id = '{contest}' ORDER BY e.id");
                // Sometimes the business lets the 14 days pass, so that an administrator decides.
                return entries.Count == 0 || random.Next(3) == 0 ? null
                    : await business.Http.PostAsJsonAsync($"/api/contests/{contest}/winner", new { entryId = entries[random.Next(entries.Count)] });
            case 5:
                await App.Services.GetRequiredService<Marketplace.Contests.ContestClock>().RunOnceAsync();
                return null;
            default:
                var awaiting = ContestsWhere("k.status = 'open' AND k.choose_by <= @Now", now);
                if (awaiting.Count == 0) return null;
                var decided = awaiting[random.Next(awaiting.Count)];
                var candidates = Strings($"SELECT e.id FROM contest_entries e WHERE e.job_id = '{decided}' ORDER BY e.id");
                return candidates.Count == 0 ? null
                    : await admin.Http.PostAsJsonAsync($"/api/admin/contests/{decided}/winner", new { entryId = candidates[random.Next(candidates.Count)] });
        }
    }

    private List<string> ContestsWhere(string condition, DateTimeOffset now)
    {
        using var connection = App.OpenDatabase();
        return connection.Query<string>($"SELECT k.job_id FROM contests k JOIN jobs j ON j.id = k.job_id WHERE {condition} ORDER BY k.job_id", new { Now = now }).ToList();
    }

    /// <summary>
    /// A contest's prize is in its job's escrow exactly while the contest is open and funded; a closed contest's job
    /// escrow is empty; an awarded one has one contract, completed, and a refunded one gave its business back all it paid.
    /// </summary>
    private void AssertContestInvariants(int step)
    {
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM contests k JOIN jobs j ON j.id = k.job_id
            WHERE COALESCE((SELECT SUM(e.amount) FROM ledger_entries e WHERE e.account = 'job-escrow:' || k.job_id), 0)
                  <> CASE WHEN k.status = 'open' AND j.funded_at IS NOT NULL THEN k.prize ELSE 0 END
            """), Is.Zero, $"step {step}: an open funded contest's job escrow holds its prize; any other's is empty");
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM contests k
            WHERE k.status = 'awarded'
              AND (SELECT COUNT(*) FROM contracts c WHERE c.job_id = k.job_id AND c.status = 'completed' AND c.amount = k.prize) <> 1
            """), Is.Zero, $"step {step}: an awarded contest paid its prize as one completed contract");
        Assert.That(Scalar("SELECT COUNT(*) FROM contests k WHERE k.status <> 'awarded' AND EXISTS (SELECT 1 FROM contracts c WHERE c.job_id = k.job_id)"),
            Is.Zero, $"step {step}: only an awarded contest has a contract");
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM contests k JOIN jobs j ON j.id = k.job_id
            WHERE k.status = 'refunded'
              AND COALESCE((SELECT SUM(e.amount) FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
                            WHERE e.account = 'business:' || j.business_id
                              AND (t.event_key = 'contest-refund:' || k.job_id
                                   OR t.event_key IN (SELECT 'fund:' || p.id FROM payments p WHERE p.job_id = k.job_id))), 0) <> 0
            """), Is.Zero, $"step {step}: a refunded contest cost its business nothing");
        Assert.That(Scalar("SELECT COUNT(*) FROM payments p JOIN contests k ON k.job_id = p.job_id WHERE k.status <> 'open' AND p.status = 'pending'"),
            Is.Zero, $"step {step}: a closed contest's prize is no longer asked for");
        Assert.That(Scalar("SELECT COUNT(*) FROM (SELECT account FROM ledger_entries WHERE account LIKE 'job-escrow:%' GROUP BY account HAVING SUM(amount) < 0) x"),
            Is.Zero, $"step {step}: no job escrow is negative");
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
                             WHERE e.account = 'business:' || c.business_id
                               AND (t.contract_id = c.id
                                    -- A contest's prize was paid into its job's escrow before the winner's contract existed,
                                    -- and the tax withheld from it came back from there.
                                    OR t.job_id = c.job_id)), 0),
                   COALESCE((SELECT SUM(e.amount) FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
                             WHERE t.event_key = 'release:' || c.id AND e.account LIKE 'worker:%'), 0)
                   , COALESCE((SELECT SUM(m.amount) FROM milestones m WHERE m.contract_id = c.id AND m.status = 'accepted'), 0),
                   COALESCE((SELECT SUM(m.producer_fee) FROM milestones m WHERE m.contract_id = c.id AND m.status = 'accepted'), 0),
                   COALESCE((SELECT SUM(m.withholding_tax) FROM milestones m WHERE m.contract_id = c.id AND m.status = 'accepted'), 0),
                   (SELECT COUNT(*) FROM milestones m WHERE m.contract_id = c.id),
                   COALESCE((SELECT SUM(s.net) FROM team_shares s WHERE s.contract_id = c.id), 0),
                   CASE WHEN c.team_id IS NULL THEN 0 ELSE 1 END,
                   COALESCE((SELECT SUM(s.withholding_tax) FROM team_shares s WHERE s.contract_id = c.id), 0)
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
            if (reader.GetInt64(15) > 0)
            {
                // Paid in milestones: each accepted one at its own split, and a cancellation's or a decision's share.
                var share = closedBy is "cancellation" or "decision" ? paid : money.SplitOf(0);
                Assert.That(outlay + reader.GetInt64(14) + share.WithholdingTax, Is.EqualTo(reader.GetInt64(12) + reader.GetInt64(13) + share.Amount + share.ProducerFee),
                    $"step {step}: milestone contract {id} ({closedBy}) cost its business its accepted milestones and its share, once it remits the tax");
                Assert.That(reader.GetInt64(11), Is.EqualTo(share.WorkerNet), $"step {step}: milestone contract {id} ({closedBy}) paid the worker its share's net");
                continue;
            }
            // The tax the business remits: the split's; a team contract's people's together (more than the contract's when a
            // company director's individual members were withheld on, their tax going back to the business to remit).
            var team = reader.GetInt64(17) == 1;
            var remitted = team ? reader.GetInt64(18) : paid.WithholdingTax;
            Assert.That(remitted, Is.GreaterThanOrEqualTo(paid.WithholdingTax), $"step {step}: contract {id} withheld at least the contract's own tax");
            Assert.That(outlay + remitted, Is.EqualTo(paid.Amount + paid.ProducerFee),
                $"step {step}: contract {id} ({closedBy}) cost its business what was paid for plus the producer's fee, once it remits the tax");
            var workerNet = paid.Amount - paid.PlatformFee - remitted;
            Assert.That(reader.GetInt64(11), Is.EqualTo(workerNet), $"step {step}: contract {id} ({closedBy}) paid the worker side its net");
            if (team && paid.Amount > 0)
                Assert.That(reader.GetInt64(16), Is.EqualTo(workerNet), $"step {step}: team contract {id} ({closedBy}) divided exactly its worker net");
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
                WHERE e.account = '{account}' AND (t.event_key LIKE 'release:%' OR t.event_key LIKE 'task-release:%')
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
        // The worker bears the fee, except on a payout under the minimum, gathered only because its pay fell due (Freelance
        // Act art. 4), whose fee the operator bears.
        Assert.That(Scalar("SELECT COUNT(*) FROM payouts WHERE amount - transfer_fee <> net AND NOT (amount < 1000 AND net = amount)"), Is.Zero,
            $"step {step}: the worker bears the fee");
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
              AND NOT EXISTS (SELECT 1 FROM milestones m WHERE m.contract_id = c.id)
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
            WHERE c.status = 'completed' AND NOT EXISTS (SELECT 1 FROM milestones m WHERE m.contract_id = c.id)
              AND c.amount - c.platform_fee
                  - CASE WHEN c.team_id IS NULL THEN c.withholding_tax
                         ELSE (SELECT SUM(s.withholding_tax) FROM team_shares s WHERE s.contract_id = c.id) END
                  <> (SELECT SUM(e.amount) FROM ledger_entries e JOIN ledger_transactions t
                  ON t.id = e.transaction_id WHERE t.event_key = 'release:' || c.id AND e.account LIKE 'worker:%')
            """), Is.Zero, $"step {step}: an accepted contract paid the worker side its net (a team contract: its people together)");
        Assert.That(Scalar("SELECT COUNT(*) FROM (SELECT contract_id FROM ledger_transactions WHERE event_key LIKE 'release:%' GROUP BY contract_id HAVING COUNT(*) > 1) x"),
            Is.Zero, $"step {step}: no escrow is released twice");
        // Milestones: an open contract's escrow holds exactly what its funded, unreleased milestones paid in; each
        // accepted milestone was released once, paying the worker its own net, and no other milestone was.
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM contracts c
            WHERE c.status NOT IN ('completed', 'cancelled') AND EXISTS (SELECT 1 FROM milestones m WHERE m.contract_id = c.id)
              AND COALESCE((SELECT SUM(e.amount) FROM ledger_entries e WHERE e.account = 'escrow:' || c.id), 0)
                  <> COALESCE((SELECT SUM(m.amount - m.withholding_tax + m.producer_fee) FROM milestones m
                               WHERE m.contract_id = c.id AND m.status IN ('funded', 'submitted', 'revisionRequested')), 0)
            """), Is.Zero, $"step {step}: an open milestone contract's escrow holds its funded, unreleased milestones");
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM milestones m JOIN contracts c ON c.id = m.contract_id
            WHERE (SELECT COUNT(*) FROM ledger_transactions t WHERE t.event_key = 'milestone-release:' || m.id)
                  <> CASE WHEN m.status = 'accepted' THEN 1 ELSE 0 END
               OR (m.status = 'accepted' AND m.amount - m.platform_fee - m.withholding_tax <> (SELECT SUM(e.amount) FROM ledger_entries e
                   JOIN ledger_transactions t ON t.id = e.transaction_id
                   WHERE t.event_key = 'milestone-release:' || m.id AND e.account = 'worker:' || c.worker_id))
            """), Is.Zero, $"step {step}: each accepted milestone was released once with its worker's net, and no other");
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM contracts c
            WHERE c.status = 'completed' AND EXISTS (SELECT 1 FROM milestones m WHERE m.contract_id = c.id AND m.status <> 'accepted')
            """), Is.Zero, $"step {step}: a milestone contract completes only with all its milestones accepted");
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM contracts c
            WHERE c.status = 'cancelled' AND EXISTS (SELECT 1 FROM milestones m WHERE m.contract_id = c.id AND m.status NOT IN ('accepted', 'cancelled'))
            """), Is.Zero, $"step {step}: a cancelled contract's unaccepted milestones end with it");
    }
}
