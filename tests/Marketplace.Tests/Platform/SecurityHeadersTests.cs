using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Marketplace.Platform;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Tests;

/// <summary>What the browser is told about every answer: its content security policy, nosniff, referrer policy, HSTS, caching.</summary>
public sealed partial class SecurityHeadersTests : ApiTest
{
    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values) : "";

    /// <summary>The response's Content-Security-Policy as directive → sources; a missing directive reads as "(none)".</summary>
    private static Policy Directives(HttpResponseMessage response)
    {
        var policy = Header(response, "Content-Security-Policy");
        Assert.That(policy, Is.Not.Empty, $"a Content-Security-Policy on {response.RequestMessage?.RequestUri?.AbsolutePath}");
        return new Policy(policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Contains(' ') ? d[(d.IndexOf(' ') + 1)..] : ""));
    }

    private sealed class Policy(Dictionary<string, string> directives)
    {
        public string this[string directive] => directives.GetValueOrDefault(directive, "(none)");
    }

    [TestCase("/")]
    [TestCase("/contracts/some-id")]
    public async Task A_site_page_allows_only_its_own_scripts_and_styles_and_is_never_framed(string path)
    {
        var page = await Browser().GetAsync(path);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        var policy = Directives(page);
        Assert.That(policy["default-src"], Is.EqualTo("'self'"));
        Assert.That(policy["script-src"], Is.EqualTo("'self'"), "no inline script, no eval, no other origin");
        Assert.That(policy["style-src"], Is.EqualTo("'self'"), "no inline style");
        Assert.That(policy["frame-ancestors"], Is.EqualTo("'none'"));
        Assert.That(policy["object-src"], Is.EqualTo("'none'"));
        Assert.That(policy["base-uri"], Is.EqualTo("'none'"));
        Assert.That(Header(page, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
        Assert.That(Header(page, "Referrer-Policy"), Is.EqualTo("strict-origin-when-cross-origin"));
        Assert.That(Header(page, "Strict-Transport-Security"), Is.Empty, "no HSTS over plain http");
    }

    [Test]
    public async Task The_built_site_holds_no_inline_script_style_or_handler_that_its_policy_would_block()
    {
        var html = await Browser().GetStringAsync("/");
        Assert.That(html, Does.Contain("<div id=\"root\">"), "the site is built (a full build, without SkipWebClient)");
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.That(scripts, Is.Not.Empty);
        Assert.That(scripts.Where(s => !s.Contains(" src=\"/assets/")), Is.Empty, "every script is a file of the site");
        Assert.That(InlineScriptBody().IsMatch(html), Is.False, "no script has inline content");
        Assert.That(html, Does.Not.Contain("<style"), "no inline style sheet");
        Assert.That(StyleAttribute().IsMatch(html), Is.False, "no style attribute");
        Assert.That(EventHandlerAttribute().IsMatch(html), Is.False, "no inline event handler");
        foreach (var asset in AssetReference().Matches(html).Select(m => m.Groups[1].Value))
        {
            var file = await Browser().GetAsync(asset);
            Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK), asset);
            Assert.That(Header(file, "X-Content-Type-Options"), Is.EqualTo("nosniff"), asset);
        }
    }

    [Test]
    public async Task A_signed_in_API_answer_is_never_stored_sniffed_or_framed()
    {
        var worker = await SignUp(Role.Worker);
        foreach (var response in new[]
                 {
                     await worker.Http.GetAsync("/api/me"),
                     await worker.Http.GetAsync("/api/contracts"),
                     await worker.Http.GetAsync("/api/jobs/no-such-job"), // a problem from the exception handler
                     await worker.Http.GetAsync("/api/no-such-thing"),    // the /api fallback
                 })
        {
            var what = response.RequestMessage!.RequestUri!.AbsolutePath;
            Assert.That(Header(response, "Cache-Control"), Is.EqualTo("no-store"), what);
            Assert.That(Header(response, "Pragma"), Is.Empty, what);
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"), what);
            var policy = Directives(response);
            Assert.That(policy["default-src"], Is.EqualTo("'none'"), what);
            Assert.That(policy["frame-ancestors"], Is.EqualTo("'none'"), what);
        }
        var anonymous = await Browser().GetAsync("/api/me");
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Header(anonymous, "Cache-Control"), Is.EqualTo("no-store"));
    }

    [Test]
    public async Task HSTS_is_sent_over_https_and_not_over_http()
    {
        var https = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        foreach (var path in new[] { "/", "/api/me" })
        {
            var response = await https.GetAsync(path);
            Assert.That(Header(response, "Strict-Transport-Security"), Is.EqualTo("max-age=31536000; includeSubDomains"), path);
        }
        var http = await App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost") }).GetAsync("/");
        Assert.That(Header(http, "Strict-Transport-Security"), Is.Empty);
    }

    [Test]
    public async Task A_text_body_on_a_JSON_route_is_a_415_problem_and_changes_nothing()
    {
        var business = await SignUp(Role.Business);
        var job = await business.Http.PostAsync("/api/jobs", new StringContent("{\"title\":\"x\"}", Encoding.UTF8, "text/plain"));
        var problem = await Problem(job, HttpStatusCode.UnsupportedMediaType);
        Assert.That(Str(problem["title"]), Is.EqualTo("The request body must be JSON."));
        Assert.That(Header(job, "Cache-Control"), Is.EqualTo("no-store"));
        Assert.That(Scalar("SELECT COUNT(*) FROM jobs"), Is.Zero);

        var login = await Browser().PostAsync("/api/auth/login",
            new StringContent($"{{\"email\":\"{business.Email}\",\"password\":\"{Password}\"}}", Encoding.UTF8, "text/plain"));
        await Problem(login, HttpStatusCode.UnsupportedMediaType);
        Assert.That(login.Headers.Contains("Set-Cookie"), Is.False, "no session from a text body");

        var noType = new ByteArrayContent("{}"u8.ToArray());
        await Problem(await business.Http.PostAsync("/api/tokens", noType), HttpStatusCode.UnsupportedMediaType);
        // JSON with a charset or a +json type is still JSON, and a bodiless POST needs no type at all.
        await Created(await business.Http.PostAsync("/api/tokens", new StringContent("{\"name\":\"ci\",\"scopes\":[\"read\"]}", Encoding.UTF8, "application/json")));
        await Expect(await business.Http.PostAsync("/api/auth/logout", null), HttpStatusCode.NoContent);
    }

    [Test]
    public async Task Swagger_UI_is_not_served_outside_Development_unless_turned_on_and_the_OpenAPI_document_always_is()
    {
        foreach (var (environment, setting, served) in new[] { ("Production", (string?)null, false), ("Testing", null, false), ("Production", "true", true) })
        {
            var settings = setting is null ? null : new Dictionary<string, string?> { ["OpenApi:SwaggerUi"] = setting };
            using var app = new MarketplaceApp(TestDatabase.New(), settings, environment: environment);
            var http = app.CreateClient();
            var what = $"{environment}, OpenApi:SwaggerUi={setting ?? "unset"}";

            var ui = await http.GetAsync("/swagger/index.html");
            Assert.That(ui.StatusCode, Is.EqualTo(served ? HttpStatusCode.OK : HttpStatusCode.NotFound), what);
            if (served)
            {
                var policy = Directives(ui);
                Assert.That(policy["script-src"], Is.EqualTo("'self'"), "Swagger UI too runs no inline script");
                Assert.That(policy["frame-ancestors"], Is.EqualTo("'none'"));
                Assert.That(InlineScriptBody().IsMatch(await ui.Content.ReadAsStringAsync()), Is.False, "Swashbuckle's page has no inline script");
            }

            var document = await http.GetAsync("/swagger/v1/swagger.json");
            Assert.That(document.StatusCode, Is.EqualTo(HttpStatusCode.OK), what);
            Assert.That((await document.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["paths"], Is.Not.Null, what);
            Assert.That(Directives(document)["default-src"], Is.EqualTo("'none'"), what);
        }
    }

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<script\\b[^>]*>\\s*[^<\\s]", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScriptBody();

    [GeneratedRegex("<[^>]+\\sstyle\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex("<[^>]+\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex("(?:src|href)=\"(/assets/[^\"]+)\"")]
    private static partial Regex AssetReference();
}
