using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

public sealed class AccountTests : ApiTest
{
    [Test]
    public async Task Register_answers_201_with_the_account_and_never_the_password()
    {
        var response = await Browser().PostAsJsonAsync("/api/auth/register",
            new { email = "Misaki@Yuzawa.example ", password = Password, displayName = "佐藤 美咲", role = "worker" });
        var account = await Created(response);
        Assert.That(Str(account["email"]), Is.EqualTo("misaki@yuzawa.example"));
        Assert.That(Str(account["role"]), Is.EqualTo("worker"));
        Assert.That(account.ContainsKey("password") || account.ContainsKey("passwordHash"), Is.False);
    }

    [Test]
    public async Task Register_refuses_a_second_account_with_the_same_email_in_any_case()
    {
        var http = Browser();
        await Created(await http.PostAsJsonAsync("/api/auth/register", new { email = "a@test.example", password = Password, displayName = "A", role = "business" }));
        var problem = await Problem(await http.PostAsJsonAsync("/api/auth/register", new { email = "A@TEST.example", password = Password, displayName = "B", role = "worker" }),
            HttpStatusCode.Conflict);
        // The sign-up form says the address is taken, not "someone else may have changed it" (issue 13).
        Assert.That(Str(problem["code"]), Is.EqualTo("emailTaken"));
    }

    [TestCase("administrator")]
    [TestCase("admin")]
    [TestCase("")]
    public async Task Register_refuses_roles_that_cannot_be_self_registered(string role)
    {
        var problem = await Problem(await Browser().PostAsJsonAsync("/api/auth/register",
            new { email = "x@test.example", password = Password, displayName = "X", role }), HttpStatusCode.BadRequest);
        Assert.That(Scalar("SELECT COUNT(*) FROM users"), Is.Zero, problem.ToJsonString());
    }

    [Test]
    public async Task Register_refuses_a_password_under_10_characters_and_accepts_a_64_character_one_without_composition_rules()
    {
        var http = Browser();
        var problem = await Problem(await http.PostAsJsonAsync("/api/auth/register",
            new { email = "short@test.example", password = "123456789", displayName = "S", role = "worker" }), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["password"], Is.Not.Null);
        await Created(await http.PostAsJsonAsync("/api/auth/register",
            new { email = "long@test.example", password = new string('a', 64), displayName = "L", role = "worker" }));
    }

    [Test]
    public async Task Passwords_are_stored_as_PBKDF2_SHA512_with_210000_iterations_by_default()
    {
        App.Dispose();
        App = NewApp(new Dictionary<string, string?> { ["Auth:PasswordIterations"] = null });
        await SignUp(Role.Worker);
        using var connection = App.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT password_hash FROM users";
        var hash = Convert.FromBase64String((string)command.ExecuteScalar()!);
        // Identity v3 format: 0x01, PRF (2 = HMACSHA512), iteration count, salt length, all big-endian.
        Assert.That(hash[0], Is.EqualTo(0x01));
        Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)), Is.EqualTo(2));
        Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)), Is.EqualTo(210_000));
    }

    [Test]
    public async Task Login_sets_an_HttpOnly_SameSite_Lax_cookie_that_is_not_Secure_over_plain_http()
    {
        var user = await SignUp(Role.Business);
        var response = await Browser().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = Password });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mkp_auth="));
        Assert.That(cookie, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=lax").IgnoreCase.And.Not.Contain("secure").IgnoreCase);
    }

    [Test]
    public async Task Login_with_a_wrong_password_or_unknown_email_gives_the_same_401()
    {
        var user = await SignUp(Role.Worker);
        var wrongPassword = await Problem(await Browser().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong password!" }), HttpStatusCode.Unauthorized);
        var unknownEmail = await Problem(await Browser().PostAsJsonAsync("/api/auth/login", new { email = "nobody@test.example", password = Password }), HttpStatusCode.Unauthorized);
        Assert.That(unknownEmail["detail"]!.ToString(), Is.EqualTo(wrongPassword["detail"]!.ToString()));
    }

    [Test]
    public async Task Me_answers_401_problem_when_anonymous_and_never_redirects()
    {
        var response = await Browser().GetAsync("/api/me");
        await Problem(response, HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.Location, Is.Null);
    }

    [Test]
    public async Task Me_shows_the_signed_in_account_until_logout()
    {
        var user = await SignUp(Role.Producer, "菅原");
        var me = await Ok(await user.Http.GetAsync("/api/me"));
        Assert.That(Str(me["displayName"]), Is.EqualTo("菅原"));
        Assert.That(Str(me["role"]), Is.EqualTo("producer"));
        Assert.That((await user.Http.PostAsync("/api/auth/logout", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Problem(await user.Http.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_cookie_request_that_changes_state_without_the_CSRF_header_is_refused_and_changes_nothing()
    {
        var business = await SignUp(Role.Business);
        business.Http.DefaultRequestHeaders.Remove("X-CSRF");
        var problem = await Problem(await business.Http.PostAsJsonAsync("/api/jobs", NewJob()), HttpStatusCode.Forbidden);
        Assert.That(problem["detail"]!.ToString(), Does.Contain("X-CSRF"));
        Assert.That(Scalar("SELECT COUNT(*) FROM jobs"), Is.Zero);
        Assert.That((await business.Http.GetAsync("/api/jobs")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "reads need no header");
    }

    private MarketplaceApp NewApp(IDictionary<string, string?> settings) => new(App.DatabasePath, settings);
}

public sealed class LoginRateLimitTests : ApiTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Auth:LoginAttemptsPerMinute"] = "3" };

    [Test]
    public async Task Login_attempts_past_the_limit_get_429_with_Retry_After()
    {
        var http = Browser();
        for (var i = 0; i < 3; i++)
            await Problem(await http.PostAsJsonAsync("/api/auth/login", new { email = "x@test.example", password = "guess number " + i }), HttpStatusCode.Unauthorized);
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email = "x@test.example", password = "guess number 4" });
        await Problem(response, HttpStatusCode.TooManyRequests);
        Assert.That(int.Parse(response.Headers.GetValues("Retry-After").Single()), Is.GreaterThan(0));
    }
}

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
        var created = await Created(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "cli" }));
        var integration = Integration(Str(created["token"]));

        var problem = await Problem(await integration.PostAsJsonAsync("/api/tokens", new { name = "spawned" }), HttpStatusCode.Forbidden);
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
        var created = await Created(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "for an hour", expiresAt }));
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
        var created = await Created(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "cli" }));
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
        var created = await Created(await business.Http.PostAsJsonAsync("/api/tokens", new { name = "在庫システム" }));
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
        var created = await Created(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "cli" }));
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
        var created = await Created(await owner.Http.PostAsJsonAsync("/api/tokens", new { name = "cli" }));
        await Problem(await stranger.Http.DeleteAsync($"/api/tokens/{Id(created)}"), HttpStatusCode.NotFound);
        Assert.That(Scalar("SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NULL"), Is.EqualTo(1));
    }
}
