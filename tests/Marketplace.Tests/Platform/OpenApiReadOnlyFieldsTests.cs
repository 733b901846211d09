using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Tests;

/// <summary>
/// Fields the server sets (ids, sequences, times made and changed, status, versions, counts and totals) are readOnly in
/// every schema an answer carries, and a schema only requests use marks nothing (docs/api.md, "Read-only fields").
/// </summary>
public sealed class OpenApiReadOnlyFieldsTests : ApiTest
{
    private static readonly string[] ServerSet = ["id", "createdAt", "updatedAt", "status", "sequence"];

    private static bool IsReadOnly(JsonNode? property) => property?["readOnly"]?.GetValue<bool>() == true;

    [Test]
    public async Task Server_set_fields_are_read_only_in_answers_and_requests_mark_nothing()
    {
        var document = (await App.CreateClient().GetFromJsonAsync<JsonObject>("/swagger/v1/swagger.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var operations = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => m.Value!.AsObject())).ToList();
        var answered = Reached(operations.Select(o => o["responses"]), schemas);
        var requested = Reached(operations.Select(o => o["requestBody"]), schemas);

        Assert.That(answered, Has.Count.GreaterThan(100));
        foreach (var name in answered)
            foreach (var (field, property) in schemas[name]!["properties"]?.AsObject() ?? [])
                if (ServerSet.Contains(field))
                    Assert.That(IsReadOnly(property), Is.True, $"{name}.{field}");
        foreach (var name in requested.Except(answered))
            foreach (var (field, property) in schemas[name]!["properties"]?.AsObject() ?? [])
                Assert.That(IsReadOnly(property), Is.False, $"{name}.{field}: a request's field is never read-only");

        var job = schemas["Jobs.Job"]!["properties"]!;
        Assert.That(new[] { "id", "createdAt", "status", "bidCount" }.Select(f => IsReadOnly(job[f])), Is.All.True, "a job's server-set fields");
        Assert.That(IsReadOnly(job["title"]), Is.False, "a job's title is the business's");
        // An enum is a $ref, which OpenAPI 3.0 reads alone: the mark goes beside it in a one-item allOf.
        Assert.That(job["status"]!["allOf"]![0]!["$ref"]!.GetValue<string>(), Does.EndWith("Jobs.JobStatus"));
        Assert.That(IsReadOnly(schemas["Contracts.Contract"]!["properties"]!["status"]), Is.True);
        Assert.That(IsReadOnly(schemas["Bids.Bid"]!["properties"]!["workerReviewCount"]), Is.True, "a computed count");
    }

    /// <summary>The component schemas the given parts of operations refer to, directly or through others.</summary>
    private static HashSet<string> Reached(IEnumerable<JsonNode?> roots, JsonObject schemas)
    {
        var reached = new HashSet<string>();
        var pending = new Stack<JsonNode?>(roots);
        while (pending.TryPop(out var node))
            switch (node)
            {
                case JsonObject o when o["$ref"]?.GetValue<string>() is { } reference:
                    var name = reference.Split('/')[^1];
                    if (reached.Add(name)) pending.Push(schemas[name]);
                    break;
                case JsonObject o:
                    foreach (var (_, child) in o) pending.Push(child);
                    break;
                case JsonArray a:
                    foreach (var child in a) pending.Push(child);
                    break;
            }
        return reached;
    }
}
