using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Accounts;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>Two-step sign-in (TOTP, RFC 6238): enrolment, sign-in with a code or a recovery code, replay, the window, administrators.</summary>
public sealed class TwoStepTests : ApiTest
{
    private readonly ManualClock _clock = new();

    protected override TimeProvider Clock => _clock;

    private async Task<HttpResponseMessage> Login(string email, string? code, string password = Password) =>
        await Browser().PostAsJsonAsync("/api/auth/login", new { email, password, code });

    /// <summary>An enrolled worker, with time moved past the step its confirmation used.</summary>
    private async Task<(User User, string Secret, string[] RecoveryCodes)> Enrolled()
    {
        var user = await SignUp(Role.Worker);
        var (secret, recovery) = await EnrolTwoStep(user.Http);
        _clock.Advance(TimeSpan.FromMinutes(5));
        return (user, secret, recovery);
    }

    [Test]
    public void The_code_is_RFC_6238_Appendix_B_for_SHA1()
    {
        // RFC 6238 Appendix B: the ASCII secret "12345678901234567890", T = 59 s gives 94287082 (8 digits).
        var key = "12345678901234567890"u8.ToArray();
        Assert.That(Totp.Code(key, Totp.Step(DateTimeOffset.FromUnixTimeSeconds(59)), 8), Is.EqualTo("94287082"));
        Assert.That(Totp.Code(key, Totp.Step(DateTimeOffset.FromUnixTimeSeconds(59))), Is.EqualTo("287082"));
        Assert.That(Totp.Code(Totp.Base32(key), Totp.Step(DateTimeOffset.FromUnixTimeSeconds(1111111109)), 8), Is.EqualTo("07081804"));
        Assert.That(Totp.FromBase32(Totp.Base32(key)), Is.EqualTo(key));
    }

    [Test]
    public async Task Enrolment_answers_a_secret_and_otpauth_uri_and_confirmation_answers_10_recovery_codes_stored_hashed()
    {
        var user = await SignUp(Role.Worker);
        var enrolment = await Ok(await user.Http.PostAsync("/api/me/two-step", null));
        var secret = Str(enrolment["secret"]);
        Assert.That(Totp.FromBase32(secret), Has.Length.EqualTo(20));
        Assert.That(Str(enrolment["otpauthUri"]), Is.EqualTo($"otpauth://totp/Regional%20Work%20Market:{Uri.EscapeDataString(user.Email)}?secret={secret}&issuer=Regional%20Work%20Market"));
        var confirmed = await Ok(await user.Http.PostAsJsonAsync("/api/me/two-step/confirm", new { code = TotpNow(secret) }));
        var codes = confirmed["recoveryCodes"]!.AsArray().Select(c => Str(c)).ToArray();
        Assert.That(codes, Has.Length.EqualTo(10).And.Unique);
        Assert.That(Scalar("SELECT COUNT(*) FROM two_step_recovery_codes"), Is.EqualTo(10));
        foreach (var code in codes)
            Assert.That(Scalar($"SELECT COUNT(*) FROM two_step_recovery_codes WHERE code_hash = '{code}'"), Is.Zero, "stored hashed");
        await Problem(await user.Http.PostAsync("/api/me/two-step", null), HttpStatusCode.Conflict);
    }

    [Test]
    public async Task A_wrong_code_does_not_confirm_and_a_new_enrolment_replaces_the_pending_secret()
    {
        var user = await SignUp(Role.Worker);
        var first = Str((await Ok(await user.Http.PostAsync("/api/me/two-step", null)))["secret"]);
        var second = Str((await Ok(await user.Http.PostAsync("/api/me/two-step", null)))["secret"]);
        Assert.That(second, Is.Not.EqualTo(first));
        var problem = await Problem(await user.Http.PostAsJsonAsync("/api/me/two-step/confirm", new { code = TotpNow(first) }), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["code"], Is.Not.Null);
        await Ok(await user.Http.PostAsJsonAsync("/api/me/two-step/confirm", new { code = TotpNow(second) }));
    }

    [Test]
    public async Task After_enrolment_the_right_password_without_a_code_asks_for_the_code_and_a_wrong_code_says_so_never_wrong_password()
    {
        var (user, secret, _) = await Enrolled();
        var wrongPassword = await Problem(await Login(user.Email, TotpNow(secret), "wrong password!"), HttpStatusCode.Unauthorized);
        Assert.That(wrongPassword["code"], Is.Null, "a wrong password is only that, code or not");
        var missing = await Problem(await Login(user.Email, null), HttpStatusCode.Unauthorized);
        Assert.That(Str(missing["code"]), Is.EqualTo("codeRequired"));
        var wrong = await Problem(await Login(user.Email, TotpNow(secret, steps: 5)), HttpStatusCode.Unauthorized);
        Assert.That(Str(wrong["code"]), Is.EqualTo("codeWrong"));
        await Ok(await Login(user.Email, TotpNow(secret)));
    }

    [Test]
    public async Task Asking_for_the_code_counts_toward_the_lock_so_it_tests_no_password_without_limit()
    {
        var (user, _, _) = await Enrolled();
        for (var i = 0; i < 5; i++)
            Assert.That(Str((await Problem(await Login(user.Email, null), HttpStatusCode.Unauthorized))["code"]), Is.EqualTo("codeRequired"));
        await Problem(await Login(user.Email, null), HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task A_code_is_accepted_once_even_within_its_window()
    {
        var (user, secret, _) = await Enrolled();
        var code = TotpNow(secret);
        await Ok(await Login(user.Email, code));
        await Problem(await Login(user.Email, code), HttpStatusCode.Unauthorized);
        _clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        await Problem(await Login(user.Email, code), HttpStatusCode.Unauthorized); // the previous step, already used
        await Ok(await Login(user.Email, TotpNow(secret)));
    }

    [Test]
    public async Task A_code_from_the_previous_step_is_accepted_and_one_from_two_steps_back_is_not()
    {
        var (user, secret, _) = await Enrolled();
        await Problem(await Login(user.Email, TotpNow(secret, steps: -2)), HttpStatusCode.Unauthorized);
        await Problem(await Login(user.Email, TotpNow(secret, steps: 2)), HttpStatusCode.Unauthorized);
        await Ok(await Login(user.Email, TotpNow(secret, steps: -1)));
    }

    [Test]
    public async Task A_recovery_code_signs_in_once()
    {
        var (user, _, recovery) = await Enrolled();
        await Ok(await Login(user.Email, recovery[3].ToUpperInvariant()));
        await Problem(await Login(user.Email, recovery[3]), HttpStatusCode.Unauthorized);
        await Ok(await Login(user.Email, recovery[4].Replace("-", "")));
    }

    [TestCase("12345")]
    [TestCase("1234567")]
    [TestCase("12345a")]
    [TestCase("１２３４５６")]
    [TestCase("123456\n")]
    public async Task A_code_in_the_wrong_format_is_400(string code)
    {
        var user = await SignUp(Role.Worker);
        var problem = await Problem(await Login(user.Email, code), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["code"], Is.Not.Null);
        await user.Http.PostAsync("/api/me/two-step", null);
        problem = await Problem(await user.Http.PostAsJsonAsync("/api/me/two-step/confirm", new { code }), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!["code"], Is.Not.Null);
    }

    [Test]
    public async Task Only_a_person_signed_in_with_a_password_enrols_never_a_token_or_nobody()
    {
        var user = await SignUp(Role.Worker);
        var token = Str((await Created(await user.Http.PostAsJsonAsync("/api/tokens", new { name = "cli" })))["token"]);
        var integration = App.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await Problem(await integration.PostAsync("/api/me/two-step", null), HttpStatusCode.Forbidden);
        await Problem(await integration.PostAsJsonAsync("/api/me/two-step/confirm", new { code = "123456" }), HttpStatusCode.Forbidden);
        await Problem(await Browser().PostAsync("/api/me/two-step", null), HttpStatusCode.Unauthorized);
        Assert.That(Scalar("SELECT COUNT(*) FROM two_step"), Is.Zero);
    }

    [Test]
    public async Task A_person_who_never_enrolled_signs_in_with_the_password_alone()
    {
        var worker = await SignUp(Role.Worker);
        await Ok(await Login(worker.Email, null));
    }

    [Test]
    public async Task Confirmation_is_per_caller_so_nobody_confirms_another_persons_enrolment()
    {
        var victim = await SignUp(Role.Worker);
        var secret = Str((await Ok(await victim.Http.PostAsync("/api/me/two-step", null)))["secret"]);
        var stranger = await SignUp(Role.Worker);
        await Problem(await stranger.Http.PostAsJsonAsync("/api/me/two-step/confirm", new { code = TotpNow(secret) }), HttpStatusCode.NotFound);
        await Ok(await Login(victim.Email, null)); // still pending: the victim signs in with the password alone
    }

    [Test]
    public async Task An_unenrolled_administrator_gets_403_enrol_first_and_can_enrol_and_then_confirm_a_payment()
    {
        await CreateAdministrator.CreateAsync(App.Services, "admin@test.example", Password);
        var admin = Browser();
        await Ok(await admin.PostAsJsonAsync("/api/auth/login", new { email = "admin@test.example", password = Password }));
        foreach (var refused in new[] { await admin.GetAsync("/api/payments"), await admin.GetAsync("/api/admin/audit"), await admin.PostAsync("/api/payments/none/confirm", null) })
            Assert.That(Str((await Problem(refused, HttpStatusCode.Forbidden))["detail"]), Does.Contain("enrol first"));

        await EnrolTwoStep(admin);
        Assert.That((await Ok(await admin.GetAsync("/api/admin/audit")))["items"], Is.Not.Null);
        Assert.That((await admin.GetFromJsonAsync<JsonArray>("/api/payments"))!, Is.Empty);
        await Problem(await admin.PostAsync("/api/payments/none/confirm", null), HttpStatusCode.NotFound);
    }
}
