using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;
using Marketplace.Tokens;

namespace Marketplace.Tests;

/// <summary>
/// Issue 22: a validated token is kept in memory for ValidatedTokens.Lifetime (30 s), so that an integration's requests do
/// not each read and write the database. A revocation takes effect at once on the node that made it and on every other
/// node (several API nodes on one database) within that lifetime; lastUsedAt is written at most once a minute.
/// </summary>
public sealed class ValidatedTokensTests : ApiTest
{
    private readonly ManualClock _clock = new();

    protected override TimeProvider Clock => _clock;

    private static HttpClient Integration(MarketplaceApp node, string token)
    {
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private async Task<(User Owner, string Id, string Token)> MadeToken()
    {
        var owner = await SignUp(Role.Worker);
        var created = await Created(await owner.Http.PostAsJsonAsync("/api/tokens", new { name = "cli", scopes = TokenScopes.AllNames }));
        return (owner, Id(created), Str(created["token"]));
    }

    /// <summary>Changes the database behind the app's back, as another node (or the operator) would.</summary>
    private void Execute(string sql)
    {
        using var connection = App.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Test]
    public async Task A_validated_token_is_not_read_again_from_the_database_within_its_lifetime()
    {
        var (_, id, token) = await MadeToken();
        var integration = Integration(App, token);
        await Ok(await integration.GetAsync("/api/me"));

        // Revoked by another node: this one, which has not read the database since, still accepts it for the lifetime.
        Execute($"UPDATE api_tokens SET revoked_at = '2026-01-01T00:00:00.0000000+00:00' WHERE id = '{id}'");
        _clock.Advance(ValidatedTokens.Lifetime - TimeSpan.FromSeconds(1));
        await Ok(await integration.GetAsync("/api/me"));

        _clock.Advance(TimeSpan.FromSeconds(1));
        await Problem(await integration.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_revocation_takes_effect_at_once_on_its_node_and_within_the_lifetime_on_another()
    {
        var (owner, id, token) = await MadeToken();
        using var otherNode = new MarketplaceApp(App.Database, clock: _clock);
        var here = Integration(App, token);
        var there = Integration(otherNode, token);
        await Ok(await here.GetAsync("/api/me"));
        await Ok(await there.GetAsync("/api/me"));

        Assert.That((await owner.Http.DeleteAsync($"/api/tokens/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Problem(await here.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        _clock.Advance(ValidatedTokens.Lifetime);
        await Problem(await there.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_suspension_refuses_a_validated_token_at_once_and_reinstatement_lets_it_work_again()
    {
        var (owner, _, token) = await MadeToken();
        var admin = await Administrator();
        var integration = Integration(App, token);
        await Ok(await integration.GetAsync("/api/me"));

        await Ok(await admin.Http.PostAsJsonAsync($"/api/admin/users/{owner.Id}/suspend", new { reason = "なりすましの疑い" }));
        await Problem(await integration.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        await Ok(await admin.Http.PostAsJsonAsync($"/api/admin/users/{owner.Id}/reinstate", new { reason = "本人確認が取れました" }));
        await Ok(await integration.GetAsync("/api/me"));
    }

    [Test]
    public async Task Last_use_is_written_at_most_once_a_minute_also_when_the_token_is_read_again()
    {
        var (owner, _, token) = await MadeToken();
        // Counts the writes of lastUsedAt, behind the app's back; the table and trigger go when the test ends, since on
        // PostgreSQL the next test on this database keeps its schema.
        Execute(TestDatabase.Engine == DatabaseEngine.Postgres
            ? """
              CREATE TABLE last_use_writes (at TEXT);
              CREATE FUNCTION count_last_use_write() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN INSERT INTO last_use_writes VALUES (NEW.last_used_at::text); RETURN NEW; END $$;
              CREATE TRIGGER tr_last_use_writes AFTER UPDATE OF last_used_at ON api_tokens
                FOR EACH ROW EXECUTE FUNCTION count_last_use_write();
              """
            : """
              CREATE TABLE last_use_writes (at TEXT);
              CREATE TRIGGER tr_last_use_writes AFTER UPDATE OF last_used_at ON api_tokens BEGIN INSERT INTO last_use_writes VALUES (NEW.last_used_at); END;
              """);
        try
        {
            await LastUseIsWrittenOnceAMinute(owner, token);
        }
        finally
        {
            Execute(TestDatabase.Engine == DatabaseEngine.Postgres
                ? "DROP TRIGGER tr_last_use_writes ON api_tokens; DROP FUNCTION count_last_use_write(); DROP TABLE last_use_writes;"
                : "DROP TRIGGER tr_last_use_writes; DROP TABLE last_use_writes;");
        }
    }

    private async Task LastUseIsWrittenOnceAMinute(User owner, string token)
    {
        var integration = Integration(App, token);
        var firstUse = _clock.GetUtcNow();
        await Ok(await integration.GetAsync("/api/me"));
        // Every 10 seconds for the rest of the minute: the token's copy runs out at 30 s and is read again, but not written.
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(10));
            await Ok(await integration.GetAsync("/api/me"));
        }
        Assert.That(Scalar("SELECT COUNT(*) FROM last_use_writes"), Is.EqualTo(1));

        _clock.Advance(TimeSpan.FromSeconds(10)); // a minute after the first use
        await Ok(await integration.GetAsync("/api/me"));
        Assert.That(Scalar("SELECT COUNT(*) FROM last_use_writes"), Is.EqualTo(2));
        var listed = (await owner.Http.GetFromJsonAsync<JsonArray>("/api/tokens"))!.Single()!;
        Assert.That(listed["lastUsedAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(firstUse.AddMinutes(1)).Within(TimeSpan.FromMilliseconds(1)));
    }
}
