using System.Net;
using System.Net.Http.Json;
using System.Text;
using Marketplace.Platform;

namespace Marketplace.Tests;

/// <summary>Bad input is a 400-family problem: never a 500, never a stack trace, never half-written data.</summary>
public sealed class RobustnessTests : ApiTest
{
    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    [TestCase("{\"title\": ", TestName = "Malformed JSON is a 400")]
    [TestCase("[1,2,3]", TestName = "A JSON array instead of an object is a 400")]
    [TestCase("{\"title\":\"t\",\"description\":\"d\",\"category\":\"design\",\"budgetMin\":\"cheap\",\"budgetMax\":2}", TestName = "A string where a number belongs is a 400")]
    [TestCase("{\"title\":\"t\",\"description\":\"d\",\"category\":\"sculpture\",\"budgetMin\":1,\"budgetMax\":2}", TestName = "An unknown category is a 400")]
    [TestCase("{\"title\":\"t\",\"description\":\"d\",\"category\":0,\"budgetMin\":1,\"budgetMax\":2}", TestName = "A category given as a number is a 400")]
    [TestCase("{\"title\":\"t\",\"description\":\"d\",\"category\":\"design\",\"budgetMin\":1e400,\"budgetMax\":2}", TestName = "An overflowing number is a 400")]
    [TestCase("{\"title\":\"t\",\"description\":\"d\",\"category\":\"design\",\"budgetMin\":1,\"budgetMax\":2,\"deadline\":\"next week\"}", TestName = "An unreadable date is a 400")]
    [TestCase("", TestName = "An empty body is a 400")]
    public async Task Bad_job_bodies_are_400_problems_and_store_nothing(string body)
    {
        var business = await SignUp(Role.Business);
        await Problem(await business.Http.PostAsync("/api/jobs", JsonBody(body)), HttpStatusCode.BadRequest);
        Assert.That(Scalar("SELECT COUNT(*) FROM jobs"), Is.Zero);
    }

    [Test]
    public async Task A_body_over_one_megabyte_is_a_413_problem_that_says_the_limit()
    {
        var business = await SignUp(Role.Business);
        var huge = "{\"title\":\"" + new string('a', 1_100_000) + "\"}";
        var problem = await Problem(await business.Http.PostAsync("/api/jobs", JsonBody(huge)), HttpStatusCode.RequestEntityTooLarge);
        Assert.That((Str(problem["detail"]), Str(problem["code"]), problem["maxBytes"]!.GetValue<long>()),
            Is.EqualTo(("This route reads a body of at most 1,048,576 bytes.", "bodyTooLarge", 1_048_576L)));
    }

    // A trial's cut-off body was answered "the value at '$.password' is null, of the wrong type…": the password was fine,
    // the JSON ended. Where it breaks is said, and no field is blamed.
    [Test]
    public async Task JSON_that_breaks_off_says_where_and_names_no_field()
    {
        var business = await SignUp(Role.Business);
        var problem = await Problem(await business.Http.PostAsync("/api/jobs", JsonBody("{\"title\": \"酒\",\n \"description\": ")), HttpStatusCode.BadRequest);
        Assert.That((Str(problem["title"]), Str(problem["code"])), Is.EqualTo(("The request body is not well-formed JSON.", "malformedJson")));
        Assert.That(Str(problem["detail"]), Does.StartWith("The JSON breaks off or has a syntax error at line 2, byte "));
        Assert.That(problem["errors"], Is.Null);
        var wrongType = await Problem(await business.Http.PostAsync("/api/jobs", JsonBody("{\"budgetMin\": \"cheap\"}")), HttpStatusCode.BadRequest);
        Assert.That(wrongType["errors"]!["budgetMin"], Is.Not.Null, "a value of the wrong type still names its field");
    }

    [Test]
    public async Task A_route_that_needs_a_signed_in_caller_says_how_to_sign_in()
    {
        var problem = await Problem(await Browser().GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        Assert.That(Str(problem["title"]), Is.EqualTo("Not signed in."));
        Assert.That(Str(problem["detail"]), Does.Contain("POST /api/auth/login").And.Contain("Authorization: Bearer"));
    }

    [Test]
    public async Task A_body_that_is_not_JSON_is_a_415_problem()
    {
        var business = await SignUp(Role.Business);
        var response = await business.Http.PostAsync("/api/jobs", new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await Problem(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That(Scalar("SELECT COUNT(*) FROM jobs"), Is.Zero);
    }

    [Test]
    public async Task An_unknown_api_path_is_a_404_problem_not_the_web_client()
    {
        var user = await SignUp(Role.Worker);
        await Problem(await user.Http.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound);
        await Problem(await Browser().GetAsync("/api/jobs/x/y/z"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_known_path_without_its_body_or_with_the_wrong_method_says_so_instead_of_no_such_endpoint()
    {
        var business = await SignUp(Role.Business);
        var noBody = await Problem(await business.Http.PostAsync("/api/jobs", null), HttpStatusCode.UnsupportedMediaType);
        Assert.That(Str(noBody["detail"]), Does.Contain("JSON body"));
        var emptyJson = await Problem(await business.Http.PostAsync("/api/jobs", JsonBody("")), HttpStatusCode.BadRequest);
        Assert.That(Str(emptyJson["detail"]), Is.EqualTo("This endpoint reads a JSON body: send one."));
        Assert.That(Scalar("SELECT COUNT(*) FROM jobs"), Is.Zero);

        var wrongMethod = await business.Http.DeleteAsync("/api/jobs");
        var problem = await Problem(wrongMethod, HttpStatusCode.MethodNotAllowed);
        Assert.That(wrongMethod.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "POST" }));
        Assert.That(Str(problem["detail"]), Is.EqualTo("This endpoint takes GET, POST, not DELETE."));

        // A value a route's constraint refuses ({version:int}) is no such endpoint, not a missing body.
        await Problem(await business.Http.GetAsync("/api/contracts/c1/terms/latest"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_refusal_to_a_caller_that_asked_for_CSV_alone_still_says_why_as_a_problem()
    {
        var worker = await SignUp(Role.Worker);
        foreach (var query in new[] { "from=2026-13-01", "from=2027-01-01T00:00:00Z&to=2026-01-01T00:00:00Z" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/me/statement?{query}");
            request.Headers.Accept.ParseAdd("text/csv");
            var problem = await Problem(await worker.Http.SendAsync(request), HttpStatusCode.BadRequest);
            Assert.That(Str(problem["detail"]), Is.Not.Empty, query);
            Assert.That(problem["traceId"], Is.Not.Null, query);
        }
    }

    [TestCase("/api/jobs?minBudget=45000.5", "minBudget", "a whole number", TestName = "A fraction where a whole number belongs in the query names the parameter")]
    [TestCase("/api/jobs?minBudget=99999999999999999999", "minBudget", "a whole number", TestName = "An overflowing number in the query names the parameter")]
    [TestCase("/api/jobs?deadlineBefore=tomorrow", "deadlineBefore", "a date and time", TestName = "An unreadable date in the query names the parameter")]
    public async Task A_query_value_that_is_not_its_parameters_type_is_a_validation_problem_for_that_field(string url, string field, string expected)
    {
        var problem = await Problem(await Browser().GetAsync(url), HttpStatusCode.BadRequest);
        var message = Str(problem["errors"]![field]![0]);
        Assert.That(message, Does.Contain(expected).And.Not.Contains("Nullable"), "said in the caller's terms, not .NET's");
        Assert.That(Str(problem["errorCodes"]![field]![0]!["code"]), Is.EqualTo("invalid"));
    }

    [Test]
    public async Task Validation_problems_name_every_wrong_field_in_camelCase()
    {
        var business = await SignUp(Role.Business);
        var problem = await Problem(await business.Http.PostAsJsonAsync("/api/jobs", new { budgetMin = 10, budgetMax = 5 }), HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key),
            Is.EquivalentTo(new[] { "title", "description", "category", "budgetMax", "deadline" }));
    }

    [Test]
    public async Task The_OpenAPI_document_describes_every_endpoint_with_its_error_shapes()
    {
        var document = await Ok(await Browser().GetAsync("/swagger/v1/swagger.json"));
        var paths = document["paths"]!.AsObject();
        Assert.That(paths.Select(p => p.Key), Is.SupersetOf(new[]
        {
            "/api/auth/register", "/api/auth/login", "/api/auth/logout", "/api/auth/logout-all", "/api/me", "/api/me/password",
            "/api/me/two-step", "/api/me/two-step/confirm",
            "/api/tokens", "/api/tokens/{id}",
            "/api/jobs", "/api/jobs/{id}", "/api/jobs/{id}/cancel", "/api/jobs/{id}/bids", "/api/bids/{id}/withdraw",
            "/api/jobs/{id}/award", "/api/contracts", "/api/contracts/{id}", "/api/contracts/{id}/submissions",
            "/api/contracts/{id}/request-revision", "/api/contracts/{id}/accept", "/api/contracts/{id}/reviews",
            "/api/me/worker-profile", "/api/workers", "/api/workers/{id}",
        }));
        var postJob = paths["/api/jobs"]!["post"]!;
        Assert.That(postJob["requestBody"], Is.Not.Null);
        Assert.That(postJob["responses"]!.AsObject().Select(r => r.Key), Is.SupersetOf(new[] { "201", "400", "401", "403" }));
    }

    [Test]
    [SqliteOnly("how SQLite stores times; the server engines have a type for them")]
    public async Task Every_stored_time_is_fixed_width_UTC_text_so_comparisons_on_text_are_right()
    {
        var (business, worker, contract) = await AwardedContract();
        await Ok(await worker.Http.PutAsJsonAsync("/api/me/worker-profile", new { bio = "", skills = new[] { "design" }, region = "湯沢", weeklyHours = 5, availability = "" }));
        await Created(await worker.Http.PostAsJsonAsync($"/api/contracts/{Id(contract)}/submissions", new { message = "m" }));
        await Ok(await business.Http.PostAsync($"/api/contracts/{Id(contract)}/accept", null));
        await Created(await worker.Http.PostAsJsonAsync("/api/tokens", new { name = "t", scopes = TokenScopes.AllNames }));
        const string Utc = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z'";
        var columns = new[]
        {
            ("users", "created_at"), ("sessions", "created_at"), ("sessions", "expires_at"), ("api_tokens", "created_at"), ("worker_profiles", "updated_at"), ("jobs", "deadline"),
            ("jobs", "created_at"), ("bids", "created_at"), ("contracts", "deadline"), ("contracts", "completed_at"),
            ("contracts", "funded_at"), ("contracts", "released_at"), ("submissions", "created_at"), ("payments", "confirmed_at"),
            ("ledger_entries", "created_at"), ("notifications", "created_at"),
        };
        foreach (var (table, column) in columns)
        {
            Assert.That(Scalar($"SELECT COUNT(*) FROM {table} WHERE {column} IS NOT NULL"), Is.GreaterThan(0), $"{table}.{column} was written");
            Assert.That(Scalar($"SELECT COUNT(*) FROM {table} WHERE {column} IS NOT NULL AND NOT ({column} GLOB {Utc})"), Is.Zero, $"{table}.{column}");
        }
    }
}
