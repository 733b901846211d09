using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Issue 22: a null in a request body is bad input, so a 400, never a 500. Every JSON request body the OpenAPI document
/// lists is sent once per property with that property null (and each list as [null], and each property of a list's
/// objects null), by a person of every role with a world to act on (an open job, a bid, a contract), so that the body
/// reaches validators and handlers; no answer may be a 5xx. A property the document says is required and not nullable
/// must be a 400 that names it, as any invalid field is named.
/// </summary>
public sealed class NullSweepTests : ApiTest
{
    private int _emails;

    [Test]
    public async Task No_request_body_with_a_null_anywhere_is_a_5xx_and_a_null_where_none_is_allowed_is_named()
    {
        var (business, worker, contract) = await AwardedContract();
        var openJob = await PostJob(business);
        await PlaceBid(worker, Id(openJob));
        var question = await Created(await worker.Http.PostAsJsonAsync($"/api/jobs/{Id(openJob)}/questions", new { body = "納期は延ばせますか" }));
        var producer = await SignUp(Role.Producer);
        var admin = await Administrator();
        var ids = new Dictionary<string, string>
        {
            ["jobs"] = Id(openJob), ["contracts"] = Id(contract), ["questions"] = Id(question), ["users"] = worker.Id,
        };
        var document = (await App.CreateClient().GetFromJsonAsync<JsonObject>("/swagger/v1/swagger.json"))!;
        var schemas = document["components"]!["schemas"]!.AsObject();

        var operations = 0;
        var problems = new List<string>();
        var answers = new SortedDictionary<int, int>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            if (operation!["requestBody"]?["content"]?["application/json"]?["schema"] is not { } schema) continue;
            operations++;
            var url = Url(path, ids);
            foreach (var (property, body, named) in NullVariants(Resolve(schema, schemas), schemas))
            foreach (var caller in new[] { business, worker, producer, admin })
            {
                var response = await caller.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
                {
                    Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
                });
                var text = await response.Content.ReadAsStringAsync();
                answers[(int)response.StatusCode] = answers.GetValueOrDefault((int)response.StatusCode) + 1;
                var what = $"{method.ToUpperInvariant()} {path} with {property} as a {caller.Role}";
                if ((int)response.StatusCode >= 500) problems.Add($"{what}: {(int)response.StatusCode} {text}");
                else if (named is not null && (response.StatusCode != HttpStatusCode.BadRequest || JsonNode.Parse(text)?["errors"]?[named] is null))
                    problems.Add($"{what}: {(int)response.StatusCode}, not a 400 naming '{named}': {text}");
            }
        }
        TestContext.Out.WriteLine($"{operations} operations; answers by status: {string.Join(", ", answers.Select(a => $"{a.Key}: {a.Value}"))}");
        Assert.That(operations, Is.GreaterThan(30), "the document's JSON bodies were found");
        Assert.That(problems, Is.Empty, string.Join("\n", problems.Take(20)));
    }

    [Test]
    public async Task The_nulls_the_probe_sent_are_400s_that_name_the_field()
    {
        var worker = await SignUp(Role.Worker);
        var account = await Problem(await worker.Http.PutAsJsonAsync("/api/me/bank-account",
            new { bankCode = (string?)null, branchCode = "001", accountType = "ordinary", accountNumber = "1234567", holderName = "サトウ ミサキ" }),
            HttpStatusCode.BadRequest);
        Assert.That(account["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "bankCode" }));
        Assert.That(Str(account["errorCodes"]!["bankCode"]![0]!["code"]), Is.EqualTo("required"));
        Assert.That(Scalar("SELECT COUNT(*) FROM bank_accounts"), Is.Zero);

        var settings = await Problem(await worker.Http.PutAsJsonAsync("/api/me/notification-settings", new { kinds = new object?[] { null } }),
            HttpStatusCode.BadRequest);
        Assert.That(settings["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "kinds[0]" }));

        var enumNull = await Problem(await worker.Http.PutAsJsonAsync("/api/me/notification-settings",
            new { kinds = new[] { new { kind = (string?)null, delivery = "daily" } } }), HttpStatusCode.BadRequest);
        Assert.That(enumNull["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "kinds[0].kind" }));
    }

    /// <summary>The operation's path with its parameters filled from the world: /api/jobs/{id}/bids names the job.</summary>
    private static string Url(string path, IReadOnlyDictionary<string, string> ids)
    {
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
            if (segments[i].StartsWith('{')) segments[i] = ids.GetValueOrDefault(segments[i - 1], "0190a0b0-0000-7000-8000-000000000000");
        return string.Join('/', segments);
    }

    /// <summary>
    /// The body with one property null, for each property; each list also as [null], and each property of a list's
    /// objects null. Named: the field a 400 must name, for a property the document says is required and never null.
    /// </summary>
    private IEnumerable<(string Property, JsonObject Body, string? Named)> NullVariants(JsonObject schema, JsonObject schemas)
    {
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var required = schema["required"]?.AsArray().Any(r => r!.GetValue<string>() == name) == true;
            var nullable = property!["nullable"]?.GetValue<bool>() == true;
            var body = Example(schema, schemas);
            body[name] = null;
            yield return (name, body, required && !nullable ? name : null);

            var resolved = Resolve(property, schemas);
            if (resolved["type"]?.GetValue<string>() != "array") continue;
            body = Example(schema, schemas);
            body[name] = new JsonArray((JsonNode?)null);
            yield return ($"{name}[0]", body, null);
            var items = Resolve(resolved["items"]!, schemas);
            foreach (var (inner, _) in items["properties"]?.AsObject() ?? [])
            {
                var element = Example(items, schemas);
                element[inner] = null;
                body = Example(schema, schemas);
                body[name] = new JsonArray(element);
                yield return ($"{name}[0].{inner}", body, null);
            }
        }
    }

    private static JsonObject Resolve(JsonNode schema, JsonObject schemas) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? schemas[reference.Split('/')[^1]]!.AsObject() : schema.AsObject();

    /// <summary>A body that looks valid: each property with a value of its type, and of its meaning where the name says it.</summary>
    private JsonObject Example(JsonObject schema, JsonObject schemas)
    {
        var body = new JsonObject();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
            body[name] = Value(name, Resolve(property!, schemas), schemas);
        return body;
    }

    private JsonNode? Value(string name, JsonObject schema, JsonObject schemas)
    {
        if (schema["enum"] is JsonArray values) return values[0]!.DeepClone();
        switch (schema["type"]?.GetValue<string>())
        {
            case "object": return Example(schema, schemas);
            case "array": return new JsonArray(Value(name, Resolve(schema["items"]!, schemas), schemas));
            case "boolean": return false;
            case "integer" or "number":
                return name switch
                {
                    "budgetMin" => 30_000, "budgetMax" or "amount" => 80_000, "year" => DateTime.UtcNow.Year,
                    _ => schema["minimum"] is { } minimum ? JsonValue.Create(decimal.Parse(minimum.ToString(), System.Globalization.CultureInfo.InvariantCulture)) : 1,
                };
        }
        if (schema["format"]?.GetValue<string>() == "date-time") return DateTimeOffset.UtcNow.AddDays(20).ToString("O");
        if (schema["format"]?.GetValue<string>() == "date") return DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd");
        return name switch
        {
            "email" => $"sweep{++_emails}@test.example",
            "password" or "currentPassword" => Password,
            "newPassword" => "a new and longer passphrase",
            "displayName" => "佐藤 美咲",
            "role" => "worker",
            "bankCode" => "0117",
            "branchCode" => "001",
            "accountNumber" => "1234567",
            "holderName" => "サトウ ミサキ",
            "code" => "123456",
            "invoiceNumber" => "T1234567890123",
            _ => "テスト",
        };
    }
}
