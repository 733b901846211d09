using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Contests;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>Contests (issue 24): the prize escrowed at posting, entries seen by their authors only, the winner's choice, the refund.</summary>
public sealed class ContestTests : DealTest
{
    private const long Prize = 50_000;

    private async Task<User> Business()
    {
        var business = await SignUp(Role.Business);
        await Ok(await business.Http.PutAsJsonAsync("/api/me/business-profile", new { isWithholdingAgent = true }));
        return business;
    }

    private async Task<User> Designer(string name = "デザイナー")
    {
        var worker = await SignUp(Role.Worker, name);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile",
            new { bio = "", skills = new[] { "design" }, region = "秋田県湯沢市", weeklyHours = 20, availability = "", isIndividual = true }));
        return worker;
    }

    private Task<HttpResponseMessage> TryPost(User business, int days, int minimumEntries = 3, bool copyrightTransfers = true) =>
        business.Http.PostAsJsonAsync("/api/contests", new
        {
            title = "純米酒のラベル案", description = "新酒のラベルを募集します。", category = "design", prize = Prize,
            deadline = Time.GetUtcNow().AddDays(days), minimumEntries, copyrightTransfers,
        });

    private async Task<JsonObject> PostContest(User business, int minimumEntries = 3, bool copyrightTransfers = true) =>
        await Created(await TryPost(business, 7, minimumEntries, copyrightTransfers));

    private static async Task<JsonObject> Enter(User worker, string contestId, string note = "案です")
    {
        var file = await Created(await worker.Http.Upload(Uploads.Png, "label.png", "image/png"));
        return await Created(await worker.Http.PostAsJsonAsync($"/api/contests/{contestId}/entries", new { note, fileIds = new[] { Id(file) } }));
    }

    private static async Task<JsonObject> Contest(User user, string contestId) => await Ok(await user.Http.GetAsync($"/api/contests/{contestId}"));

    private static IEnumerable<string> EntryIds(JsonObject contest) => contest["entries"]!.AsArray().Select(e => Str(e!["id"]));

    private static Task<HttpResponseMessage> Choose(User business, string contestId, string entryId) =>
        business.Http.PostAsJsonAsync($"/api/contests/{contestId}/winner", new { entryId });

    private ContestClock.Run RunContestClock() => App.Services.GetRequiredService<ContestClock>().RunOnceAsync().GetAwaiter().GetResult();

    private static string Account(string contestId) => $"job-escrow:{contestId}";

    [Test]
    public async Task The_deadline_is_3_to_30_days_away()
    {
        var business = await Business();
        foreach (var days in new[] { 2, 31 })
        {
            var problem = await Problem(await TryPost(business, days), HttpStatusCode.BadRequest);
            Assert.That(problem["errors"]!["deadline"], Is.Not.Null, $"{days} days");
        }
        await Created(await TryPost(business, 3));
        await Created(await TryPost(business, 30));
    }

    [Test]
    public async Task Posting_escrows_the_prize_and_shows_entrants_the_minimum_and_the_copyright_terms()
    {
        var business = await Business();
        var worker = await Designer();
        var contest = await PostContest(business, minimumEntries: 4);
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-Prize));
        Assert.That(Balance(Account(Id(contest))), Is.EqualTo(Prize));

        var seen = await Contest(worker, Id(contest));
        Assert.That(seen["minimumEntries"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(seen["copyrightTransfers"]!.GetValue<bool>(), Is.True);
        Assert.That(seen["funded"]!.GetValue<bool>(), Is.True);
        Assert.That(Str(seen["phase"]), Is.EqualTo("entering"));
        Assert.That(seen["chooseBy"]!.GetValue<DateTimeOffset>() - seen["entriesCloseAt"]!.GetValue<DateTimeOffset>(),
            Is.EqualTo(TimeSpan.FromDays(14)), "the business chooses within 14 days after the deadline");
        var listed = JsonNode.Parse(await (await worker.Http.GetAsync("/api/contests")).Content.ReadAsStringAsync())!.AsArray();
        Assert.That(listed.Select(c => Str(c!["id"])), Does.Contain(Id(contest)));
        Assert.That(listed.Single(c => Str(c!["id"]) == Id(contest))!["minimumEntries"]!.GetValue<int>(), Is.EqualTo(4));
    }

    [Test]
    public async Task An_entrant_sees_only_its_own_entries_until_the_winner_is_chosen()
    {
        var business = await Business();
        var (alice, bob, carol) = (await Designer("アリス"), await Designer("ボブ"), await Designer("キャロル"));
        var contest = await PostContest(business);
        var a1 = await Enter(alice, Id(contest));
        var a2 = await Enter(alice, Id(contest), "二案目");
        var b = await Enter(bob, Id(contest));
        var c = await Enter(carol, Id(contest));

        Assert.That(EntryIds(await Contest(alice, Id(contest))), Is.EquivalentTo(new[] { Id(a1), Id(a2) }));
        Assert.That((await Contest(alice, Id(contest)))["entryCount"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(EntryIds(await Contest(business, Id(contest))), Is.EquivalentTo(new[] { Id(a1), Id(a2), Id(b), Id(c) }));
        await Problem(await bob.Http.GetAsync($"/api/contests/{Id(contest)}/entries/{Id(a1)}"), HttpStatusCode.NotFound);
        var stranger = await SignUp(Role.Business);
        await Problem(await stranger.Http.GetAsync($"/api/contests/{Id(contest)}/entries/{Id(a1)}"), HttpStatusCode.NotFound);
        var aliceFile = Str(a1["files"]![0]!["id"]);
        await Problem(await bob.Http.GetAsync($"/api/files/{aliceFile}"), HttpStatusCode.NotFound);
        await Problem(await stranger.Http.GetAsync($"/api/files/{aliceFile}"), HttpStatusCode.NotFound);
        Assert.That((await business.Http.GetAsync($"/api/files/{aliceFile}?inline=1")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Time.Advance(TimeSpan.FromDays(8));
        await Ok(await Choose(business, Id(contest), Id(b)));
        Assert.That(EntryIds(await Contest(alice, Id(contest))), Is.EquivalentTo(new[] { Id(a1), Id(a2), Id(b), Id(c) }),
            "once the winner is chosen, every entrant sees every entry");
        Assert.That((await bob.Http.GetAsync($"/api/files/{aliceFile}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await Problem(await stranger.Http.GetAsync($"/api/contests/{Id(contest)}/entries/{Id(a1)}"), HttpStatusCode.NotFound);
        // Entries of a closed contest stay visible to their authors.
        Assert.That(Str((await Ok(await alice.Http.GetAsync($"/api/contests/{Id(contest)}/entries/{Id(a1)}")))["id"]), Is.EqualTo(Id(a1)));
        Assert.That(Str((await Contest(alice, Id(contest)))["winnerEntryId"]), Is.EqualTo(Id(b)));
    }

    [Test]
    public async Task The_business_rates_and_comments_privately()
    {
        var business = await Business();
        var worker = await Designer();
        var other = await Designer();
        var contest = await PostContest(business);
        var entry = await Enter(worker, Id(contest));
        var reviewed = await Ok(await business.Http.PutAsJsonAsync($"/api/contests/{Id(contest)}/entries/{Id(entry)}/review",
            new { rating = 4, comment = "色が良い" }));
        Assert.That(reviewed["rating"]!.GetValue<int>(), Is.EqualTo(4));

        var own = await Ok(await worker.Http.GetAsync($"/api/contests/{Id(contest)}/entries/{Id(entry)}"));
        Assert.That(own["rating"], Is.Null, "the entrant never reads the business's rating");
        Assert.That(own["comment"], Is.Null);
        await Problem(await worker.Http.PutAsJsonAsync($"/api/contests/{Id(contest)}/entries/{Id(entry)}/review", new { rating = 5 }),
            HttpStatusCode.Forbidden);
        await Problem(await other.Http.PutAsJsonAsync($"/api/contests/{Id(contest)}/entries/{Id(entry)}/review", new { rating = 5 }),
            HttpStatusCode.NotFound);
        await Problem(await business.Http.PutAsJsonAsync($"/api/contests/{Id(contest)}/entries/{Id(entry)}/review", new { rating = 6 }),
            HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Entries_close_at_the_deadline()
    {
        var business = await Business();
        var worker = await Designer();
        var contest = await PostContest(business);
        Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await Enter(worker, Id(contest));
        Time.Advance(TimeSpan.FromMinutes(1));
        var file = await Created(await worker.Http.Upload(Uploads.Png, "late.png", "image/png"));
        await Conflict(await worker.Http.PostAsJsonAsync($"/api/contests/{Id(contest)}/entries", new { note = "", fileIds = new[] { Id(file) } }),
            "contestEntriesClosed");
    }

    [Test]
    public async Task The_winner_is_paid_as_a_contract_accepted_at_once_with_withholding_terms_and_documents()
    {
        var business = await Business();
        var winner = await Designer();
        var contest = await PostContest(business, minimumEntries: 2, copyrightTransfers: true);
        var entry = await Enter(winner, Id(contest));
        await Enter(await Designer(), Id(contest));
        await Conflict(await Choose(business, Id(contest), Id(entry)), "contestNotJudging");

        Time.Advance(TimeSpan.FromDays(7));
        var chosen = await Ok(await Choose(business, Id(contest), Id(entry)));
        Assert.That(Str(chosen["status"]), Is.EqualTo("awarded"));
        var contractId = Str(chosen["contractId"]);
        var contract = await ContractOf(winner, contractId);
        Assert.That(Str(contract["status"]), Is.EqualTo("completed"));
        Assert.That(contract["amount"]!.GetValue<long>(), Is.EqualTo(Prize));

        var tax = Marketplace.Money.Withholding.Tax(Prize);
        var fee = Prize / 10;
        Assert.That(tax, Is.GreaterThan(0), "a design prize to an individual is withheld on");
        Assert.That(Balance($"worker:{winner.Id}"), Is.EqualTo(Prize - fee - tax));
        Assert.That(Balance("platform"), Is.EqualTo(fee));
        Assert.That(Balance($"business:{business.Id}"), Is.EqualTo(-(Prize - tax)), "the business remits the tax itself");
        Assert.That(Balance(Account(Id(contest))), Is.Zero);
        Assert.That(Balance($"escrow:{contractId}"), Is.Zero);
        // The business's statement: the prize paid in, and the tax withheld from it back as withheld tax returned (not as
        // a payment into escrow), each line naming the contest.
        var entries = (await Ok(await business.Http.GetAsync("/api/me/statement")))["entries"]!.AsArray();
        Assert.That(entries.Select(e => (Str(e!["kind"]), e!["amount"]!.GetValue<long>())),
            Is.EquivalentTo(new[] { ("escrowFunded", -Prize), ("withholdingReturned", tax) }));
        Assert.That(entries.Select(e => Str(e!["jobTitle"])), Is.All.EqualTo("純米酒のラベル案"));

        var terms = await TermsOf(winner, contractId);
        Assert.That(Str(terms["terms"]!["contest"]!["entryId"]), Is.EqualTo(Id(entry)));
        Assert.That(terms["terms"]!["contest"]!["copyrightTransfersOnPayment"]!.GetValue<bool>(), Is.True);
        Assert.That(Scalar($"SELECT COUNT(*) FROM documents WHERE contract_id = '{contractId}'"), Is.GreaterThan(0));
        Assert.That(Scalar($"SELECT COUNT(*) FROM contracts WHERE id = '{contractId}' AND payment_due_on IS NOT NULL"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM events WHERE type = 'contest.winnerChosen'"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM events WHERE type = 'contest.entrySubmitted'"), Is.EqualTo(2));
        await Conflict(await Choose(business, Id(contest), Id(entry)), "contestClosed");
    }

    [Test]
    public async Task The_business_chooses_within_14_days_after_the_deadline_then_an_administrator_does_by_its_ratings()
    {
        var business = await Business();
        var (alice, bob) = (await Designer(), await Designer());
        var contest = await PostContest(business, minimumEntries: 2);
        var a = await Enter(alice, Id(contest));
        var b = await Enter(bob, Id(contest));
        await Ok(await business.Http.PutAsJsonAsync($"/api/contests/{Id(contest)}/entries/{Id(b)}/review", new { rating = 5 }));
        var admin = await Administrator();

        Time.Advance(TimeSpan.FromDays(7 + 14) - TimeSpan.FromMinutes(1));
        Assert.That(RunContestClock().AdministratorsAsked, Is.Zero);
        await Conflict(await admin.Http.PostAsJsonAsync($"/api/admin/contests/{Id(contest)}/winner", new { entryId = Id(b) }), "contestNotJudging");
        Assert.That(await ContestsToDecide(admin), Is.Empty, "the business may still choose");
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await ContestsToDecide(admin), Is.EqualTo(new[] { Id(contest) }));
        Assert.That((await business.Http.GetAsync("/api/admin/contests")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        await Conflict(await Choose(business, Id(contest), Id(a)), "contestNotJudging");
        Assert.That(RunContestClock().AdministratorsAsked, Is.EqualTo(1));
        Assert.That(RunContestClock().AdministratorsAsked, Is.Zero, "told once");
        Assert.That(Kind(admin.Id, "contestAwaitsAdministrator"), Is.EqualTo(1));
        Assert.That(Balance(Account(Id(contest))), Is.EqualTo(Prize), "the minimum was met: the prize is not refunded");

        var seen = await Contest(admin, Id(contest));
        Assert.That(seen["entries"]!.AsArray().Single(e => Str(e!["id"]) == Id(b))!["rating"]!.GetValue<int>(), Is.EqualTo(5));
        var decided = await Ok(await admin.Http.PostAsJsonAsync($"/api/admin/contests/{Id(contest)}/winner", new { entryId = Id(b) }));
        Assert.That(Str(decided["winnerEntryId"]), Is.EqualTo(Id(b)));
        Assert.That(Scalar($"SELECT COUNT(*) FROM contracts WHERE worker_id = '{bob.Id}' AND status = 'completed'"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM audit_entries WHERE action = 'decideContestWinner'"), Is.EqualTo(1));
        Assert.That(await ContestsToDecide(admin), Is.Empty, "decided");
    }

    private static async Task<string[]> ContestsToDecide(User admin)
    {
        var response = await admin.Http.GetAsync("/api/admin/contests");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonNode.Parse(body)!.AsArray().Select(c => Str(c!["id"])).ToArray();
    }

    [Test]
    public async Task Below_the_minimum_the_prize_is_refunded_at_the_deadline_exactly_once()
    {
        var business = await Business();
        var worker = await Designer();
        var contest = await PostContest(business, minimumEntries: 3);
        var entry = await Enter(worker, Id(contest));
        await Enter(worker, Id(contest));

        Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.That(RunContestClock().Refunded, Is.Zero);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Conflict(await Choose(business, Id(contest), Id(entry)), "contestBelowMinimum");
        Assert.That(RunContestClock().Refunded, Is.EqualTo(1));
        Assert.That(RunContestClock().Refunded, Is.Zero);
        Assert.That(Balance($"business:{business.Id}"), Is.Zero);
        Assert.That(Balance(Account(Id(contest))), Is.Zero);
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'contest-refund:{Id(contest)}'"), Is.EqualTo(1));
        Assert.That(Str((await Contest(business, Id(contest)))["status"]), Is.EqualTo("refunded"));
        await Conflict(await Choose(business, Id(contest), Id(entry)), "contestClosed");
        Assert.That(Str((await Ok(await worker.Http.GetAsync($"/api/contests/{Id(contest)}/entries/{Id(entry)}")))["id"]), Is.EqualTo(Id(entry)),
            "a closed contest's entries stay visible to their author");
    }

    [Test]
    public async Task A_contest_with_exactly_its_minimum_of_entries_is_not_refunded()
    {
        var business = await Business();
        var contest = await PostContest(business, minimumEntries: 2);
        var entry = await Enter(await Designer(), Id(contest));
        await Enter(await Designer(), Id(contest));
        Time.Advance(TimeSpan.FromDays(7));
        Assert.That(RunContestClock().Refunded, Is.Zero);
        Assert.That(Balance(Account(Id(contest))), Is.EqualTo(Prize));
        await Ok(await Choose(business, Id(contest), Id(entry)));
    }

    [Test]
    public async Task Only_the_contests_business_chooses_and_only_an_entry_of_the_contest()
    {
        var business = await Business();
        var worker = await Designer();
        var contest = await PostContest(business, minimumEntries: 1);
        var other = await PostContest(business, minimumEntries: 1);
        var entry = await Enter(worker, Id(contest));
        var elsewhere = await Enter(worker, Id(other));
        Time.Advance(TimeSpan.FromDays(8));
        await Problem(await Choose(await SignUp(Role.Business), Id(contest), Id(entry)), HttpStatusCode.Forbidden);
        await Problem(await Choose(worker, Id(contest), Id(entry)), HttpStatusCode.Forbidden);
        await Problem(await Choose(business, Id(contest), Id(elsewhere)), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.PostAsJsonAsync("/api/contests", new { title = "x", description = "x", category = "design", prize = Prize,
            deadline = Time.GetUtcNow().AddDays(5) }), HttpStatusCode.Forbidden);
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts"), Is.Zero);
    }

    [Test]
    public async Task A_contest_takes_no_bids_and_is_not_withdrawn()
    {
        var business = await Business();
        var worker = await Designer();
        var contest = await PostContest(business);
        await Conflict(await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(contest)}/bids", new { amount = 10_000, deliveryDays = 3, message = "入札" }),
            "notAProject");
        await Conflict(await business.Http.PostAsync($"/api/jobs/{Id(contest)}/cancel", null), "notAProject");
        Assert.That(Balance(Account(Id(contest))), Is.EqualTo(Prize));
    }

    [Test]
    public async Task Of_simultaneous_winner_choices_exactly_one_wins()
    {
        var business = await Business();
        var contest = await PostContest(business, minimumEntries: 1);
        var entries = new List<string>();
        for (var i = 0; i < 6; i++) entries.Add(Id(await Enter(await Designer(), Id(contest))));
        Time.Advance(TimeSpan.FromDays(8));

        var responses = await Task.WhenAll(entries.Select(e => Task.Run(() => Choose(business, Id(contest), e))));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(5));
        foreach (var lost in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            Assert.That(Str((await lost.Content.ReadFromJsonAsync<JsonObject>())!["code"]), Is.EqualTo("contestClosed"),
                "the contest's own conditional UPDATE refuses the others, not a unique index behind it");
        Assert.That(Scalar("SELECT COUNT(*) FROM contracts"), Is.EqualTo(1));
        Assert.That(Scalar($"SELECT COUNT(*) FROM ledger_transactions WHERE event_key = 'contest-award:{Id(contest)}'"), Is.EqualTo(1));
        Assert.That(Balance(Account(Id(contest))), Is.Zero);
    }
}
