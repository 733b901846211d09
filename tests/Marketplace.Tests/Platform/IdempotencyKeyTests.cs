using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Retrying a POST (issue 25): with an <c>Idempotency-Key</c> the work is done once per key and account; a retry of the
/// same request is answered the first answer again, another request with the key is a 422, a key whose first request
/// has not answered is a 409; two requests with one key at once do the work once, decided by the database.
/// </summary>
public sealed class IdempotencyKeyTests : ApiTest
{
    private ManualClock Time { get; } = new();

    protected override TimeProvider? Clock => Time;

    // Sign-in sessions outlive the day the clock is moved by.
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Auth:SessionIdleHours"] = "10000", ["Auth:SessionLifetimeDays"] = "365",
    };

    private static Task<HttpResponseMessage> Post(User user, string key, object body, string path = "/api/jobs")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(BodyText(body), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(IdempotencyKeys.Header, key);
        return user.Http.SendAsync(request);
    }

    private static string BodyText(object body) => JsonSerializer.Serialize(body, JsonSerializerOptions.Web);

    /// <summary>What the API hashes as "the request": the method, the path and the body.</summary>
    private static string RequestHash(string path, object body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"POST {path}\n" + BodyText(body))));

    private long Jobs(User business) => Scalar($"SELECT COUNT(*) FROM jobs WHERE business_id = '{business.Id}'");

    [Test]
    public async Task A_retry_with_the_same_key_and_body_answers_the_first_answer_again_without_doing_it_twice()
    {
        var business = await SignUp(Role.Business);
        var job = NewJob();
        var first = await Post(business, "order-2026-12-07-001", job);
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), firstBody);
        Assert.That(first.Headers.Contains(IdempotencyKeys.ReplayedHeader), Is.False);

        var again = await Post(business, "order-2026-12-07-001", job);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await again.Content.ReadAsStringAsync(), Is.EqualTo(firstBody), "the same body, the same job id");
        Assert.That(again.Content.Headers.ContentType?.ToString(), Is.EqualTo(first.Content.Headers.ContentType?.ToString()));
        Assert.That(again.Headers.Location, Is.EqualTo(first.Headers.Location));
        Assert.That(again.Headers.GetValues(IdempotencyKeys.ReplayedHeader), Is.EqualTo(new[] { "true" }));
        Assert.That(Jobs(business), Is.EqualTo(1), "the job was posted once");

        Assert.That((await Post(business, "\"order-2026-12-07-001\"", job)).StatusCode, Is.EqualTo(HttpStatusCode.Created),
            "the draft's quoted form of the key is the same key");
        Assert.That(Jobs(business), Is.EqualTo(1));
        await Created(await Post(business, "order-2026-12-07-002", job));
        Assert.That(Jobs(business), Is.EqualTo(2), "a new key is new work");
    }

    [Test]
    public async Task The_same_key_with_another_body_or_path_is_a_422_and_does_nothing()
    {
        var business = await SignUp(Role.Business);
        await Created(await Post(business, "k-1", NewJob(title: "祭りのポスター")));

        var problem = await Problem(await Post(business, "k-1", NewJob(title: "祭りのチラシ")), HttpStatusCode.UnprocessableEntity);
        Assert.That(Str(problem["code"]), Is.EqualTo("idempotencyKeyReused"));
        var otherPath = await Problem(await Post(business, "k-1", new { name = "x" }, "/api/me/saved-searches"), HttpStatusCode.UnprocessableEntity);
        Assert.That(Str(otherPath["code"]), Is.EqualTo("idempotencyKeyReused"));
        Assert.That(Jobs(business), Is.EqualTo(1));
    }

    [Test]
    public async Task A_key_whose_first_request_has_not_answered_yet_is_a_409()
    {
        var business = await SignUp(Role.Business);
        var job = NewJob();
        await Created(await Post(business, "k-1", job));
        // As while the first request is between its commit and its answer.
        using (var db = App.OpenDatabase()) Execute(db, "UPDATE idempotency_keys SET response_status = NULL, response_body = NULL");

        var problem = await Problem(await Post(business, "k-1", job), HttpStatusCode.Conflict);
        Assert.That(Str(problem["code"]), Is.EqualTo("idempotencyKeyInUse"));
        Assert.That(Jobs(business), Is.EqualTo(1));
    }

    [Test]
    public async Task Keys_are_per_account()
    {
        var one = await SignUp(Role.Business);
        var other = await SignUp(Role.Business);
        var job = NewJob();
        var first = await Created(await Post(one, "k-1", job));
        var second = await Created(await Post(other, "k-1", job));
        Assert.That(Id(second), Is.Not.EqualTo(Id(first)), "another account's key is its own");
        Assert.That(Jobs(other), Is.EqualTo(1));
    }

    [Test]
    public async Task A_refused_request_takes_no_key_so_the_corrected_retry_runs()
    {
        var business = await SignUp(Role.Business);
        await Problem(await Post(business, "k-1", NewJob(title: "")), HttpStatusCode.BadRequest);
        Assert.That(Scalar("SELECT COUNT(*) FROM idempotency_keys"), Is.Zero);
        await Created(await Post(business, "k-1", NewJob()));
        Assert.That(Jobs(business), Is.EqualTo(1));
    }

    [Test]
    public async Task A_key_is_kept_for_24_hours_then_forgotten()
    {
        var business = await SignUp(Role.Business);
        var job = NewJob();
        await Created(await Post(business, "k-1", job));
        Time.Advance(TimeSpan.FromHours(23));
        await Created(await Post(business, "k-1", job));
        Assert.That(Jobs(business), Is.EqualTo(1), "within 24 hours the key answers again");

        Time.Advance(TimeSpan.FromHours(2));
        await Created(await Post(business, "k-1", job));
        Assert.That(Jobs(business), Is.EqualTo(2), "after 24 hours the key is new");
        Assert.That(Scalar("SELECT COUNT(*) FROM idempotency_keys"), Is.EqualTo(1), "the forgotten key's row is gone");
    }

    [TestCase("\"unterminated")]
    [TestCase("a key with ü")]
    public async Task A_malformed_key_is_a_400(string key)
    {
        var business = await SignUp(Role.Business);
        await Problem(await Post(business, key, NewJob()), HttpStatusCode.BadRequest);
        await Problem(await Post(business, new string('k', 256), NewJob()), HttpStatusCode.BadRequest);
        Assert.That(Jobs(business), Is.Zero);
    }

    [Test]
    public async Task Requests_with_one_key_at_the_same_moment_do_the_work_once()
    {
        var business = await SignUp(Role.Business);
        var job = NewJob();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Post(business, "k-1", job)));

        Assert.That(Jobs(business), Is.EqualTo(1));
        var created = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToArray();
        Assert.That(created, Is.Not.Empty);
        Assert.That(answers.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.Created).Or.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await Task.WhenAll(created.Select(a => a.Content.ReadAsStringAsync()))).Distinct().Count(), Is.EqualTo(1),
            "every 201 is the one job");
    }

    /// <summary>
    /// The race the first look cannot see: another transaction holds the key, not yet committed, when the request looks.
    /// The request's own claim, in its command's transaction, waits on the primary key and then finds the key taken: it
    /// answers 409 and posts nothing.
    /// </summary>
    [Test]
    public async Task A_key_claimed_by_a_transaction_not_yet_committed_is_decided_by_the_database()
    {
        var business = await SignUp(Role.Business);
        var job = NewJob();
        await using var db = App.OpenDatabase();
        await using var other = await db.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted);
        await using (var claim = db.CreateCommand())
        {
            claim.Transaction = other;
            claim.CommandText = "INSERT INTO idempotency_keys (account_id, idempotency_key, request_hash, created_at) VALUES (@a, 'k-1', @h, @t)";
            Parameter(claim, "a", business.Id);
            Parameter(claim, "h", RequestHash("/api/jobs", job));
            Parameter(claim, "t", TestDatabase.Engine == DatabaseEngine.Sqlite ? Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture) : Time.GetUtcNow());
            await claim.ExecuteNonQueryAsync();
        }

        var request = Post(business, "k-1", job);
        if (TestDatabase.Engine == DatabaseEngine.Postgres)
        {
            // The request's INSERT is waiting on the uncommitted key: the unique index, not the first look, decides.
            var waited = false;
            for (var i = 0; i < 100 && !waited; i++, await Task.Delay(50))
                waited = Scalar("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%idempotency_keys%'") > 0;
            Assert.That(waited, Is.True, "the request's claim waited on the other transaction's key");
        }
        else await Task.Delay(500); // SQLite: the request waits for the write lock the other transaction holds
        Assert.That(request.IsCompleted, Is.False);
        await other.CommitAsync();

        var problem = await Problem(await request, HttpStatusCode.Conflict);
        Assert.That(Str(problem["code"]), Is.EqualTo("idempotencyKeyInUse"), "the other request has not answered");
        Assert.That(Jobs(business), Is.Zero, "the request that lost the key did no work");
    }

    private static void Execute(DbConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
