using System.Net;
using System.Net.Http.Json;
using Marketplace.Accounts;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>Sign-up limits, sign-in details, the CSRF guard's edges and bearer tokens, beyond AccountTests.</summary>
public sealed class AccountRulesTests : ApiTest
{
    private async Task<HttpResponseMessage> Register(string email, string password = Password, string displayName = "名前", string? role = "worker") =>
        await Browser().PostAsJsonAsync("/api/auth/register", new { email, password, displayName, role, acceptedTermsVersion = 1, acceptedPrivacyVersion = 1 });

    [Test]
    public async Task Sign_up_answers_with_where_the_account_lives_and_a_trimmed_name()
    {
        var response = await Register("name@test.example", displayName: "  佐藤 美咲 ");
        var account = await Created(response);
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/api/me"));
        Assert.That(Str(account["displayName"]), Is.EqualTo("佐藤 美咲"));
        Assert.That(Scalar("SELECT COUNT(*) FROM users WHERE display_name = '佐藤 美咲'"), Is.EqualTo(1));
    }

    [TestCase("not-an-email", "email", TestName = "An address without @ is refused")]
    [TestCase("office@yuzawa", "email", TestName = "An address whose domain has no top-level domain is refused")]
    [TestCase("office@yuzawa.", "email", TestName = "An address whose domain ends in a dot is refused")]
    [TestCase("office@-yuzawa.jp", "email", TestName = "An address whose domain label begins with a hyphen is refused")]
    [TestCase("long", "email", TestName = "An address over 254 characters is refused")]
    [TestCase("password", "password", TestName = "A password over 128 characters is refused")]
    [TestCase("blank name", "displayName", TestName = "A blank display name is refused")]
    [TestCase("long name", "displayName", TestName = "A display name over 100 characters is refused")]
    [TestCase("no role", "role", TestName = "A missing role is refused")]
    public async Task Sign_up_limits(string what, string field)
    {
        var response = what switch
        {
            "long" => await Register(new string('a', 243) + "@test.example"),
            "password" => await Register("p@test.example", password: new string('p', 129)),
            "blank name" => await Register("n@test.example", displayName: "   "),
            "long name" => await Register("n@test.example", displayName: new string('名', 101)),
            "no role" => await Register("r@test.example", role: null),
            _ => await Register(what),
        };
        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { field }));
        Assert.That(Scalar("SELECT COUNT(*) FROM users"), Is.Zero);
        if (what == "blank name") Assert.That(Str(problem["errors"]!["displayName"]![0]), Is.EqualTo("Display name is required."));
        if (what == "no role") Assert.That(Str(problem["errors"]!["role"]![0]), Is.EqualTo("Role must be one of: business, worker, producer."));
    }

    [Test]
    public async Task The_longest_allowed_values_are_accepted()
    {
        await Created(await Register(new string('a', 241) + "@test.example", password: new string('p', 128), displayName: new string('名', 100)));
    }

    [Test]
    public async Task An_administrator_cannot_sign_up_and_is_told_why()
    {
        var problem = await Problem(await Register("a@test.example", role: "administrator"), HttpStatusCode.BadRequest);
        Assert.That(Str(problem["errors"]!["role"]![0]), Is.EqualTo("An administrator account cannot be self-registered."));
    }

    [TestCase("misaki@yuzawa.example")]
    [TestCase("m.sato+work@mail.city.yuzawa.akita.jp")]
    [TestCase("佐藤@湯沢市.jp")]
    public async Task Sign_up_takes_an_address_under_any_domain_with_a_top_level_domain(string email) =>
        await Created(await Register(email));

    [Test]
    public async Task Sign_in_ignores_the_case_and_spaces_of_the_email_and_refuses_empty_or_overlong_fields()
    {
        var user = await SignUp(Role.Worker);
        var account = await Ok(await Browser().PostAsJsonAsync("/api/auth/login", new { email = " " + user.Email.ToUpperInvariant(), password = Password }));
        Assert.That(Id(account), Is.EqualTo(user.Id));
        Assert.That(Str(account["role"]), Is.EqualTo("worker"));
        var empty = await Problem(await Browser().PostAsJsonAsync("/api/auth/login", new { email = "", password = "" }), HttpStatusCode.BadRequest);
        Assert.That(empty["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "email", "password" }));
        var tooLong = await Problem(await Browser().PostAsJsonAsync("/api/auth/login",
            new { email = new string('e', 255), password = new string('p', 129) }), HttpStatusCode.BadRequest);
        Assert.That(tooLong["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "email", "password" }));
        var wrong = await Problem(await Browser().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong password!" }),
            HttpStatusCode.Unauthorized);
        Assert.That(Str(wrong["title"]), Is.EqualTo("Sign-in failed."));
        Assert.That(Str(wrong["detail"]), Is.EqualTo("The email or password is wrong."));
    }

    [Test]
    public async Task A_password_hashed_with_fewer_iterations_is_rehashed_at_the_next_sign_in()
    {
        var user = await SignUp(Role.Business);
        uint Iterations()
        {
            using var connection = App.OpenDatabase();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT password_hash FROM users WHERE id = '{user.Id}'";
            return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String((string)command.ExecuteScalar()!).AsSpan(5));
        }
        Assert.That(Iterations(), Is.EqualTo(1_000));
        App.Dispose();
        App = new MarketplaceApp(App.Database, new Dictionary<string, string?> { ["Auth:PasswordIterations"] = "2000" });
        await Ok(await Browser().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = Password }));
        Assert.That(Iterations(), Is.EqualTo(2_000));
        await Ok(await Browser().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = Password }));
    }

    [Test]
    public async Task An_account_removed_with_its_sessions_is_signed_out()
    {
        // Sessions, links, mail and consents reference their account (foreign keys), so an account is removed with them;
        // its cookie then fails.
        var user = await SignUp(Role.Worker);
        Scalar($"""
            DELETE FROM sessions WHERE user_id = '{user.Id}'; DELETE FROM one_time_tokens WHERE user_id = '{user.Id}';
            DELETE FROM account_mail WHERE user_id = '{user.Id}'; DELETE FROM legal_acceptances WHERE user_id = '{user.Id}';
            DELETE FROM users WHERE id = '{user.Id}'; SELECT 0
            """);
        Assert.That(Scalar($"SELECT COUNT(*) FROM users WHERE id = '{user.Id}'"), Is.Zero);
        Assert.That((await user.Http.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_CSRF_header_must_say_1_and_reads_of_any_safe_method_need_none()
    {
        var business = await SignUp(Role.Business);
        business.Http.DefaultRequestHeaders.Remove(Authentication.CsrfHeader);
        business.Http.DefaultRequestHeaders.Add(Authentication.CsrfHeader, "0");
        var problem = await Problem(await business.Http.PostAsJsonAsync("/api/jobs", NewJob()), HttpStatusCode.Forbidden);
        Assert.That(Str(problem["title"]), Is.EqualTo("Missing CSRF header."));
        Assert.That(Scalar("SELECT COUNT(*) FROM jobs"), Is.Zero);

        business.Http.DefaultRequestHeaders.Remove(Authentication.CsrfHeader);
        foreach (var method in new[] { HttpMethod.Head, HttpMethod.Options, HttpMethod.Trace })
        {
            var response = await business.Http.SendAsync(new HttpRequestMessage(method, "/api/jobs"));
            Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.Forbidden), method.Method + " changes nothing and needs no header");
        }
        Assert.That((await business.Http.PostAsync("/api/auth/logout", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden),
            "signing out is a change too");
    }

    [Test]
    public async Task A_bearer_token_is_recognised_whatever_the_case_of_the_scheme()
    {
        var worker = await SignUp(Role.Worker);
        var token = Str((await Created(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "cli", scopes = TokenScopes.AllNames })))["token"]);
        var integration = App.CreateClient();
        integration.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "bearer " + token);
        Assert.That(Id(await Ok(await integration.GetAsync("/api/me"))), Is.EqualTo(worker.Id));
    }

    [Test]
    public async Task An_administrator_made_from_the_command_line_has_the_administrator_role_and_a_unique_email()
    {
        var admin = await CreateAdministrator.CreateAsync(App.Services, " Admin@Test.example ", Password);
        Assert.That(admin.Role, Is.EqualTo(Role.Administrator));
        Assert.That(admin.DisplayName, Is.EqualTo("Administrator"));
        Assert.That(admin.Email, Is.EqualTo("admin@test.example"));
        Assert.That(Scalar("SELECT COUNT(*) FROM users WHERE role = 'administrator'"), Is.EqualTo(1));
        Assert.ThrowsAsync<ConflictException>(() => CreateAdministrator.CreateAsync(App.Services, "admin@test.example", Password));
        var named = await CreateAdministrator.CreateAsync(App.Services, "office@test.example", Password, "湯沢市 事務局");
        Assert.That(named.DisplayName, Is.EqualTo("湯沢市 事務局"));
    }
}
