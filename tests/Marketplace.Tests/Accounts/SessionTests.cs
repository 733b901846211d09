using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>Sessions live on the server: signing out, signing out everywhere and a password change end them at once.</summary>
public sealed class SessionTests : ApiTest
{
    private readonly ManualClock _clock = new();

    protected override TimeProvider Clock => _clock;

    [Test]
    public async Task A_cookie_saved_before_logout_is_refused_after_it()
    {
        var user = await SignUp(Role.Worker);
        var saved = await SignInCookie(user.Email);
        var browser = WithCookie(saved);
        await Ok(await browser.GetAsync("/api/me"));

        Assert.That((await browser.PostAsync("/api/auth/logout", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        // The same cookie, replayed as a thief who copied it would: the session it names has ended.
        await Problem(await WithCookie(saved).GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        await Ok(await user.Http.GetAsync("/api/me")); // another session of the same person is untouched
    }

    [Test]
    public async Task Logout_everywhere_ends_every_session_of_the_person_and_no_one_elses()
    {
        var user = await SignUp(Role.Business);
        var stranger = await SignUp(Role.Business);
        var otherBrowser = WithCookie(await SignInCookie(user.Email));
        await Ok(await otherBrowser.GetAsync("/api/me"));

        Assert.That((await user.Http.PostAsync("/api/auth/logout-all", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await Problem(await otherBrowser.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        await Problem(await user.Http.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        await Ok(await stranger.Http.GetAsync("/api/me"));
        await Ok(await Browser().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = Password }));
    }

    [Test]
    public async Task Logout_everywhere_needs_a_signed_in_person_not_a_token()
    {
        var user = await SignUp(Role.Worker);
        var token = Str((await Created(await user.Http.PostAsJsonAsync("/api/tokens", new { name = "cli", scopes = TokenScopes.AllNames })))["token"]);
        var integration = App.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await Problem(await integration.PostAsync("/api/auth/logout-all", null), HttpStatusCode.Forbidden);
        await Problem(await Browser().PostAsync("/api/auth/logout-all", null), HttpStatusCode.Unauthorized);
        await Ok(await user.Http.GetAsync("/api/me"));
    }

    [Test]
    public async Task A_password_change_ends_every_other_session_but_not_the_current_one()
    {
        var user = await SignUp(Role.Worker);
        var otherBrowser = WithCookie(await SignInCookie(user.Email));
        const string NewPassword = "a new and longer passphrase";

        Assert.That((await user.Http.PostAsJsonAsync("/api/me/password", new { currentPassword = Password, newPassword = NewPassword })).StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent));

        await Ok(await user.Http.GetAsync("/api/me"));
        await Problem(await otherBrowser.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        await Problem(await Browser().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = Password }), HttpStatusCode.Unauthorized);
        await Ok(await Browser().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = NewPassword }));
    }

    [Test]
    public async Task A_password_change_needs_the_right_current_password_and_a_good_new_one()
    {
        var user = await SignUp(Role.Worker);
        var hash = HashOf(user);

        var wrong = await Problem(await user.Http.PostAsJsonAsync("/api/me/password",
            new { currentPassword = "not my password", newPassword = "a new and longer passphrase" }), HttpStatusCode.BadRequest);
        Assert.That(wrong["errors"]!["currentPassword"], Is.Not.Null, wrong.ToJsonString());

        var common = await Problem(await user.Http.PostAsJsonAsync("/api/me/password",
            new { currentPassword = Password, newPassword = "Password123" }), HttpStatusCode.BadRequest);
        Assert.That(common["errors"]!["newPassword"], Is.Not.Null, common.ToJsonString());

        var email = await Problem(await user.Http.PostAsJsonAsync("/api/me/password",
            new { currentPassword = Password, newPassword = user.Email.ToUpperInvariant() }), HttpStatusCode.BadRequest);
        Assert.That(email["errors"]!["newPassword"], Is.Not.Null, email.ToJsonString());

        Assert.That(HashOf(user), Is.EqualTo(hash), "nothing changed");
    }

    [Test]
    public async Task A_password_change_is_refused_to_a_token_and_to_nobody()
    {
        var user = await SignUp(Role.Worker);
        var token = Str((await Created(await user.Http.PostAsJsonAsync("/api/tokens", new { name = "cli", scopes = TokenScopes.AllNames })))["token"]);
        var integration = App.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var body = new { currentPassword = Password, newPassword = "a new and longer passphrase" };
        await Problem(await integration.PostAsJsonAsync("/api/me/password", body), HttpStatusCode.Forbidden);
        await Problem(await Browser().PostAsJsonAsync("/api/me/password", body), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Guessing_the_current_password_from_an_open_session_is_locked_like_sign_in()
    {
        var user = await SignUp(Role.Worker);
        for (var i = 0; i < 5; i++)
            await Problem(await user.Http.PostAsJsonAsync("/api/me/password",
                new { currentPassword = $"guess number {i}", newPassword = "a new and longer passphrase" }), HttpStatusCode.BadRequest);
        var locked = await user.Http.PostAsJsonAsync("/api/me/password", new { currentPassword = Password, newPassword = "a new and longer passphrase" });
        await Problem(locked, HttpStatusCode.TooManyRequests);
        Assert.That(locked.Headers.RetryAfter, Is.Not.Null);
    }

    [Test]
    public async Task A_session_left_alone_for_the_idle_lifetime_ends_and_one_in_use_lives_on()
    {
        var idle = await SignUp(Role.Worker);
        var busy = await SignUp(Role.Worker);
        for (var hour = 0; hour < 24; hour += 4)
        {
            _clock.Advance(TimeSpan.FromHours(4));
            await Ok(await busy.Http.GetAsync("/api/me"));
        }
        await Problem(await idle.Http.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_session_in_constant_use_still_ends_after_the_absolute_lifetime()
    {
        var user = await SignUp(Role.Worker);
        var start = _clock.GetUtcNow();
        while (_clock.GetUtcNow() - start < TimeSpan.FromDays(30) - TimeSpan.FromHours(8))
        {
            _clock.Advance(TimeSpan.FromHours(8));
            await Ok(await user.Http.GetAsync("/api/me"));
        }
        _clock.Advance(TimeSpan.FromHours(8));
        await Problem(await user.Http.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Signing_in_again_in_the_same_browser_ends_the_session_it_held()
    {
        var user = await SignUp(Role.Worker);
        var first = await SignInCookie(user.Email);
        var browser = WithCookie(first);
        await Ok(await browser.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = Password }));
        await Problem(await WithCookie(first).GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    private string HashOf(User user)
    {
        using var connection = App.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT password_hash FROM users WHERE id = '{user.Id}'";
        return (string)command.ExecuteScalar()!;
    }
}
