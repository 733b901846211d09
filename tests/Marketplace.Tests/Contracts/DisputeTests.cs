using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Contracts;
using Marketplace.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>Disputes: a declined or unanswered cancellation, decided once by an administrator.</summary>
public sealed class DisputeTests : DealTest
{
    private async Task<(User Business, User Worker, string ContractId, string DisputeId)> Disputed(long amount = 100_000)
    {
        var (business, worker, contract) = await Contract(amount, "design");
        var id = Id(contract);
        await Submit(worker, id);
        await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", new { reason = "品質不足", workerShare = 0 }));
        var declined = await Ok(await worker.Http.PostAsync($"/api/contracts/{id}/cancellation/decline", null));
        return (business, worker, id, Str(declined["disputeId"]));
    }

    /// <summary>Both sides give their own account, so that an administrator may decide before the statement days pass.</summary>
    private static async Task Hear(User business, User worker, string disputeId)
    {
        await Created(await worker.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body = "仕様どおりです" }));
        await Created(await business.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body = "色が違います" }));
    }

    [Test]
    public async Task The_administrator_deciding_a_dispute_reads_the_contracts_messages_and_the_decided_share_is_invoiced()
    {
        var (business, worker, contract) = await Contract(100_000, "design");
        var contractId = Id(contract);
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{contractId}/messages", new { body = "色は指定どおりです" }));
        await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{contractId}/messages", new { body = "見本と違います" }));
        await Submit(worker, contractId);
        await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{contractId}/cancellation", new { reason = "品質不足", workerShare = 0 }));
        var disputeId = Str((await Ok(await worker.Http.PostAsync($"/api/contracts/{contractId}/cancellation/decline", null)))["disputeId"]);
        var admin = await Administrator();
        var detail = await Ok(await admin.Http.GetAsync($"/api/disputes/{disputeId}"));
        Assert.That(detail["messages"]!.AsArray().Select(m => Str(m!["body"])), Is.EqualTo(new[] { "色は指定どおりです", "見本と違います" }));
        Time.Advance(TimeSpan.FromDays(8)); // neither side gave its account within the statement days

        await Ok(await admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 70_000, reason = "7割の出来" }));
        var documents = (await business.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{contractId}/documents"))!;
        var invoice = documents.Single(d => Str(d!["kind"]) == "workerInvoice")!;
        Assert.That(invoice["amount"]!.GetValue<long>(), Is.EqualTo(70_000), "the invoice bills the share, not the amount");
        Assert.That(invoice["withholdingTax"]!.GetValue<long>(), Is.EqualTo(7_147));
        Assert.That(await StatementLines(worker), Is.EqualTo(new[] { "Escrow settled by an administrator's decision" }),
            "an integration reads from the line that a decision, not an agreement, paid the share");
    }

    [Test]
    public async Task A_decision_of_nothing_refunds_everything_issues_no_document_and_cancels_the_job()
    {
        var admin = await Administrator();
        var (business, worker, contractId, disputeId) = await Disputed(50_000);
        await Hear(business, worker, disputeId);
        var jobId = Str((await Ok(await business.Http.GetAsync($"/api/contracts/{contractId}")))["contract"]!["jobId"]);

        await Ok(await admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 0, reason = "納品物が仕様と違う" }));
        Assert.That((await business.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{contractId}/documents"))!, Is.Empty,
            "nothing paid, nothing invoiced and no payment date");
        Assert.That(Str((await Ok(await business.Http.GetAsync($"/api/jobs/{jobId}")))["status"]), Is.EqualTo("cancelled"));
    }

    [Test]
    public async Task The_whole_amount_may_be_decided_to_the_worker()
    {
        var admin = await Administrator();
        var (business, worker, contractId, disputeId) = await Disputed(50_000);
        await Hear(business, worker, disputeId);

        await Ok(await admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 50_000, reason = "仕様どおり" }));
        var invoice = (await business.Http.GetFromJsonAsync<JsonArray>($"/api/contracts/{contractId}/documents"))!
            .Single(d => Str(d!["kind"]) == "workerInvoice")!;
        Assert.That(invoice["amount"]!.GetValue<long>(), Is.EqualTo(50_000));
    }

    [Test]
    public async Task The_contract_asks_each_side_for_its_account_only_until_that_side_has_given_it()
    {
        var (business, worker, contractId, disputeId) = await Disputed();
        Assert.That((await Detail(business, contractId))["disputeStatementAwaited"]!.GetValue<bool>(), Is.True);
        Assert.That((await Detail(worker, contractId))["disputeStatementAwaited"]!.GetValue<bool>(), Is.True);

        await Created(await business.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body = "色が違います" }));
        Assert.That((await Detail(business, contractId))["disputeStatementAwaited"]!.GetValue<bool>(), Is.False, "the business has given its account");
        Assert.That((await Detail(worker, contractId))["disputeStatementAwaited"]!.GetValue<bool>(), Is.True, "the worker's is still awaited");

        Time.Advance(TimeSpan.FromDays(8));
        Assert.That((await Detail(worker, contractId))["disputeStatementAwaited"]!.GetValue<bool>(), Is.False, "the statement days have passed");
    }

    [Test]
    public async Task After_a_decision_the_contracts_money_shows_the_share_paid_not_the_whole_amount()
    {
        var (business, worker, contractId, disputeId) = await Disputed(38_000);
        await Hear(business, worker, disputeId);
        await Ok(await (await Administrator()).Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 8_000, reason = "一部のみ" }));

        var settlement = await Settlement(worker, contractId);
        Assert.That(Str(settlement["closedBy"]), Is.EqualTo("decision"));
        var paid = settlement["paid"]!;
        Assert.That(paid["amount"]!.GetValue<long>(), Is.EqualTo(8_000));
        Assert.That(paid["platformFee"]!.GetValue<long>(), Is.EqualTo(800));
        Assert.That(paid["withholdingTax"]!.GetValue<long>(), Is.EqualTo(816), "the tax on the share, as the invoice bills it");
        Assert.That(paid["workerNet"]!.GetValue<long>(), Is.EqualTo(6_384));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(6_384), "what the ledger released to her");
        Assert.That(settlement["refunded"]!.GetValue<long>(), Is.EqualTo(38_000 - 3_879 - (8_000 - 816)), "the rest of the escrow back");
        Assert.That(settlement["withholdingTax"]!.GetValue<long>(), Is.EqualTo(3_879), "the award's split stays as it was fixed");
    }

    [Test]
    public async Task A_declined_cancellation_opens_a_dispute_both_sides_state_their_case_and_an_administrator_decides_once()
    {
        var (business, worker, contractId, disputeId) = await Disputed();
        Assert.That(Kind(business.Id, "disputeOpened"), Is.EqualTo(1));
        Assert.That(Kind(worker.Id, "disputeOpened"), Is.EqualTo(1));
        await Created(await worker.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body = "仕様どおり納品しました" }));
        var both = await Created(await business.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body = "色が違います" }));
        Assert.That(both["statements"]!.AsArray().Select(s => Str(s!["side"])), Is.EqualTo(new[] { "worker", "business" }));
        Assert.That(both["submissions"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(both["escrowBalance"]!.GetValue<long>(), Is.EqualTo(100_000 - 10_210), "the amount less the tax the business remits");
        Assert.That(both["maxWorkerShare"]!.GetValue<long>(), Is.EqualTo(100_000));
        Assert.That(Str(both["cancellation"]!["status"]), Is.EqualTo("declined"));

        await Problem(await business.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 0, reason = "x" }), HttpStatusCode.Forbidden);
        var admin = await Administrator();
        await Problem(await admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body = "x" }), HttpStatusCode.Forbidden);
        await Problem(await admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 100_001, reason = "x" }), HttpStatusCode.BadRequest);
        var decided = await Ok(await admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 70_000, reason = "7割の出来" }));
        Assert.That(Str(decided["dispute"]!["status"]), Is.EqualTo("decided"));
        Assert.That(decided["dispute"]!["workerShare"]!.GetValue<long>(), Is.EqualTo(70_000));
        Assert.That(Str(decided["dispute"]!["decidedByName"]), Is.EqualTo("Administrator"));
        var closed = await ContractOf(worker, contractId);
        Assert.That(Str(closed["status"]), Is.EqualTo("cancelled"));
        Assert.That(Str(closed["closedBy"]), Is.EqualTo("decision"));
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(70_000 - 7_000 - 7_147));
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-(70_000 - 7_147)), "the share, less the tax the business remits");
        Assert.That(Balance($"escrow:{contractId}"), Is.Zero);
        Assert.That(Scalar($"SELECT COUNT(*) FROM audit_entries WHERE action = 'decideDispute' AND object_id = '{disputeId}'"), Is.EqualTo(1));
        Assert.That(Scalar($"SELECT COUNT(*) FROM audit_entries WHERE action = 'decideDispute' AND detail LIKE '%\"refund\":26937%'"), Is.EqualTo(1),
            "the trail keeps what went back to the business");
        Assert.That(Kind(business.Id, "disputeDecided") + Kind(worker.Id, "disputeDecided"), Is.EqualTo(2));

        await Conflict(await admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 0, reason = "やり直し" }), "disputeDecided");
        await Conflict(await worker.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body = "追記" }), "disputeDecided");
        Assert.That(Scalar("SELECT COUNT(*) FROM ledger_transactions WHERE event_key LIKE 'release:%'"), Is.EqualTo(1), "released once");
        Assert.That(Balance($"worker:{worker.Id}"), Is.EqualTo(55_853), "the first decision stands");
    }

    [Test]
    public async Task While_a_dispute_is_open_nothing_else_moves_the_contract()
    {
        var (business, worker, contractId, _) = await Disputed();
        await Conflict(await business.Http.PostAsync($"/api/contracts/{contractId}/accept", null), "contractOnHold");
        await Conflict(await business.Http.PostAsJsonAsync($"/api/contracts/{contractId}/request-revision", new { reason = "x" }), "contractOnHold");
        Time.Advance(TimeSpan.FromDays(30));
        await RunClock();
        Assert.That(Str((await ContractOf(worker, contractId))["status"]), Is.EqualTo("submitted"), "nor does the inspection period lapse");
        Assert.That(Balance($"escrow:{contractId}"), Is.EqualTo(100_000 - 10_210));
    }

    /// <summary>
    /// 0014_admin_dispute_files.sql: the administrator who decides reads the submissions and the thread, so it opens
    /// their files; a contract without a dispute stays closed to it (404, as for a file that does not exist).
    /// </summary>
    [Test]
    public async Task An_administrator_downloads_the_files_of_a_disputed_contract_and_of_no_other()
    {
        var (business, worker, contract) = await Contract(100_000, "design");
        var id = Id(contract);
        var delivered = await Created(await worker.Http.Upload(Uploads.Pdf, "納品データ.pdf"));
        var attached = await Created(await worker.Http.Upload(Uploads.Png, "色見本.png"));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/submissions", new { message = "納品します", fileIds = new[] { Id(delivered) } }));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{id}/messages", new { body = "色見本です", fileIds = new[] { Id(attached) } }));

        var (_, otherWorker, other) = await Contract(50_000, "design");
        var undisputed = await Created(await otherWorker.Http.Upload(Uploads.Pdf, "別件.pdf"));
        await Created(await otherWorker.Http.PostAsJsonAsync($"/api/contracts/{Id(other)}/submissions", new { message = "納品", fileIds = new[] { Id(undisputed) } }));

        var admin = await Administrator();
        await Problem(await admin.Http.GetAsync($"/api/files/{Id(delivered)}"), HttpStatusCode.NotFound); // no dispute yet: not the administrator's business

        await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", new { reason = "品質不足", workerShare = 0 }));
        var disputeId = Str((await Ok(await worker.Http.PostAsync($"/api/contracts/{id}/cancellation/decline", null)))["disputeId"]);

        var submissionFile = await admin.Http.GetAsync($"/api/files/{Id(delivered)}");
        Assert.That(submissionFile.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await submissionFile.Content.ReadAsByteArrayAsync(), Is.EqualTo(Uploads.Pdf));
        Assert.That((await admin.Http.GetAsync($"/api/files/{Id(attached)}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the thread's files too");
        await Problem(await admin.Http.GetAsync($"/api/files/{Id(undisputed)}"), HttpStatusCode.NotFound);
        // The dispute page names the files it links to.
        var detail = await Ok(await admin.Http.GetAsync($"/api/disputes/{disputeId}"));
        Assert.That(detail["submissions"]!.ToJsonString(), Does.Contain(Id(delivered)));
        // Nobody else gains anything by it.
        await Problem(await (await SignUp(Role.Business)).Http.GetAsync($"/api/files/{Id(delivered)}"), HttpStatusCode.NotFound);

        // Once decided, the files stay open to administrators (a decision may be reviewed).
        await Hear(business, worker, disputeId);
        await Ok(await admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 50_000, reason = "半分" }));
        Assert.That((await admin.Http.GetAsync($"/api/files/{Id(delivered)}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Racing_decisions_release_the_escrow_once()
    {
        var (business, worker, contractId, disputeId) = await Disputed();
        await Hear(business, worker, disputeId);
        var admin = await Administrator();
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = i * 10_000, reason = $"decision {i}" })));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(3));
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'release:{contractId}'"), Is.EqualTo(1));
        Assert.That(Balance($"escrow:{contractId}"), Is.Zero);
    }

    [Test]
    public async Task An_unanswered_cancellation_becomes_a_dispute_once_however_often_the_clock_runs()
    {
        var (business, worker, contract) = await Contract(30_000);
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/cancellation", new { reason = "体調不良", workerShare = 10_000 }));
        Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.That((await RunClock()).Disputes, Is.Zero);
        Time.Advance(TimeSpan.FromMinutes(2));
        using var second = new MarketplaceApp(App.Database, Settings, clock: Time);
        var runs = await Task.WhenAll(RunClock(), RunClock(second), RunClock());
        Assert.That(runs.Sum(r => r.Disputes), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM disputes"), Is.EqualTo(1));
        var detail = await Detail(business, Id(contract));
        Assert.That(Str(detail["cancellation"]!["status"]), Is.EqualTo("lapsed"));
        Assert.That(Str(detail["disputeId"]), Is.Not.Empty);
        Assert.That(Kind(business.Id, "disputeOpened"), Is.EqualTo(1));
    }

    [Test]
    public async Task Each_sees_only_its_own_disputes_and_administrators_see_the_queue()
    {
        var (business, worker, _, disputeId) = await Disputed();
        var (otherBusiness, _, _, otherId) = await Disputed();
        Assert.That((await Ok(await business.Http.GetAsync("/api/disputes")))["items"]!.AsArray().Select(d => Id(d!.AsObject())),
            Is.EqualTo(new[] { disputeId }));
        Assert.That((await Ok(await worker.Http.GetAsync("/api/disputes")))["items"]!.AsArray().Select(d => Id(d!.AsObject())),
            Is.EqualTo(new[] { disputeId }));
        await Problem(await otherBusiness.Http.GetAsync($"/api/disputes/{disputeId}"), HttpStatusCode.NotFound);
        await Problem(await otherBusiness.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body = "x" }), HttpStatusCode.NotFound);
        await Problem(await (await SignUp(Role.Worker)).Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = 0, reason = "x" }),
            HttpStatusCode.NotFound);

        var unenrolled = await Marketplace.Accounts.CreateAdministrator.CreateAsync(App.Services, "plain-admin@test.example", Password);
        var plain = Browser();
        await Ok(await plain.PostAsJsonAsync("/api/auth/login", new { email = unenrolled.Email, password = Password }));
        await Problem(await plain.GetAsync("/api/disputes"), HttpStatusCode.Forbidden);

        var admin = await Administrator();
        var queue = await Ok(await admin.Http.GetAsync("/api/disputes?status=open"));
        Assert.That(queue["items"]!.AsArray().Select(d => Id(d!.AsObject())), Is.EqualTo(new[] { otherId, disputeId }));
        var page = await Ok(await admin.Http.GetAsync("/api/disputes?limit=1"));
        Assert.That(page["items"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(Str(page["nextCursor"]), Is.Not.Empty);
        Assert.That((await Ok(await admin.Http.GetAsync("/api/disputes?status=decided")))["items"]!.AsArray(), Is.Empty);
        await Problem(await admin.Http.GetAsync("/api/disputes?status=lost"), HttpStatusCode.BadRequest);
        Assert.That(Str((await Ok(await admin.Http.GetAsync($"/api/disputes/{disputeId}")))["dispute"]!["businessName"]), Is.EqualTo(business.DisplayName));
    }

    /// <summary>
    /// A decision tells both parties the share decided, in words naming the job, once per dispute: the same two parties
    /// with two disputes decided are each told of both. Each decision is an event.
    /// </summary>
    [Test]
    public async Task Each_decision_tells_both_parties_the_share_decided_and_is_an_event()
    {
        var admin = await Administrator();
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var disputes = new List<string>();
        foreach (var (title, share) in new[] { ("ロゴ", 20_000L), ("名刺", 0L) })
        {
            var job = await PostJob(business, NewJob(title));
            var contract = Id(await Award(business, Id(job), Id(await PlaceBid(worker, Id(job), 30_000))));
            await Submit(worker, contract);
            await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{contract}/cancellation", new { reason = "品質不足", workerShare = 0 }));
            var disputeId = Str((await Ok(await worker.Http.PostAsync($"/api/contracts/{contract}/cancellation/decline", null)))["disputeId"]);
            await Hear(business, worker, disputeId);
            await Ok(await admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = share, reason = "出来に応じて" }));
            disputes.Add(disputeId);
        }

        var expected = new[]
        {
            "The dispute about \"ロゴ\" was decided: the worker is paid 20000 yen and the rest is refunded.",
            "The dispute about \"名刺\" was decided: the worker is paid 0 yen and the rest is refunded.",
        };
        foreach (var party in new[] { business, worker })
            Assert.That((await Ok(await party.Http.GetAsync("/api/notifications")))["items"]!.AsArray()
                .Where(n => Str(n!["kind"]) == "disputeDecided").Select(n => Str(n!["message"])), Is.EquivalentTo(expected), party.DisplayName);
        var decided = (await Ok(await business.Http.GetAsync("/api/events")))["items"]!.AsArray()
            .Where(e => Str(e!["type"]) == "dispute.decided").Select(e => Str(e!["data"]!["disputeId"]));
        Assert.That(decided, Is.EqualTo(disputes));
    }
}
