using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// Disputes that hear both sides: each party gives its own account (text and files), and an administrator decides only
/// once both have or their statement days (Disputes:StatementDays, 7) have passed; before that a decision is 409
/// awaitingStatements, decided in the decision's own conditional UPDATE.
/// </summary>
public sealed class DisputeStatementsTests : DealTest
{
    private async Task<(User Business, User Worker, string ContractId, string DisputeId)> Disputed()
    {
        var (business, worker, contract) = await Contract(100_000, "design");
        var id = Id(contract);
        await Submit(worker, id);
        await Created(await business.Http.PostAsJsonAsync($"/api/contracts/{id}/cancellation", new { reason = "品質不足", workerShare = 0 }));
        var declined = await Ok(await worker.Http.PostAsync($"/api/contracts/{id}/cancellation/decline", null));
        return (business, worker, id, Str(declined["disputeId"]));
    }

    private static Task<HttpResponseMessage> State(User party, string disputeId, string body, params string[] fileIds) =>
        party.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/statements", new { body, fileIds });

    private static Task<HttpResponseMessage> Decide(User admin, string disputeId, long share = 50_000) =>
        admin.Http.PostAsJsonAsync($"/api/disputes/{disputeId}/decide", new { workerShare = share, reason = "半分ずつ" });

    [Test]
    public async Task A_decision_waits_until_both_parties_have_given_their_account()
    {
        var (business, worker, _, disputeId) = await Disputed();
        var admin = await Administrator();
        var opened = await Ok(await admin.Http.GetAsync($"/api/disputes/{disputeId}"));
        Assert.That(opened["awaitingStatements"]!.GetValue<bool>(), Is.True);
        Assert.That(opened["awaitedSides"]!.AsArray().Select(s => Str(s)), Is.EqualTo(new[] { "business", "worker" }));
        // Times are stored to the microsecond on every engine (PostgreSQL's precision), the test clock ticks finer.
        Assert.That(DateTimeOffset.Parse(Str(opened["dispute"]!["statementsDueAt"])), Is.EqualTo(Time.GetUtcNow().AddDays(7)).Within(TimeSpan.FromMilliseconds(1)));
        await Conflict(await Decide(admin, disputeId), "awaitingStatements");

        await Created(await State(worker, disputeId, "仕様どおり納品しました"));
        var half = await Ok(await admin.Http.GetAsync($"/api/disputes/{disputeId}"));
        Assert.That(half["awaitedSides"]!.AsArray().Select(s => Str(s)), Is.EqualTo(new[] { "business" }));
        await Conflict(await Decide(admin, disputeId), "awaitingStatements");
        await Created(await State(worker, disputeId, "追記: 色見本も添えました"));
        await Conflict(await Decide(admin, disputeId), "awaitingStatements"); // a second statement of one side is not the other's

        await Created(await State(business, disputeId, "色が指定と違います"));
        var heard = await Ok(await admin.Http.GetAsync($"/api/disputes/{disputeId}"));
        Assert.That(heard["awaitingStatements"]!.GetValue<bool>(), Is.False);
        var decided = await Ok(await Decide(admin, disputeId));
        Assert.That(Str(decided["dispute"]!["status"]), Is.EqualTo("decided"));
        Assert.That(decided["awaitingStatements"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Once_the_statement_days_pass_a_silent_party_no_longer_holds_the_decision()
    {
        var (_, worker, _, disputeId) = await Disputed();
        await Created(await State(worker, disputeId, "仕様どおり納品しました"));
        var admin = await Administrator();
        Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await Conflict(await Decide(admin, disputeId), "awaitingStatements");
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.That((await Ok(await admin.Http.GetAsync($"/api/disputes/{disputeId}")))["awaitingStatements"]!.GetValue<bool>(), Is.False);
        await Ok(await Decide(admin, disputeId));
    }

    [Test]
    public async Task Both_parties_are_told_by_when_to_give_their_account()
    {
        var (business, worker, _, _) = await Disputed();
        var due = JapanDay(Time.GetUtcNow().AddDays(7));
        foreach (var party in new[] { business, worker })
            Assert.That(Scalar($"SELECT COUNT(*) FROM notifications WHERE user_id = '{party.Id}' AND kind = 'disputeOpened' AND message LIKE '%by {Day(due)}%'"),
                Is.EqualTo(1));
    }

    [Test]
    public async Task A_statement_carries_files_that_both_parties_and_administrators_open_and_nobody_else()
    {
        var (business, worker, _, disputeId) = await Disputed();
        var photo = Id(await Created(await worker.Http.Upload(Uploads.Png, "色見本.png")));
        var stated = await Created(await State(worker, disputeId, "色見本のとおりです", photo));
        var files = stated["statements"]!.AsArray().Single()!["files"]!.AsArray();
        Assert.That(files.Select(f => Str(f!["name"])), Is.EqualTo(new[] { "色見本.png" }));

        var admin = await Administrator();
        foreach (var reader in new[] { business, worker, admin })
        {
            var download = await reader.Http.GetAsync($"/api/files/{photo}");
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK), reader.DisplayName);
            Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(Uploads.Png));
        }
        await Problem(await (await SignUp(Role.Business)).Http.GetAsync($"/api/files/{photo}"), HttpStatusCode.NotFound);
        await Problem(await (await SignUp(Role.Worker)).Http.GetAsync($"/api/files/{photo}"), HttpStatusCode.NotFound);
        await Problem(await Browser().GetAsync($"/api/files/{photo}"), HttpStatusCode.NotFound);

        // A file is attached once, and only by its uploader.
        var businessPhoto = Id(await Created(await business.Http.Upload(Uploads.Png, "見本.png")));
        await Problem(await State(worker, disputeId, "他人のファイル", businessPhoto), HttpStatusCode.BadRequest);
        await Problem(await State(business, disputeId, "同じファイル", photo), HttpStatusCode.BadRequest);
        await Problem(await State(business, disputeId, "多すぎ", Enumerable.Range(0, 11).Select(i => $"f{i}").ToArray()), HttpStatusCode.BadRequest);

        // Attached to a statement, a file is not swept as an unattached upload.
        Time.Advance(TimeSpan.FromDays(2));
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new Marketplace.Files.SweepFiles.Command());
        var kept = await admin.Http.GetAsync($"/api/files/{photo}");
        Assert.That(kept.StatusCode, Is.EqualTo(HttpStatusCode.OK), await kept.Content.ReadAsStringAsync());
        Assert.That(Scalar($"SELECT COUNT(*) FROM files WHERE id = '{businessPhoto}'"), Is.Zero, "the unattached one is swept");
    }

    /// <summary>
    /// A party's statement and the administrator's decision sent at the same moment: the decision either reads the
    /// statement (both sides heard) or is refused with awaitingStatements and the statement is written — never a
    /// decision that closes the dispute while the second party's account is turned away.
    /// </summary>
    [Test]
    public async Task A_statement_racing_a_decision_is_either_read_by_it_or_the_decision_waits()
    {
        var admin = await Administrator();
        var decisionsWon = 0;
        for (var round = 0; round < 6; round++)
        {
            var (business, worker, _, disputeId) = await Disputed();
            await Created(await State(business, disputeId, "色が違います"));
            // Alternate which request leaves first, so that each order is tried.
            var statement = round % 2 == 0 ? State(worker, disputeId, "仕様どおりです") : null;
            var decision = Decide(admin, disputeId);
            statement ??= State(worker, disputeId, "仕様どおりです");
            var (stated, decided) = (await statement, await decision);
            Assert.That(stated.StatusCode, Is.EqualTo(HttpStatusCode.Created), $"round {round}: the second account is never turned away");
            if (decided.StatusCode == HttpStatusCode.OK) decisionsWon++;
            else await Conflict(decided, "awaitingStatements");
        }
        Assert.That(Scalar("""
            SELECT COUNT(*) FROM disputes d
            WHERE d.status = 'decided'
              AND NOT (EXISTS (SELECT 1 FROM dispute_statements s WHERE s.dispute_id = d.id AND s.side = 'worker' AND s.created_at <= d.decided_at)
                       AND EXISTS (SELECT 1 FROM dispute_statements s WHERE s.dispute_id = d.id AND s.side = 'business'))
            """), Is.Zero, "no dispute was decided with a side unheard");
        TestContext.Out.WriteLine($"decisions that read the racing statement: {decisionsWon} of 6");
    }

    [Test]
    public async Task Only_the_parties_state_and_only_on_their_own_dispute()
    {
        var (_, _, _, disputeId) = await Disputed();
        await Problem(await State(await SignUp(Role.Worker), disputeId, "部外者"), HttpStatusCode.NotFound);
        await Problem(await State(await SignUp(Role.Business), disputeId, "部外者"), HttpStatusCode.NotFound);
        await Problem(await State(await Administrator(), disputeId, "事務局"), HttpStatusCode.Forbidden);
    }
}
