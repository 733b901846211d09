using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Events;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// The event feed (issue 25): each change the product notifies about is an event, numbered in commit order, read by each
/// account as it may read the objects involved, the same way every time it is read from the same sequence.
/// </summary>
public sealed class EventFeedTests : ApiTest
{
    private static async Task<JsonObject> Feed(HttpClient http, long after = 0, int? limit = null) =>
        await Ok(await http.GetAsync($"/api/events?after={after}" + (limit is null ? "" : $"&limit={limit}")));

    private static (long Sequence, string Type)[] Events(JsonObject page) =>
        page["items"]!.AsArray().Select(e => (e!["sequence"]!.GetValue<long>(), Str(e["type"]))).ToArray();

    private static string[] Types(JsonObject page) => Events(page).Select(e => e.Type).ToArray();

    [Test]
    public async Task Each_party_reads_the_events_of_its_own_objects_oldest_first_and_an_administrator_reads_all()
    {
        var business = await SignUp(Role.Business);
        var chosen = await SignUp(Role.Worker);
        var other = await SignUp(Role.Worker);
        var stranger = await SignUp(Role.Worker);
        var job = await PostJob(business);
        var bid = await PlaceBid(chosen, Id(job));
        var otherBid = await PlaceBid(other, Id(job));
        var contract = await Award(business, Id(job), Id(bid));

        Assert.That(Types(await Feed(business.Http)), Is.EqualTo(new[] { "bid.placed", "bid.placed", "contract.awarded", "bid.rejected" }));
        Assert.That(Types(await Feed(chosen.Http)), Is.EqualTo(new[] { "bid.placed", "contract.awarded" }),
            "a worker reads its own bid and contract, not another worker's bid");
        Assert.That(Types(await Feed(other.Http)), Is.EqualTo(new[] { "bid.placed", "bid.rejected" }));
        Assert.That(Types(await Feed(stranger.Http)), Is.Empty);
        var admin = await Administrator();
        Assert.That(Types(await Feed(admin.Http)), Is.EqualTo(Types(await Feed(business.Http))), "an administrator reads every event");

        var awarded = (await Feed(chosen.Http))["items"]!.AsArray().Single(e => Str(e!["type"]) == "contract.awarded")!;
        Assert.That(awarded["data"]!.AsObject().ToDictionary(p => p.Key, p => Str(p.Value)), Is.EqualTo(new Dictionary<string, string>
        {
            ["jobId"] = Id(job), ["bidId"] = Id(bid), ["contractId"] = Id(contract), ["workerId"] = chosen.Id,
        }));
        var rejected = (await Feed(other.Http))["items"]!.AsArray().Single(e => Str(e!["type"]) == "bid.rejected")!;
        Assert.That(Str(rejected["data"]!["bidId"]), Is.EqualTo(Id(otherBid)));
        Assert.That(Str(rejected["id"]), Has.Length.EqualTo(32));
        Assert.That(rejected["occurredAt"], Is.Not.Null);
    }

    [Test]
    public async Task A_feed_read_twice_from_the_same_sequence_answers_the_same_events_and_pages_on_with_next()
    {
        var (business, worker, contract) = await AwardedContract();
        for (var i = 0; i < 5; i++)
            await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/messages", new { body = $"message {i}" }));

        var all = Events(await Feed(business.Http));
        Assert.That(all.Select(e => e.Sequence), Is.Ordered.Ascending.And.Unique);
        Assert.That(all.Count(e => e.Type == "message.posted"), Is.EqualTo(5));

        var first = await Feed(business.Http, limit: 3);
        Assert.That(Events(first), Is.EqualTo(all[..3]));
        var next = first["next"]!.GetValue<long>();
        Assert.That(next, Is.EqualTo(all[2].Sequence));
        Assert.That(Events(await Feed(business.Http, next)), Is.EqualTo(all[3..]));
        Assert.That(Events(await Feed(business.Http, next)), Is.EqualTo(all[3..]), "the same sequence answers the same events");
        var end = await Feed(business.Http, all[^1].Sequence);
        Assert.That(Events(end), Is.Empty);
        Assert.That(end["next"]!.GetValue<long>(), Is.EqualTo(all[^1].Sequence), "an empty page keeps the place");
    }

    [TestCase("after=-1")]
    [TestCase("limit=0")]
    [TestCase("limit=501")]
    public async Task A_sequence_or_limit_out_of_range_is_a_400(string query)
    {
        var worker = await SignUp(Role.Worker);
        await Problem(await worker.Http.GetAsync("/api/events?" + query), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task The_types_the_feed_carries_are_listed_with_their_ids()
    {
        var worker = await SignUp(Role.Worker);
        var types = JsonNode.Parse(await worker.Http.GetStringAsync("/api/events/types"))!.AsArray();
        Assert.That(types.Select(t => Str(t!["name"])), Is.EquivalentTo(EventTypes.All.Select(t => t.Name)));
        Assert.That(Str(types.Single(t => Str(t!["name"]) == "bid.placed")!["ids"]![1]), Is.EqualTo("bidId"));
    }

    [Test]
    public void The_integration_guide_describes_every_type_of_event()
    {
        var guide = File.ReadAllText(Path.Combine(WebClientTests.RepositoryRoot(), "docs", "integrations.md"));
        Assert.That(EventTypes.All.Where(t => !guide.Contains($"| `{t.Name}` |")).Select(t => t.Name), Is.Empty,
            "docs/integrations.md has a row for each type in EventTypes.All");
        Assert.That(EventTypes.All.Select(t => t.Name), Is.Unique);
    }

    [Test]
    public async Task An_event_rolled_back_with_its_change_is_never_written()
    {
        var worker = await SignUp(Role.Worker);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        Assert.ThrowsAsync<ConflictException>(() => db.InTransactionAsync<int>(() =>
        {
            EventFeed.Record(db, EventTypes.PayoutPaid, DateTimeOffset.UtcNow, ("payoutId", "p"), ("batchId", "b"), ("workerId", worker.Id));
            throw new ConflictException("refused after the change", ConflictCode.ContractStatus);
        }));
        Assert.That(Scalar("SELECT COUNT(*) FROM events"), Is.Zero);
    }

    [Test]
    public async Task An_event_without_the_ids_its_type_carries_is_a_mistake_in_the_code()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync(() =>
        {
            EventFeed.Record(db, EventTypes.BidPlaced, DateTimeOffset.UtcNow, ("jobId", "j"), ("bidId", "b"));
            return Task.FromResult(0);
        }));
    }

    /// <summary>
    /// The race the numbering is for. Writer A takes its number and is held just before its commit; writer B records an
    /// event meanwhile. Had B committed a higher number first, a reader would read B's event, move on past it, and never
    /// read A's. Numbers taken in commit order make B wait for A (the counter's lock on SQLite and SQL Server, an advisory
    /// lock over a sequence on PostgreSQL), so the reader, reading on from where it stopped, reads both.
    /// </summary>
    [Test]
    public async Task A_reader_never_skips_an_event_that_commits_after_a_later_writer_began()
    {
        var worker = await SignUp(Role.Worker);
        var numbered = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        await using var scopeA = App.Services.CreateAsyncScope();
        var a = scopeA.ServiceProvider.GetRequiredService<DbSession>();
        var writerA = Task.Run(() => a.InTransactionAsync(() =>
        {
            EventFeed.Record(a, EventTypes.PayoutPaid, DateTimeOffset.UtcNow, ("payoutId", "first"), ("batchId", "b"), ("workerId", worker.Id));
            a.BeforeCommit(async () => { numbered.TrySetResult(); await release.Task; });
            return Task.FromResult(0);
        }));
        await numbered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await using var scopeB = App.Services.CreateAsyncScope();
        var b = scopeB.ServiceProvider.GetRequiredService<DbSession>();
        var writerB = Task.Run(() => b.InTransactionAsync(() =>
        {
            EventFeed.Record(b, EventTypes.PayoutPaid, DateTimeOffset.UtcNow, ("payoutId", "second"), ("batchId", "b"), ("workerId", worker.Id));
            return Task.FromResult(0);
        }));
        // B has had the time to commit, had it not had to wait for A.
        await Task.WhenAny(writerB, Task.Delay(TimeSpan.FromSeconds(1)));

        var read = new List<string>();
        var page = await Feed(worker.Http);
        read.AddRange(page["items"]!.AsArray().Select(e => Str(e!["data"]!["payoutId"])));
        release.SetResult();
        await Task.WhenAll(writerA, writerB);
        page = await Feed(worker.Http, page["next"]!.GetValue<long>());
        read.AddRange(page["items"]!.AsArray().Select(e => Str(e!["data"]!["payoutId"])));

        Assert.That(read, Is.EqualTo(new[] { "first", "second" }), "the reader read on from where it stopped and missed nothing");
    }

    /// <summary>Many writers at once through the API while a reader reads on from each page's next: it reads every event.</summary>
    [Test]
    public async Task A_reader_reading_on_while_many_writers_commit_reads_every_event_once()
    {
        var (business1, worker1, contract1) = await AwardedContract();
        var (_, worker2, contract2) = await AwardedContract();
        var writing = true;
        var read = new List<long>();
        var reader = Task.Run(async () =>
        {
            var admin = await Administrator();
            long after = 0;
            while (true)
            {
                var done = !Volatile.Read(ref writing);
                var page = await Feed(admin.Http, after, 500);
                read.AddRange(Events(page).Select(e => e.Sequence));
                after = page["next"]!.GetValue<long>();
                if (done) return admin;
            }
        });
        async Task Write(User user, JsonObject contract)
        {
            for (var i = 0; i < 12; i++)
                await Created(await user.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/messages", new { body = $"message {i}" }));
        }
        await Task.WhenAll(Write(worker1, contract1), Write(business1, contract1), Write(worker2, contract2));
        Volatile.Write(ref writing, false);
        var administrator = await reader;

        var all = Events(await Feed(administrator.Http, 0, 500)).Select(e => e.Sequence).ToArray();
        Assert.That(all, Has.Length.GreaterThanOrEqualTo(36));
        Assert.That(read, Is.EqualTo(all), "read on page by page, the feed gave every event once, in order");
    }
}
