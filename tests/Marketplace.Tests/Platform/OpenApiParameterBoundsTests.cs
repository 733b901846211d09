using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>
/// Every path parameter the API binds is published with the bound the API enforces, and the API enforces the bound
/// the document publishes (issue 25: the document says what the API does): an id one character longer than the
/// document allows is a 404 problem saying so, one of exactly the allowed length is not refused for its length, and no
/// route answers either with a 500. A keyset page's limit and cursor carry their bounds too.
/// </summary>
public sealed class OpenApiParameterBoundsTests : ApiTest
{
    private async Task<JsonObject> Document() => (await App.CreateClient().GetFromJsonAsync<JsonObject>("/swagger/v1/swagger.json"))!;

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => (p.Key, m.Key, m.Value!.AsObject())));

    private static IEnumerable<JsonObject> Parameters(JsonObject operation, string where) =>
        (operation["parameters"]?.AsArray() ?? []).Select(p => p!.AsObject()).Where(p => Str(p["in"]) == where);

    private static bool IsText(JsonObject parameter) => parameter["schema"]?["type"]?.GetValue<string>() == "string";

    [Test]
    public async Task Every_text_path_parameter_publishes_the_length_the_API_enforces()
    {
        var document = await Document();
        var pathParameters = Operations(document).SelectMany(o => Parameters(o.Operation, "path").Select(p => (o.Path, o.Method, Parameter: p))).ToList();
        Assert.That(pathParameters.Select(p => Str(p.Parameter["name"])).Distinct(),
            Is.SupersetOf(new[] { "id", "milestoneId", "entryId", "userId", "code", "kind", "version", "sequence" }), "the API's path parameters");
        foreach (var (path, method, parameter) in pathParameters)
        {
            var schema = parameter["schema"]!;
            if (IsText(parameter))
                Assert.That(schema["maxLength"]?.GetValue<int>(), Is.EqualTo(PathParameters.MaxLength), $"{method} {path}: {{{Str(parameter["name"])}}}");
            else
                Assert.That(Str(schema["type"]), Is.EqualTo("integer"), $"{method} {path}: {{{Str(parameter["name"])}}} is bounded by its type");
        }
    }

    [Test]
    public async Task An_id_longer_than_the_document_allows_is_a_404_problem_on_every_route_and_one_as_long_is_not_refused_for_it()
    {
        var document = await Document();
        var business = await SignUp(Role.Business);
        var checkedRoutes = 0;
        foreach (var (path, method, operation) in Operations(document))
        {
            var parameters = Parameters(operation, "path").ToList();
            if (!parameters.Any(IsText)) continue;
            string Url(int extra) => parameters.Aggregate(path, (url, p) => url.Replace("{" + Str(p["name"]) + "}",
                IsText(p) ? new string('a', p["schema"]!["maxLength"]!.GetValue<int>() + extra) : "1"));
            async Task<(HttpStatusCode Status, string Body, string? Type)> Send(int extra)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), Url(extra));
                if (method is "post" or "put" or "patch") request.Content = JsonContent.Create(new { });
                var response = await business.Http.SendAsync(request);
                return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
            }

            var tooLong = await Send(1);
            Assert.That((int)tooLong.Status, Is.InRange(400, 499), $"{method} {path} with an id too long: {tooLong.Body}");
            Assert.That(tooLong.Type, Is.EqualTo("application/problem+json"), $"{method} {path}");
            // A body that does not bind is refused before the path is read (400); every other request meets the bound.
            if (tooLong.Status != HttpStatusCode.BadRequest)
                Assert.That(tooLong.Body, Does.Contain($"longer than {PathParameters.MaxLength} characters"), $"{method} {path}: {tooLong.Status}");
            if (method == "get")
            {
                var asLong = await Send(0);
                Assert.That((int)asLong.Status, Is.InRange(400, 499), $"{method} {path} with an id as long as allowed: {asLong.Body}");
                Assert.That(asLong.Body, Does.Not.Contain("longer than"), $"{method} {path}: an id as long as the document allows is not refused for it");
            }
            checkedRoutes++;
        }
        Assert.That(checkedRoutes, Is.GreaterThan(100), "routes with a text path parameter");
    }

    [Test]
    public async Task A_pages_limit_and_cursor_publish_their_bounds_and_a_longer_cursor_is_a_400()
    {
        var document = await Document();
        var paged = Operations(document).Where(o => Parameters(o.Operation, "query").Any(p => Str(p["name"]) == Paging.CursorParameter)).ToList();
        Assert.That(paged, Has.Count.GreaterThanOrEqualTo(12), "the keyset pages");
        foreach (var (path, method, operation) in paged)
        {
            var query = Parameters(operation, "query").ToDictionary(p => Str(p["name"]));
            Assert.That(query[Paging.CursorParameter]["schema"]!["maxLength"]?.GetValue<int>(), Is.EqualTo(Paging.MaxCursorLength), $"{method} {path}: cursor");
            var limit = query[Paging.LimitParameter]["schema"]!;
            Assert.That(limit["minimum"]?.GetValue<int>(), Is.EqualTo(1), $"{method} {path}: limit");
            Assert.That(limit["maximum"]?.GetValue<int>(), Is.EqualTo(Paging.MaxLimit), $"{method} {path}: limit");
        }
        var recommended = Parameters(document["paths"]!["/api/jobs/{id}/recommended-workers"]!["get"]!.AsObject(), "query").Single(p => Str(p["name"]) == "limit");
        Assert.That(recommended["schema"]!["maximum"]?.GetValue<int>(), Is.EqualTo(50), "the recommended workers' own limit");

        var business = await SignUp(Role.Business);
        var tooLong = new string('A', Paging.MaxCursorLength + 1);
        foreach (var path in new[] { "/api/contracts", "/api/jobs", "/api/workers" })
            await Problem(await business.Http.GetAsync($"{path}?cursor={tooLong}"), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_parameter_a_route_binds_by_hand_publishes_its_use_cases_rules_and_the_API_keeps_to_them()
    {
        var document = await Document();
        JsonNode Schema(string path, string name) =>
            document["paths"]![path]!["get"]!["parameters"]!.AsArray().Single(p => Str(p!["name"]) == name)!["schema"]!;
        Assert.That(Schema("/api/programmes/{id}/members", "municipality")["maxLength"]?.GetValue<int>(), Is.EqualTo(50));
        Assert.That(Schema("/api/programmes/{id}/members", "badge")["maxLength"]?.GetValue<int>(), Is.EqualTo(100));
        Assert.That(Schema("/api/me/payment-records", "year")["minimum"]?.GetValue<int>(), Is.EqualTo(2020));
        Assert.That(Schema("/api/me/payment-records", "year")["maximum"]?.GetValue<int>(), Is.EqualTo(2100));
        var bankCode = Schema("/api/banks/{code}/branches", "code");
        Assert.That(Str(bankCode["pattern"]), Is.EqualTo("^[0-9]{4}$"));
        Assert.That(Schema("/api/banks/{code}/branches", "q")["maxLength"]?.GetValue<int>(), Is.EqualTo(50));

        var worker = await SignUp(Role.Worker);
        Assert.That((await worker.Http.GetAsync("/api/banks/0119/branches?q=" + new string('a', 50))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await Problem(await worker.Http.GetAsync("/api/banks/0119/branches?q=" + new string('a', 51)), HttpStatusCode.BadRequest);
        await Problem(await worker.Http.GetAsync("/api/banks/117/branches"), HttpStatusCode.BadRequest);
    }
}
