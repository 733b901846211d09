using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

public sealed class TokenTests : ApiTest
{
    private readonly ManualClock _clock = new();

    protected override TimeProvider Clock => _clock;

    private HttpClient Integration(string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    [Test]
    public async Task A_token_cannot_make_another_token_so_none_outlives_its_revocation()
    {
        var worker = await SignUp(Role.Worker);
        var created = await Created(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "cli", scopes = TokenScopes.AllNames }));
        var integration = Integration(Str(created["token"]));

        var problem = await Problem(await integration.PostAsJsonAsync("/api/tokens", new { name = "spawned", scopes = TokenScopes.AllNames }), HttpStatusCode.Forbidden);
        Assert.That(problem["detail"]!.ToString(), Does.Contain("signed in with a password"));
        Assert.That(Scalar("SELECT COUNT(*) FROM api_tokens"), Is.EqualTo(1));

        // What the token may do, it still does; revoking it leaves nothing of it behind.
        Assert.That((await integration.GetAsync("/api/tokens")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await worker.Http.DeleteAsync($"/api/tokens/{Id(created)}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Problem(await integration.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_token_past_its_expiry_gets_401_and_the_list_shows_the_expiry()
    {
        var worker = await SignUp(Role.Worker);
        var expiresAt = _clock.GetUtcNow().AddHours(1);
        var created = await Created(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "for an hour", expiresAt, scopes = TokenScopes.AllNames }));
        var integration = Integration(Str(created["token"]));
        await Ok(await integration.GetAsync("/api/me"));

        _clock.Advance(TimeSpan.FromHours(1));
        var expired = await integration.GetAsync("/api/me");
        await Problem(expired, HttpStatusCode.Unauthorized);
        Assert.That(expired.Headers.WwwAuthenticate.ToString(), Does.Contain("invalid_token"));

        var listed = (await worker.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/tokens"))!.Single()!;
        Assert.That(listed["expiresAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(expiresAt).Within(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public async Task An_expiry_in_the_past_is_a_field_error()
    {
        var worker = await SignUp(Role.Worker);
        var problem = await Problem(await worker.Http.PostAsJsonAsync("/api/tokens",
            new { name = "cli", expiresAt = _clock.GetUtcNow().AddMinutes(-1) }), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["expiresAt"], Is.Not.Null);
        Assert.That(Scalar("SELECT COUNT(*) FROM api_tokens"), Is.Zero);
    }

    [Test]
    public async Task The_list_shows_when_each_token_was_last_used()
    {
        var worker = await SignUp(Role.Worker);
        var created = await Created(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "cli", scopes = TokenScopes.AllNames }));
        async Task<System.Text.Json.Nodes.JsonNode?> LastUsed() =>
            (await worker.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/tokens"))!.Single()!["lastUsedAt"];
        Assert.That(await LastUsed(), Is.Null, "never used yet");

        var firstUse = _clock.GetUtcNow();
        await Ok(await Integration(Str(created["token"])).GetAsync("/api/me"));
        Assert.That((await LastUsed())!.GetValue<DateTimeOffset>(), Is.EqualTo(firstUse).Within(TimeSpan.FromMilliseconds(1)));

        _clock.Advance(TimeSpan.FromMinutes(5));
        await Ok(await Integration(Str(created["token"])).GetAsync("/api/jobs"));
        Assert.That((await LastUsed())!.GetValue<DateTimeOffset>(), Is.EqualTo(firstUse.AddMinutes(5)).Within(TimeSpan.FromMilliseconds(1)));
    }
    [Test]
    public async Task A_token_is_shown_once_stored_as_a_hash_and_authenticates_without_the_CSRF_header()
    {
        var business = await SignUp(Role.Business);
        var created = await Created(await business.Http.PostAsJsonAsync("/api/tokens", new { name = "在庫システム", scopes = TokenScopes.AllNames }));
        var token = Str(created["token"]);
        Assert.That(Scalar($"SELECT COUNT(*) FROM api_tokens WHERE token_hash = '{token}'"), Is.Zero, "the secret is never stored");

        var integration = App.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var me = await Ok(await integration.GetAsync("/api/me"));
        Assert.That(Str(me["id"]), Is.EqualTo(business.Id));
        await Created(await integration.PostAsJsonAsync("/api/jobs", NewJob()));

        var listed = await business.Http.GetStringAsync("/api/tokens");
        Assert.That(listed, Does.Contain("在庫システム").And.Not.Contain(token));
    }

    [Test]
    public async Task A_revoked_or_unknown_token_gets_401()
    {
        var worker = await SignUp(Role.Worker);
        var created = await Created(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "cli", scopes = TokenScopes.AllNames }));
        Assert.That((await worker.Http.DeleteAsync($"/api/tokens/{Id(created)}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var integration = App.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new("Bearer", Str(created["token"]));
        await Problem(await integration.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        integration.DefaultRequestHeaders.Authorization = new("Bearer", "mkp_made_up");
        await Problem(await integration.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Nobody_revokes_another_users_token()
    {
        var owner = await SignUp(Role.Worker);
        var stranger = await SignUp(Role.Worker);
        var created = await Created(await owner.Http.PostAsJsonAsync("/api/tokens", new { name = "cli", scopes = TokenScopes.AllNames }));
        await Problem(await stranger.Http.DeleteAsync($"/api/tokens/{Id(created)}"), HttpStatusCode.NotFound);
        Assert.That(Scalar("SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NULL"), Is.EqualTo(1));
    }
}
