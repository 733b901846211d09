using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Tests;

/// <summary>
/// The OpenAPI document says what the API does (issue 25): how each operation authenticates, the token scope it needs,
/// the answers the platform gives it (401, 403, 404, 409/422 with an Idempotency-Key, 412 with If-Match, 429 with
/// Retry-After), and what it is for. Read from the same endpoint metadata the pipeline acts on.
/// </summary>
public sealed class OpenApiDocumentTests : ApiTest
{
    private async Task<JsonObject> Document() => (await App.CreateClient().GetFromJsonAsync<JsonObject>("/swagger/v1/swagger.json"))!;

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => (p.Key, m.Key, m.Value!.AsObject())));

    private static JsonObject Operation(JsonObject document, string path, string method) => document["paths"]![path]![method]!.AsObject();

    private static IEnumerable<string> SchemesOf(JsonObject operation) =>
        operation["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key));

    [Test]
    public async Task Every_operation_says_how_to_authenticate_and_what_it_is_for()
    {
        var document = await Document();
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        Assert.That(schemes.Select(s => s.Key), Is.EquivalentTo(new[] { "cookie", "bearer" }));
        Assert.That(Str(schemes["bearer"]!["scheme"]), Is.EqualTo("bearer"));
        Assert.That(Str(schemes["cookie"]!["in"]), Is.EqualTo("cookie"));

        foreach (var (path, method, operation) in Operations(document))
        {
            Assert.That(operation["security"], Is.Not.Null, $"{method} {path} declares its security");
            Assert.That(operation["description"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty, $"{method} {path} has a description");
        }
        Assert.That(SchemesOf(Operation(document, "/api/jobs", "post")), Is.EquivalentTo(new[] { "cookie", "bearer" }));
        Assert.That(Operation(document, "/api/auth/register", "post")["security"]!.AsArray(), Is.Empty, "anonymous: none");
        Assert.That(Str(Operation(document, "/api/jobs", "post")["description"]), Does.Contain("`jobs:write`"), "the token scope it needs");
        Assert.That(Str(Operation(document, "/api/me/bank-account", "put")["description"]), Does.Contain("only a person"));
    }

    [Test]
    public async Task The_platforms_answers_are_declared_where_they_can_happen()
    {
        var document = await Document();
        var postJob = Operation(document, "/api/jobs", "post");
        Assert.That(postJob["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "401", "403", "409", "422" }));
        Assert.That(postJob["parameters"]!.AsArray().Select(p => Str(p!["name"])), Does.Contain("Idempotency-Key"));

        var updateJob = Operation(document, "/api/jobs/{id}", "patch");
        Assert.That(updateJob["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "401", "403", "404", "412" }));
        Assert.That(updateJob["parameters"]!.AsArray().Select(p => Str(p!["name"])), Does.Contain("If-Match"));
        Assert.That(updateJob["responses"]!["200"]!["headers"]!.AsObject().ContainsKey("ETag"), Is.True);
        Assert.That(Operation(document, "/api/jobs/{id}", "get")["responses"]!["200"]!["headers"]!.AsObject().ContainsKey("ETag"), Is.True);

        var withLimit = Operations(document).Where(o => o.Operation["responses"]!.AsObject().ContainsKey("429")).ToList();
        Assert.That(withLimit, Is.Not.Empty);
        foreach (var (path, method, operation) in withLimit)
            Assert.That(operation["responses"]!["429"]!["headers"]?["Retry-After"], Is.Not.Null, $"{method} {path}: 429 says how long to wait");
    }
}
