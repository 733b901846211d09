using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 27: the address is confirmed at sign-up through a mailed link; an unconfirmed account can look but cannot bid,
/// post, award, deliver, be paid out or make API tokens (403 emailNotConfirmed); a change of address confirms the new
/// one and tells the old one.
/// </summary>
public sealed class EmailConfirmationTests : PayoutTest
{
    private readonly ManualClock _clock = new();

    protected override TimeProvider Clock => _clock;

    private Task<HttpResponseMessage> Confirm(string token) => Browser().PostAsJsonAsync("/api/auth/confirm-email", new { token });

    private static async Task AssertNotConfirmed(HttpResponseMessage response)
    {
        var problem = await Problem(response, HttpStatusCode.Forbidden);
        Assert.That(Str(problem["code"]), Is.EqualTo("emailNotConfirmed"));
    }

    private void SetConfirmed(User user, bool confirmed) =>
        Scalar($"UPDATE users SET email_confirmed_at = {(confirmed ? "created_at" : "NULL")} WHERE id = '{user.Id}'; SELECT 1");

    private static async Task<bool> EmailConfirmed(User user) => (await Ok(await user.Http.GetAsync("/api/me")))["emailConfirmed"]!.GetValue<bool>();

    [Test]
    public async Task A_new_account_can_look_but_cannot_bid_post_or_make_a_token_until_it_opens_the_mailed_link()
    {
        var postingBusiness = await SignUp(Role.Business);
        var job = await PostJob(postingBusiness);
        var worker = await SignUp(Role.Worker, confirmEmail: false);
        var business = await SignUp(Role.Business, confirmEmail: false);
        Assert.That(await EmailConfirmed(worker), Is.False);

        await Ok(await worker.Http.GetAsync("/api/jobs"));
        await Ok(await worker.Http.GetAsync($"/api/jobs/{Id(job)}"));
        await AssertNotConfirmed(await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/bids", new { amount = 50_000, deliveryDays = 14, message = "m" }));
        await AssertNotConfirmed(await business.Http.PostAsJsonAsync("/api/jobs", NewJob()));
        await AssertNotConfirmed(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "t", scopes = TokenScopes.AllNames }));
        Assert.That(Scalar("SELECT COUNT(*) FROM bids") + Scalar("SELECT COUNT(*) FROM api_tokens"), Is.Zero);

        await Ok(await Confirm(MailedToken(worker.Id, "emailConfirmation")));
        await Ok(await Confirm(MailedToken(business.Id, "emailConfirmation")));
        Assert.That(await EmailConfirmed(worker), Is.True);
        await PlaceBid(worker, Id(job));
        await PostJob(business);
        await Created(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "t", scopes = TokenScopes.AllNames }));
    }

    [Test]
    public async Task Awarding_and_delivering_need_a_confirmed_address_too()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = await PostJob(business);
        var bid = await PlaceBid(worker, Id(job));
        SetConfirmed(business, false);
        await AssertNotConfirmed(await business.Http.PostAsJsonAsync($"/api/jobs/{Id(job)}/award", new { bidId = Id(bid) }));
        SetConfirmed(business, true);
        var contract = await Award(business, Id(job), Id(bid));
        SetConfirmed(worker, false);
        await AssertNotConfirmed(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "納品します" }));
        SetConfirmed(worker, true);
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "納品します" }));
    }

    [Test]
    public async Task A_payout_batch_passes_by_a_worker_whose_address_is_not_confirmed_and_pays_them_once_it_is()
    {
        var admin = await Administrator();
        var worker = await PaidWorker(20_000);
        SetConfirmed(worker, false);
        // The fixture's clock may have been moved on by an earlier test: the cutoff is its now.
        var batch = new { cutoff = _clock.GetUtcNow(), transferOn = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime.AddDays(1)) };
        var refused = await Problem(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", batch), HttpStatusCode.Conflict);
        Assert.That(Str(refused["code"]), Is.EqualTo("nothingToPay"));
        SetConfirmed(worker, true);
        await Created(await admin.Http.PostAsJsonAsync("/api/admin/payout-batches", batch));
        Assert.That(Scalar($"SELECT COUNT(*) FROM payouts WHERE worker_id = '{worker.Id}'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_confirmation_link_works_once_and_two_racing_requests_confirm_once()
    {
        var worker = await SignUp(Role.Worker, confirmEmail: false);
        var token = MailedToken(worker.Id, "emailConfirmation");
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Confirm(token)));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest), Is.EqualTo(3));
        Assert.That(await EmailConfirmed(worker), Is.True);
    }

    [Test]
    public async Task A_confirmation_link_is_valid_for_24_hours_and_a_new_one_can_be_asked_for()
    {
        var worker = await SignUp(Role.Worker, confirmEmail: false);
        var first = MailedToken(worker.Id, "emailConfirmation");
        _clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var expired = await Problem(await Confirm(first), HttpStatusCode.BadRequest);
        Assert.That(Str(expired["errorCodes"]!["token"]![0]!["code"]), Is.EqualTo("invalidToken"));

        // A day later the session has ended too (12 idle hours): the person signs in again and asks for a new link.
        var again = WithCookie(await SignInCookie(worker.Email));
        await Expect(await again.PostAsync("/api/me/email-confirmation", null), HttpStatusCode.Accepted);
        var second = MailedToken(worker.Id, "emailConfirmation");
        _clock.Advance(TimeSpan.FromHours(23));
        await Ok(await Confirm(second));
        Assert.That((await Ok(await WithCookie(await SignInCookie(worker.Email)).GetAsync("/api/me")))["emailConfirmed"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Asking_again_ends_the_older_link_is_refused_once_confirmed_and_is_throttled_per_account()
    {
        var worker = await SignUp(Role.Worker, confirmEmail: false);
        var first = MailedToken(worker.Id, "emailConfirmation");
        for (var i = 0; i < 5; i++) await Expect(await worker.Http.PostAsync("/api/me/email-confirmation", null), HttpStatusCode.Accepted);
        await Problem(await worker.Http.PostAsync("/api/me/email-confirmation", null), HttpStatusCode.TooManyRequests);
        await Problem(await Confirm(first), HttpStatusCode.BadRequest);
        await Ok(await Confirm(MailedToken(worker.Id, "emailConfirmation")));
        var again = await Problem(await worker.Http.PostAsync("/api/me/email-confirmation", null), HttpStatusCode.Conflict);
        Assert.That(Str(again["code"]), Is.EqualTo("emailAlreadyConfirmed"));
    }

    [Test]
    public async Task A_new_address_takes_effect_only_from_its_link_which_confirms_it_and_the_old_address_is_told()
    {
        var worker = await SignUp(Role.Worker);
        var wrong = await Problem(await worker.Http.PostAsJsonAsync("/api/me/email", new { newEmail = "new@test.example", currentPassword = "not it at all" }),
            HttpStatusCode.BadRequest);
        Assert.That(Str(wrong["errorCodes"]!["currentPassword"]![0]!["code"]), Is.EqualTo("wrongPassword"));
        Assert.That(Scalar("SELECT COUNT(*) FROM account_mail WHERE kind = 'emailChange'"), Is.Zero);

        await Expect(await worker.Http.PostAsJsonAsync("/api/me/email", new { newEmail = " New@Test.example", currentPassword = Password }),
            HttpStatusCode.Accepted);
        Assert.That(Scalar("SELECT COUNT(*) FROM account_mail WHERE kind = 'emailChange' AND to_address = 'new@test.example'"), Is.EqualTo(1));
        Assert.That(Str((await Ok(await worker.Http.GetAsync("/api/me")))["email"]), Is.EqualTo(worker.Email), "nothing changes before the link");

        var confirmed = await Ok(await Confirm(MailedToken(worker.Id, "emailChange")));
        Assert.That(Str(confirmed["email"]), Is.EqualTo("new@test.example"));
        var me = await Ok(await worker.Http.GetAsync("/api/me"));
        Assert.That(Str(me["email"]), Is.EqualTo("new@test.example"));
        Assert.That(me["emailConfirmed"]!.GetValue<bool>(), Is.True);
        Assert.That(Scalar($"SELECT COUNT(*) FROM account_mail WHERE kind = 'emailChanged' AND to_address = '{worker.Email}'"), Is.EqualTo(1));
        Assert.That((await Browser().PostAsJsonAsync("/api/auth/login", new { email = worker.Email, password = Password })).StatusCode,
            Is.EqualTo(HttpStatusCode.Unauthorized));
        await Ok(await Browser().PostAsJsonAsync("/api/auth/login", new { email = "new@test.example", password = Password }));
    }

    [Test]
    public async Task An_unconfirmed_address_that_is_replaced_is_not_written_to()
    {
        var worker = await SignUp(Role.Worker, confirmEmail: false);
        await Expect(await worker.Http.PostAsJsonAsync("/api/me/email", new { newEmail = "typo-fixed@test.example", currentPassword = Password }),
            HttpStatusCode.Accepted);
        await Ok(await Confirm(MailedToken(worker.Id, "emailChange")));
        Assert.That(await EmailConfirmed(worker), Is.True);
        Assert.That(Scalar("SELECT COUNT(*) FROM account_mail WHERE kind = 'emailChanged'"), Is.Zero);
        // The sign-up link, mailed to the address the account left, confirms nothing any more.
        await Problem(await Confirm(MailedToken(worker.Id, "emailConfirmation")), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_taken_address_is_refused_when_asked_for_and_when_taken_before_the_link_is_opened()
    {
        var worker = await SignUp(Role.Worker);
        var other = await SignUp(Role.Business);
        var taken = await Problem(await worker.Http.PostAsJsonAsync("/api/me/email", new { newEmail = other.Email, currentPassword = Password }),
            HttpStatusCode.Conflict);
        Assert.That(Str(taken["code"]), Is.EqualTo("emailTaken"));
        var same = await Problem(await worker.Http.PostAsJsonAsync("/api/me/email", new { newEmail = worker.Email, currentPassword = Password }),
            HttpStatusCode.BadRequest);
        Assert.That(Str(same["errorCodes"]!["newEmail"]![0]!["code"]), Is.EqualTo("sameEmail"));

        await Expect(await worker.Http.PostAsJsonAsync("/api/me/email", new { newEmail = "wanted@test.example", currentPassword = Password }),
            HttpStatusCode.Accepted);
        var (terms, privacy) = await LegalVersions();
        await Created(await Browser().PostAsJsonAsync("/api/auth/register", new
        {
            email = "wanted@test.example", password = Password, displayName = "Quick", role = "worker",
            acceptedTermsVersion = terms, acceptedPrivacyVersion = privacy,
        }));
        var late = await Problem(await Confirm(MailedToken(worker.Id, "emailChange")), HttpStatusCode.Conflict);
        Assert.That(Str(late["code"]), Is.EqualTo("emailTaken"));
        Assert.That(Str((await Ok(await worker.Http.GetAsync("/api/me")))["email"]), Is.EqualTo(worker.Email));
    }

    [Test]
    public async Task An_API_token_cannot_move_its_owner_to_another_address()
    {
        var worker = await SignUp(Role.Worker);
        var token = Str((await Created(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "integration", scopes = TokenScopes.AllNames })))["token"]);
        var integration = App.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await Problem(await integration.PostAsJsonAsync("/api/me/email", new { newEmail = "thief@test.example", currentPassword = Password }),
            HttpStatusCode.Forbidden);
    }
}
