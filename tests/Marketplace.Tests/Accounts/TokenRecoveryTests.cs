using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 22: after an account is taken over, the owner's recovery steps end the attacker's access, tokens included: a
/// password change and "sign out everywhere" revoke every API token. And a token manages nothing of the account, not
/// even its owner's other tokens.
/// </summary>
public sealed class TokenRecoveryTests : ApiTest
{
    private HttpClient Integration(string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static async Task<JsonObject> MakeToken(User owner, string name) =>
        await Created(await owner.Http.PostAsJsonAsync("/api/tokens", new { name, scopes = TokenScopes.AllNames }));

    [Test]
    public async Task A_password_change_revokes_every_token_of_the_person()
    {
        var owner = await SignUp(Role.Business);
        var attackers = Integration(Str((await MakeToken(owner, "attacker's"))["token"]));
        var owners = Integration(Str((await MakeToken(owner, "在庫システム"))["token"]));
        var someoneElse = await SignUp(Role.Business);
        var othersToken = Integration(Str((await MakeToken(someoneElse, "cli"))["token"]));
        await Ok(await attackers.GetAsync("/api/me"));

        Assert.That((await owner.Http.PostAsJsonAsync("/api/me/password",
            new { currentPassword = Password, newPassword = "a new and longer passphrase" })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await Problem(await attackers.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        await Problem(await owners.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        Assert.That(await owner.Http.GetFromJsonAsync<JsonArray>("/api/tokens"), Is.Empty, "the list shows no token left");
        await Ok(await owner.Http.GetAsync("/api/me")); // this browser stays signed in
        await Ok(await othersToken.GetAsync("/api/me")); // nobody else's
    }

    [Test]
    public async Task Signing_out_everywhere_revokes_every_token_of_the_person()
    {
        var owner = await SignUp(Role.Worker);
        var integration = Integration(Str((await MakeToken(owner, "cli"))["token"]));
        await Ok(await integration.GetAsync("/api/me"));

        Assert.That((await owner.Http.PostAsync("/api/auth/logout-all", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await Problem(await integration.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        var browser = Browser();
        await Ok(await browser.PostAsJsonAsync("/api/auth/login", new { email = owner.Email, password = Password }));
        Assert.That(await browser.GetFromJsonAsync<JsonArray>("/api/tokens"), Is.Empty);
    }

    [Test]
    public async Task A_token_cannot_revoke_its_owners_other_tokens()
    {
        var owner = await SignUp(Role.Worker);
        var leaked = Integration(Str((await MakeToken(owner, "leaked"))["token"]));
        var other = await MakeToken(owner, "会計ソフト");
        var leakedId = Id((await owner.Http.GetFromJsonAsync<JsonArray>("/api/tokens"))!.Single(t => Str(t!["name"]) == "leaked")!.AsObject());

        var problem = await Problem(await leaked.DeleteAsync($"/api/tokens/{Id(other)}"), HttpStatusCode.Forbidden);
        Assert.That(problem["detail"]!.ToString(), Does.Contain("signed in with a password"));
        await Problem(await leaked.DeleteAsync($"/api/tokens/{leakedId}"), HttpStatusCode.Forbidden); // not even itself
        await Ok(await Integration(Str(other["token"])).GetAsync("/api/me"));
        Assert.That(Scalar("SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NULL"), Is.EqualTo(2));
    }
}
