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
            new { email = "Misaki@Yuzawa.example ", password = Password, displayName = "佐藤 美咲", role = "worker", acceptedTermsVersion = 1, acceptedPrivacyVersion = 1 });
        var account = await Created(response);
        Assert.That(Str(account["email"]), Is.EqualTo("misaki@yuzawa.example"));
        Assert.That(Str(account["role"]), Is.EqualTo("worker"));
        Assert.That(account.ContainsKey("password") || account.ContainsKey("passwordHash"), Is.False);
    }

    /// <summary>A person who signed up on the English pages reads its mail in English; without a language, Japanese.</summary>
    [Test]
    public async Task An_account_speaks_the_language_it_signed_up_in()
    {
        var english = await Created(await Browser().PostAsJsonAsync("/api/auth/register",
            new { email = "emma@test.example", password = Password, displayName = "Emma", role = "worker", acceptedTermsVersion = 1, acceptedPrivacyVersion = 1, language = "en" }));
        var unsaid = await Created(await Browser().PostAsJsonAsync("/api/auth/register",
            new { email = "hana@test.example", password = Password, displayName = "花", role = "worker", acceptedTermsVersion = 1, acceptedPrivacyVersion = 1 }));
        Assert.That(Str(english["language"]), Is.EqualTo("en"));
        Assert.That(Str(unsaid["language"]), Is.EqualTo("ja"));
        await Problem(await Browser().PostAsJsonAsync("/api/auth/register",
            new { email = "x@test.example", password = Password, displayName = "X", role = "worker", acceptedTermsVersion = 1, acceptedPrivacyVersion = 1, language = "fr" }),
            HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Register_refuses_a_second_account_with_the_same_email_in_any_case()
    {
        var http = Browser();
        await Created(await http.PostAsJsonAsync("/api/auth/register", new { email = "a@test.example", password = Password, displayName = "A", role = "business", acceptedTermsVersion = 1, acceptedPrivacyVersion = 1 }));
        var problem = await Problem(await http.PostAsJsonAsync("/api/auth/register", new { email = "A@TEST.example", password = Password, displayName = "B", role = "worker", acceptedTermsVersion = 1, acceptedPrivacyVersion = 1 }),
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
            new { email = "x@test.example", password = Password, displayName = "X", role, acceptedTermsVersion = 1, acceptedPrivacyVersion = 1 }), HttpStatusCode.BadRequest);
        Assert.That(Scalar("SELECT COUNT(*) FROM users"), Is.Zero, problem.ToJsonString());
    }

    [Test]
    public async Task Register_refuses_a_password_under_10_characters_and_accepts_a_64_character_one_without_composition_rules()
    {
        var http = Browser();
        var problem = await Problem(await http.PostAsJsonAsync("/api/auth/register",
            new { email = "short@test.example", password = "123456789", displayName = "S", role = "worker", acceptedTermsVersion = 1, acceptedPrivacyVersion = 1 }), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["password"], Is.Not.Null);
        await Created(await http.PostAsJsonAsync("/api/auth/register",
            new { email = "long@test.example", password = new string('a', 64), displayName = "L", role = "worker", acceptedTermsVersion = 1, acceptedPrivacyVersion = 1 }));
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

    private MarketplaceApp NewApp(IDictionary<string, string?> settings) => new(App.Database, settings);
}
