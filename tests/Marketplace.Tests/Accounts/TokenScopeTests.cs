using System.Net;
using System.Net.Http.Json;
using Marketplace.Platform;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests;

/// <summary>
/// Token scopes (issue 25): a personal token does what its scopes open, chosen when it is made; a call outside them is a
/// 403 naming the missing scope. Every API route declares its scope where it is mapped, and a route that declares none
/// is refused to every scoped token. Tokens made before scopes keep their person's full rights; the cookie is never limited.
/// </summary>
public sealed class TokenScopeTests : ApiTest
{
    private HttpClient Integration(string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private async Task<HttpClient> TokenOf(User user, params string[] scopes) =>
        Integration(Str((await Created(await user.Http.PostAsJsonAsync("/api/tokens", new { name = "integration", scopes })))["token"]));

    private static async Task<string> MissingScope(HttpResponseMessage response)
    {
        var problem = await Problem(response, HttpStatusCode.Forbidden);
        Assert.That(Str(problem["code"]), Is.EqualTo("missingScope"));
        Assert.That(Str(problem["detail"]), Does.Contain(Str(problem["scope"])), "the message names the scope too");
        return Str(problem["scope"]);
    }

    [Test]
    public async Task A_read_token_reads_but_a_write_outside_its_scopes_is_a_403_naming_the_scope()
    {
        var business = await SignUp(Role.Business);
        var job = Id(await PostJob(business));
        var reader = await TokenOf(business, "read");

        await Ok(await reader.GetAsync($"/api/jobs/{job}"));
        Assert.That(await MissingScope(await reader.PostAsJsonAsync("/api/jobs", NewJob())), Is.EqualTo("jobs:write"));
        Assert.That(await MissingScope(await reader.PostAsync($"/api/jobs/{job}/cancel", null)), Is.EqualTo("jobs:write"));
        Assert.That(await MissingScope(await reader.GetAsync("/api/me/statement")), Is.EqualTo("money:read"));
        Assert.That(await MissingScope(await reader.GetAsync("/api/webhooks")), Is.EqualTo("webhooks"));
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE business_id = '{business.Id}'"), Is.EqualTo(1), "nothing was posted");
        Assert.That(Scalar($"SELECT COUNT(*) FROM jobs WHERE id = '{job}' AND status = 'open'"), Is.EqualTo(1), "nothing was cancelled");
    }

    [Test]
    public async Task A_write_scope_does_not_include_reading()
    {
        var business = await SignUp(Role.Business);
        var writer = await TokenOf(business, "jobs:write");

        await Created(await writer.PostAsJsonAsync("/api/jobs", NewJob()));
        Assert.That(await MissingScope(await writer.GetAsync("/api/jobs")), Is.EqualTo("read"));
    }

    [Test]
    public async Task Each_write_scope_opens_its_own_routes_only()
    {
        var business = await SignUp(Role.Business);
        var worker = await SignUp(Role.Worker);
        var job = Id(await PostJob(business));
        var bidder = await TokenOf(worker, "read", "bids:write");

        await Created(await bidder.PostAsJsonAsync($"/api/jobs/{job}/bids", new { amount = 50_000, deliveryDays = 14, message = "お任せください" }));
        Assert.That(await MissingScope(await bidder.PostAsJsonAsync($"/api/jobs/{job}/questions", new { body = "納期は？" })), Is.EqualTo("jobs:write"));
        Assert.That(await MissingScope(await bidder.PostAsync("/api/files", new MultipartFormDataContent())), Is.EqualTo("files:write"));
    }

    [Test]
    public async Task Account_settings_and_money_details_are_for_the_person_only_whatever_the_scopes()
    {
        var worker = await SignUp(Role.Worker);
        var everything = await TokenOf(worker, "read", "jobs:write", "bids:write", "contracts:write", "money:read", "files:write", "webhooks");

        foreach (var response in new[]
                 {
                     await everything.PutAsJsonAsync("/api/me/bank-account", new { bankCode = "0117", branchCode = "001", accountType = "ordinary", accountNumber = "1234567", holderName = "ヤマダ ハナコ" }),
                     await everything.PutAsJsonAsync("/api/me", new { displayName = "乗っ取り" }),
                 })
        {
            var problem = await Problem(response, HttpStatusCode.Forbidden);
            Assert.That(Str(problem["code"]), Is.EqualTo("personOnly"));
        }
        Assert.That(Scalar($"SELECT COUNT(*) FROM bank_accounts WHERE worker_id = '{worker.Id}'"), Is.EqualTo(0));
        await Ok(await everything.GetAsync("/api/me"));
    }

    [Test]
    public async Task A_token_made_before_scopes_keeps_its_persons_full_rights_and_the_list_says_so()
    {
        var business = await SignUp(Role.Business);
        var created = await Created(await business.Http.PostAsJsonAsync("/api/tokens", new { name = "古い連携", scopes = new[] { "read" } }));
        // What migration 0039 does to every token that existed before it.
        using (var db = App.OpenDatabase())
        {
            using var command = db.CreateCommand();
            command.CommandText = $"UPDATE api_tokens SET all_scopes = TRUE, scopes = '' WHERE id = '{Id(created)}'";
            command.ExecuteNonQuery();
        }
        var legacy = Integration(Str(created["token"]));

        await Created(await legacy.PostAsJsonAsync("/api/jobs", NewJob()));
        await Ok(await legacy.GetAsync("/api/me/statement"));
        var listed = (await business.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/tokens"))!.Single()!.AsObject();
        Assert.That(listed["madeBeforeScopes"]!.GetValue<bool>(), Is.True);
        Assert.That(listed["scopes"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EquivalentTo(TokenScopes.AllNames));
    }

    [Test]
    public async Task The_cookie_is_never_limited_by_scopes()
    {
        var worker = await SignUp(Role.Worker);
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/bank-account", new { bankCode = "0117", branchCode = "001", accountType = "ordinary", accountNumber = "1234567", holderName = "ヤマダ ハナコ" }));
        await Ok(await worker.Http.GetAsync("/api/me/statement"));
    }

    [Test]
    public async Task A_token_is_made_with_at_least_one_known_scope_and_lists_them()
    {
        var worker = await SignUp(Role.Worker);
        var none = await Problem(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "cli" }), HttpStatusCode.BadRequest);
        Assert.That(none["errors"]!.AsObject().ContainsKey("scopes"), Is.True, none.ToJsonString());
        await Problem(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "cli", scopes = Array.Empty<string>() }), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "cli", scopes = new[] { "admin" } }), HttpStatusCode.BadRequest);

        var created = await Created(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "cli", scopes = new[] { "money:read", "read", "read" } }));
        Assert.That(created["scopes"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "read", "money:read" }), "each once, in the listed order");
        var listed = (await worker.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/tokens"))!.Single()!.AsObject();
        Assert.That(listed["scopes"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "read", "money:read" }));
        Assert.That(listed["madeBeforeScopes"]!.GetValue<bool>(), Is.False);
    }

    /// <summary>
    /// The scope map is the routes' own declarations (a group's, overridden by a route's), read from the endpoint data
    /// source: a route added without one fails here, and would be refused to every scoped token meanwhile.
    /// </summary>
    [Test]
    public void Every_API_route_declares_the_scope_a_token_needs()
    {
        var routes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .ToList();
        Assert.That(routes, Has.Count.GreaterThan(100));
        var undeclared = routes.Where(e => e.Metadata.GetMetadata<ScopeDeclaration>() is null)
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}");
        Assert.That(undeclared, Is.Empty, "routes without RequireScope/PersonOnly");

        ScopeDeclaration Of(string name) => routes.Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == name)
            .Metadata.GetMetadata<ScopeDeclaration>()!;
        Assert.That(Of("AskQuestion").For("POST"), Is.EqualTo(TokenScope.JobsWrite), "a route's declaration overrides its group's (contracts:write)");
        Assert.That(Of("ListQuestions").For("GET"), Is.EqualTo(TokenScope.Read));
        Assert.That(Of("DecideDispute").For("POST"), Is.Null, "deciding a dispute is an administrator's own act");
    }
}
