using Dapper;
using System.Net;
using System.Net.Http.Json;
using Marketplace.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>What a new password may be, and the one form (NFKC) it is hashed in.</summary>
public sealed class PasswordTests : ApiTest
{
    // "café-au-lait-2026" with é as e + U+0301 (as some keyboards type it) and as the single code point U+00E9.
    private const string Decomposed = "cafe\u0301-au-lait-2026";
    private const string Composed = "caf\u00e9-au-lait-2026";

    private Task<HttpResponseMessage> Register(string email, string password, string displayName = "湯沢 花子") =>
        Browser().PostAsJsonAsync("/api/auth/register", new { email, password, displayName, role = "worker" });

    private Task<HttpResponseMessage> SignIn(string email, string password) =>
        Browser().PostAsJsonAsync("/api/auth/login", new { email, password });

    [TestCase("qwertyuiop")]
    [TestCase("Password123")]
    [TestCase("1234567890")]
    public async Task A_common_password_is_a_400_with_a_field_error_in_any_case(string password)
    {
        var problem = await Problem(await Register("hanako@test.example", password), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["password"]!.ToString(), Does.Contain("most common"));
        Assert.That(Scalar("SELECT COUNT(*) FROM users"), Is.Zero);
    }

    [Test]
    public async Task A_password_that_is_the_email_or_the_display_name_is_a_400_with_a_field_error()
    {
        foreach (var (password, name) in new[]
                 {
                     ("Hanako.Yuzawa@test.example", "花子"), ("hanako.yuzawa", "花子"), ("Yuzawa Hanako", "yuzawa hanako"),
                 })
        {
            var problem = await Problem(await Register("hanako.yuzawa@test.example", password, name), HttpStatusCode.BadRequest);
            Assert.That(problem["errors"]!["password"], Is.Not.Null, password);
        }
        Assert.That(Scalar("SELECT COUNT(*) FROM users"), Is.Zero);
    }

    [Test]
    public void The_shipped_list_holds_the_most_common_passwords()
    {
        Assert.That(Passwords.CommonCount, Is.GreaterThanOrEqualTo(10_000));
        Assert.That(Passwords.IsCommon("QWERTYUIOP"), Is.True);
        Assert.That(Passwords.IsCommon(ApiTest.Password), Is.False);
    }

    [Test]
    public async Task A_password_registered_with_a_decomposed_e_acute_signs_in_with_the_composed_one()
    {
        await Created(await Register("hanako@test.example", Decomposed));
        await Ok(await SignIn("hanako@test.example", Composed));
        await Ok(await SignIn("hanako@test.example", Decomposed));
        // Full-width digits from a Japanese input method are the same password too.
        await Ok(await SignIn("hanako@test.example", "cafe\u0301-au-lait-\uff12\uff10\uff12\uff16"));
    }

    [Test]
    public async Task A_hash_made_before_NFKC_still_signs_in_and_is_made_again_from_the_NFKC_form()
    {
        // An account from before this change: its hash was made from the password exactly as typed.
        var hasher = App.Services.GetRequiredService<IPasswordHasher<AccountRow>>();
        var oldHash = hasher.HashPassword(new AccountRow(), Decomposed);
        using (var connection = App.OpenDatabase())
            connection.Execute("""
                INSERT INTO users (id, email, display_name, role, password_hash, created_at)
                VALUES ('old1', 'old@test.example', 'Old', 'worker', @Hash, '2025-01-01T00:00:00.0000000Z')
                """, new { Hash = oldHash });
        Assert.That(Scalar("SELECT password_nfkc FROM users WHERE id = 'old1'"), Is.Zero);

        await Ok(await SignIn("old@test.example", Decomposed));

        Assert.That(Scalar("SELECT password_nfkc FROM users WHERE id = 'old1'"), Is.EqualTo(1));
        Assert.That(Scalar($"SELECT COUNT(*) FROM users WHERE id = 'old1' AND password_hash = '{oldHash}'"), Is.Zero, "hashed again");
        await Ok(await SignIn("old@test.example", Composed));
        await Problem(await SignIn("old@test.example", "cafe-au-lait-2026"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Text_that_is_not_valid_Unicode_is_a_400_problem_not_a_500()
    {
        // A lone surrogate cannot be normalised; the JSON reader already refuses it, and Passwords.Normalize would too.
        foreach (var (path, body) in new[]
                 {
                     ("/api/auth/register", """{"email":"x@test.example","password":"abcdefghij\ud800","displayName":"X","role":"worker"}"""),
                     ("/api/auth/login", """{"email":"x@test.example","password":"abcdefghij\ud800"}"""),
                 })
            await Problem(await Browser().PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
    }
}
