using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 27: sign-up asks for consent to the terms of use and the privacy policy in force; the operator publishes new
/// versions (audited), every version is kept, and a person who has not accepted the one in force is asked once they
/// sign in again.
/// </summary>
public sealed class LegalDocumentTests : ApiTest
{
    private static object Register(string email, int? terms, int? privacy) =>
        new { email, password = Password, displayName = "新しい人", role = "worker", acceptedTermsVersion = terms, acceptedPrivacyVersion = privacy };

    private static Task<HttpResponseMessage> Publish(User admin, string kind, string bodyJa = "# 利用規約 第2版\n\n本文", string bodyEn = "# Terms, version 2\n\nText") =>
        admin.Http.PostAsJsonAsync($"/api/admin/legal/{kind}", new { bodyJa, bodyEn });

    [Test]
    public async Task Anyone_reads_the_versions_in_force_and_their_texts_in_both_languages_version_1_marked_as_the_operators_draft()
    {
        var legal = await Ok(await Browser().GetAsync("/api/legal"));
        Assert.That(legal["terms"]!["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(legal["privacy"]!["version"]!.GetValue<int>(), Is.EqualTo(1));
        var terms = await Ok(await Browser().GetAsync("/api/legal/terms"));
        Assert.That(Str(terms["bodyJa"]), Does.StartWith("# 利用規約").And.Contain("運営者が編集する下書き"));
        Assert.That(Str(terms["bodyEn"]), Does.StartWith("# Terms of use").And.Contain("the operator's draft"));
        var privacy = await Ok(await Browser().GetAsync("/api/legal/privacy?version=1"));
        Assert.That(Str(privacy["bodyJa"]), Does.Contain("個人情報"));
        await Problem(await Browser().GetAsync("/api/legal/cookies"), HttpStatusCode.NotFound);
        await Problem(await Browser().GetAsync("/api/legal/terms?version=2"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Sign_up_without_the_versions_in_force_is_a_400_that_stores_nothing()
    {
        var missing = await Problem(await Browser().PostAsJsonAsync("/api/auth/register", Register("a@test.example", null, null)), HttpStatusCode.BadRequest);
        Assert.That(Str(missing["errorCodes"]!["acceptedTermsVersion"]![0]!["code"]), Is.EqualTo("termsNotAccepted"));
        Assert.That(Str(missing["errorCodes"]!["acceptedPrivacyVersion"]![0]!["code"]), Is.EqualTo("termsNotAccepted"));
        var stale = await Problem(await Browser().PostAsJsonAsync("/api/auth/register", Register("a@test.example", 0, 1)), HttpStatusCode.BadRequest);
        var code = stale["errorCodes"]!["acceptedTermsVersion"]![0]!;
        Assert.That(Str(code["code"]), Is.EqualTo("notCurrentVersion"));
        Assert.That(code["current"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(stale["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "acceptedTermsVersion" }));
        Assert.That(Scalar("SELECT COUNT(*) FROM users") + Scalar("SELECT COUNT(*) FROM legal_acceptances"), Is.Zero);

        var account = await Created(await Browser().PostAsJsonAsync("/api/auth/register", Register("a@test.example", 1, 1)));
        Assert.That(Scalar($"SELECT COUNT(*) FROM legal_acceptances WHERE user_id = '{Id(account)}' AND version = 1"), Is.EqualTo(2));
        Assert.That(account["mustAcceptTerms"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task A_new_version_is_published_by_an_administrator_kept_beside_the_old_one_audited_and_asked_of_everyone_at_sign_in()
    {
        var worker = await SignUp(Role.Worker);
        var admin = await Administrator();
        var published = await Created(await Publish(admin, "terms"));
        Assert.That(published["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(Scalar("SELECT COUNT(*) FROM audit_entries WHERE action = 'publishLegalDocument' AND object_id = 'terms:2'"), Is.EqualTo(1));
        Assert.That((await Ok(await Browser().GetAsync("/api/legal")))["terms"]!["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(Str((await Ok(await Browser().GetAsync("/api/legal/terms?version=1")))["bodyJa"]), Does.Contain("下書き"));

        var signedIn = await Ok(await Browser().PostAsJsonAsync("/api/auth/login", new { email = worker.Email, password = Password }));
        Assert.That(signedIn["mustAcceptTerms"]!.GetValue<bool>(), Is.True);
        Assert.That(signedIn["termsVersion"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That((await Ok(await admin.Http.GetAsync("/api/me")))["mustAcceptTerms"]!.GetValue<bool>(), Is.False, "the operator's own staff");

        var stale = await Problem(await worker.Http.PostAsJsonAsync("/api/me/legal-acceptances", new { termsVersion = 1, privacyVersion = 1 }),
            HttpStatusCode.BadRequest);
        Assert.That(stale["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "termsVersion" }));
        var accepted = await Ok(await worker.Http.PostAsJsonAsync("/api/me/legal-acceptances", new { termsVersion = 2, privacyVersion = 1 }));
        Assert.That(accepted["mustAcceptTerms"]!.GetValue<bool>(), Is.False);
        await Ok(await worker.Http.PostAsJsonAsync("/api/me/legal-acceptances", new { termsVersion = 2, privacyVersion = 1 }));
        Assert.That(Scalar($"SELECT COUNT(*) FROM legal_acceptances WHERE user_id = '{worker.Id}'"), Is.EqualTo(3));

        await Problem(await Browser().PostAsJsonAsync("/api/auth/register", Register("late@test.example", 1, 1)), HttpStatusCode.BadRequest);
        await Created(await Browser().PostAsJsonAsync("/api/auth/register", Register("late@test.example", 2, 1)));
    }

    [Test]
    public async Task Only_an_administrator_enrolled_in_two_step_publishes_and_a_published_version_never_changes()
    {
        var business = await SignUp(Role.Business);
        await Problem(await Publish(business, "terms"), HttpStatusCode.Forbidden);
        var plain = await Marketplace.Accounts.CreateAdministrator.CreateAsync(App.Services, "plain-admin@test.example", Password);
        var http = Browser();
        await Ok(await http.PostAsJsonAsync("/api/auth/login", new { email = plain.Email, password = Password }));
        await Problem(await http.PostAsJsonAsync("/api/admin/legal/terms", new { bodyJa = "a", bodyEn = "b" }), HttpStatusCode.Forbidden);
        var admin = await Administrator("Publisher");
        await Problem(await Publish(admin, "terms", bodyJa: " "), HttpStatusCode.BadRequest);
        await Problem(await Publish(admin, "cookies"), HttpStatusCode.NotFound);
        Assert.That(Scalar("SELECT COUNT(*) FROM legal_documents"), Is.EqualTo(2));

        Assert.Throws(Is.InstanceOf<Exception>(), () => Scalar("UPDATE legal_documents SET body_ja = 'changed' WHERE kind = 'terms'"));
        Assert.Throws(Is.InstanceOf<Exception>(), () => Scalar("DELETE FROM legal_documents WHERE kind = 'privacy'"));
    }

    [Test]
    public async Task An_API_token_cannot_accept_the_terms_for_its_owner()
    {
        var worker = await SignUp(Role.Worker);
        var token = Str((await Created(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "integration", scopes = TokenScopes.AllNames })))["token"]);
        var integration = App.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await Problem(await integration.PostAsJsonAsync("/api/me/legal-acceptances", new { termsVersion = 1, privacyVersion = 1 }), HttpStatusCode.Forbidden);
    }
}
