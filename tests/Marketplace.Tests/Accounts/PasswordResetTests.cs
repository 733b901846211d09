using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Marketplace.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// Issue 27, "Getting back in": a password reset by mail. The link is valid 30 minutes and once; the request tells
/// nobody whether an account has the address; a reset ends the person's sessions; requests are counted per address and
/// per client in the database.
/// </summary>
public sealed class PasswordResetTests : ApiTest
{
    private readonly ManualClock _clock = new();

    protected override TimeProvider Clock => _clock;

    private const string NewPassword = "a brand new passphrase";

    private Task<HttpResponseMessage> AskReset(string email, HttpClient? from = null) =>
        (from ?? Browser()).PostAsJsonAsync("/api/auth/password-reset", new { email });

    private Task<HttpResponseMessage> Reset(string token, string newPassword = NewPassword) =>
        Browser().PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, newPassword });

    private Task<HttpResponseMessage> SignIn(string email, string password) =>
        Browser().PostAsJsonAsync("/api/auth/login", new { email, password });

    private async Task<string> ResetLink(User user)
    {
        Assert.That((await AskReset(user.Email)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        return MailedToken(user.Id, "passwordReset");
    }

    private static async Task<string> InvalidTokenCode(HttpResponseMessage response)
    {
        var problem = await Problem(response, HttpStatusCode.BadRequest);
        return Str(problem["errorCodes"]!["token"]![0]!["code"]);
    }

    [Test]
    public async Task A_reset_link_sets_a_new_password_and_the_old_one_stops_working()
    {
        var user = await SignUp(Role.Worker);
        var token = await ResetLink(user);
        Assert.That((await Reset(token)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await SignIn(user.Email, Password)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await Ok(await SignIn(user.Email, NewPassword));
    }

    [Test]
    public async Task The_answer_is_the_same_202_for_an_address_with_an_account_and_one_without_and_only_the_account_is_mailed()
    {
        var user = await SignUp(Role.Worker);
        var known = await AskReset(user.Email);
        var unknown = await AskReset("nobody@test.example");
        Assert.That(known.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(unknown.StatusCode, Is.EqualTo(known.StatusCode));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Is.EqualTo(await known.Content.ReadAsStringAsync()));
        static string[] Headers(HttpResponseMessage r) => r.Headers.Concat(r.Content.Headers).Where(h => h.Key is not ("Date" or "traceparent"))
            .Select(h => $"{h.Key}: {string.Join(",", h.Value)}").Order().ToArray();
        Assert.That(Headers(unknown), Is.EqualTo(Headers(known)));
        Assert.That(Scalar("SELECT COUNT(*) FROM account_mail WHERE kind = 'passwordReset'"), Is.EqualTo(1));
        Assert.That(Scalar("SELECT COUNT(*) FROM account_mail WHERE kind = 'passwordReset' AND to_address = 'nobody@test.example'"), Is.Zero);
    }

    [Test]
    public async Task A_link_works_once()
    {
        var user = await SignUp(Role.Worker);
        var token = await ResetLink(user);
        Assert.That((await Reset(token)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await InvalidTokenCode(await Reset(token, "yet another passphrase")), Is.EqualTo("invalidToken"));
        await Ok(await SignIn(user.Email, NewPassword));
    }

    [Test]
    public async Task Of_requests_racing_with_the_same_link_exactly_one_sets_its_password()
    {
        var user = await SignUp(Role.Worker);
        var token = await ResetLink(user);
        var passwords = Enumerable.Range(0, 6).Select(i => $"racing passphrase {i}").ToArray();
        var answers = await Task.WhenAll(passwords.Select(p => Reset(token, p)));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.NoContent), Is.EqualTo(1));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest), Is.EqualTo(passwords.Length - 1));
        var winner = passwords[Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.NoContent)];
        await Ok(await SignIn(user.Email, winner));
    }

    [Test]
    public async Task A_link_is_valid_for_30_minutes()
    {
        var user = await SignUp(Role.Worker);
        var late = await ResetLink(user);
        _clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        Assert.That(await InvalidTokenCode(await Reset(late)), Is.EqualTo("invalidToken"));

        var inTime = await ResetLink(user);
        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.That((await Reset(inTime)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task The_database_keeps_only_the_SHA_256_of_a_token_and_the_mail_outbox_only_a_sealed_one_cleared_once_sent()
    {
        var user = await SignUp(Role.Worker);
        var token = await ResetLink(user);
        Assert.That(token, Has.Length.EqualTo(43), "32 random bytes in base64url");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
        Assert.That(Scalar($"SELECT COUNT(*) FROM one_time_tokens WHERE token_hash = '{hash}' AND purpose = 'passwordReset'"), Is.EqualTo(1));
        // No column of the tables a link passes through holds the token as it travels in the link.
        foreach (var table in new[] { "one_time_tokens", "account_mail", "request_counts", "users", "sessions" })
        {
            using var connection = App.OpenDatabase();
            using var dump = connection.CreateCommand();
            dump.CommandText = $"SELECT * FROM {table}";
            using var rows = dump.ExecuteReader();
            while (rows.Read())
                for (var i = 0; i < rows.FieldCount; i++)
                    Assert.That(rows.GetValue(i)?.ToString() ?? "", Does.Not.Contain(token), $"{table}.{rows.GetName(i)}");
        }
        await App.Services.GetRequiredService<Marketplace.Mail.AccountMailSender>().RunOnceAsync();
        Assert.That(Scalar("SELECT COUNT(*) FROM account_mail WHERE sealed_token IS NOT NULL"), Is.Zero, "sent mail keeps no link");
    }

    [Test]
    public async Task A_reset_ends_every_session_of_the_person_and_revokes_their_API_tokens()
    {
        var user = await SignUp(Role.Worker);
        var elsewhere = WithCookie(await SignInCookie(user.Email));
        await Ok(await elsewhere.GetAsync("/api/me"));
        var integration = App.CreateClient();
        integration.DefaultRequestHeaders.Authorization =
            new("Bearer", Str((await Created(await user.Http.PostAsJsonAsync("/api/tokens", new { name = "integration", scopes = TokenScopes.AllNames })))["token"]));
        await Ok(await integration.GetAsync("/api/me"));
        await Reset(await ResetLink(user));
        Assert.That((await user.Http.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await elsewhere.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Scalar($"SELECT COUNT(*) FROM api_tokens WHERE user_id = '{user.Id}' AND revoked_at IS NULL"), Is.Zero);
        Assert.That((await integration.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_newer_link_ends_the_older_one()
    {
        var user = await SignUp(Role.Worker);
        var first = await ResetLink(user);
        var second = await ResetLink(user);
        Assert.That(await InvalidTokenCode(await Reset(first)), Is.EqualTo("invalidToken"));
        Assert.That((await Reset(second)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task A_link_mailed_to_an_address_the_account_has_left_resets_nothing()
    {
        var user = await SignUp(Role.Worker);
        var token = await ResetLink(user);
        await Expect(await user.Http.PostAsJsonAsync("/api/me/email", new { newEmail = "moved@test.example", currentPassword = Password }),
            HttpStatusCode.Accepted);
        await Ok(await Browser().PostAsJsonAsync("/api/auth/confirm-email", new { token = MailedToken(user.Id, "emailChange") }));
        Assert.That(await InvalidTokenCode(await Reset(token)), Is.EqualTo("invalidToken"));
    }

    [Test]
    public async Task A_refused_new_password_leaves_the_link_unused()
    {
        var user = await SignUp(Role.Worker);
        var token = await ResetLink(user);
        await Problem(await Reset(token, "password"), HttpStatusCode.BadRequest);
        await Problem(await Reset(token, user.Email), HttpStatusCode.BadRequest);
        Assert.That((await Reset(token)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task A_reset_lifts_the_sign_in_lock_confirms_the_address_and_mails_that_the_password_changed()
    {
        var user = await SignUp(Role.Worker, confirmEmail: false);
        for (var i = 0; i < 5; i++) await SignIn(user.Email, "not the password");
        Assert.That((await SignIn(user.Email, Password)).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        await Reset(await ResetLink(user));
        var account = await Ok(await SignIn(user.Email, NewPassword));
        Assert.That(account["emailConfirmed"]!.GetValue<bool>(), Is.True, "the link reached the address");
        Assert.That(Scalar($"SELECT COUNT(*) FROM account_mail WHERE user_id = '{user.Id}' AND kind = 'passwordChanged'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_reset_leaves_two_step_sign_in_on()
    {
        var user = await SignUp(Role.Worker);
        var (secret, _) = await EnrolTwoStep(user.Http);
        await Reset(await ResetLink(user));
        var problem = await Problem(await SignIn(user.Email, NewPassword), HttpStatusCode.Unauthorized);
        // The code of the enrolment's step was used to confirm it: the app's next code signs in.
        Assert.That(Str(problem["code"]), Is.EqualTo("codeRequired"));
        await Ok(await Browser().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = NewPassword, code = TotpNow(secret, steps: 1) }));
    }

    [Test]
    public async Task A_suspended_account_gets_no_link()
    {
        var user = await SignUp(Role.Worker);
        Scalar($"UPDATE users SET suspended_at = '2026-01-01T00:00:00.0000000Z' WHERE id = '{user.Id}'; SELECT 1");
        Assert.That((await AskReset(user.Email)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(Scalar("SELECT COUNT(*) FROM account_mail WHERE kind = 'passwordReset'"), Is.Zero);
    }

    [Test]
    public async Task An_address_is_sent_three_links_an_hour_whether_or_not_it_has_an_account_and_the_refusal_reads_the_same()
    {
        var user = await SignUp(Role.Worker);
        foreach (var email in new[] { user.Email, "nobody@test.example" })
            for (var i = 0; i < 3; i++) Assert.That((await AskReset(email)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted), email);
        var known = await Problem(await AskReset(user.Email), HttpStatusCode.TooManyRequests);
        var unknown = await Problem(await AskReset("nobody@test.example"), HttpStatusCode.TooManyRequests);
        known.Remove("traceId");
        unknown.Remove("traceId");
        Assert.That(unknown.ToJsonString(), Is.EqualTo(known.ToJsonString()));
        Assert.That(Scalar("SELECT COUNT(*) FROM account_mail WHERE kind = 'passwordReset'"), Is.EqualTo(3));

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.That((await AskReset(user.Email)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted), "a new hour, a new count");
    }

    [Test]
    public async Task One_client_address_asks_for_at_most_30_resets_an_hour_and_another_address_is_not_held_up()
    {
        var centre = ClientFrom("198.51.100.7");
        for (var i = 0; i < 30; i++)
            Assert.That((await AskReset($"person{i}@centre.example", centre)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var refused = await AskReset("person30@centre.example", centre);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
        Assert.That((await AskReset("person30@centre.example", ClientFrom("203.0.113.9"))).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task The_count_lives_in_the_database_so_another_instance_of_the_API_refuses_too()
    {
        for (var i = 0; i < 3; i++) await AskReset("someone@test.example");
        using var other = new MarketplaceApp(App.Database, clock: _clock);
        var response = await other.CreateClient().PostAsJsonAsync("/api/auth/password-reset", new { email = "someone@test.example" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }
}
