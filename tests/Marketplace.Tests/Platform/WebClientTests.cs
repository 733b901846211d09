using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Tests;

/// <summary>The web client is served by the API and typed from the API's own OpenAPI document.</summary>
public sealed class WebClientTests : ApiTest
{
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marketplace.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Marketplace.sln not found above " + AppContext.BaseDirectory);
    }

    [Test]
    public async Task The_checked_in_OpenAPI_document_of_the_web_client_is_what_the_API_publishes()
    {
        var published = JsonNode.Parse(await App.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var text = published.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var path = Path.Combine(RepositoryRoot(), "web-client", "src", "api", "openapi.json");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, text);
            Assert.Pass("Wrote " + path + "; now run 'npm run api:types' in web-client.");
        }
        var checkedIn = File.Exists(path) ? JsonNode.Parse(await File.ReadAllTextAsync(path)) : null;
        Assert.That(JsonNode.DeepEquals(checkedIn, published), Is.True,
            "web-client/src/api/openapi.json differs from what the API publishes. Run " +
            "'UPDATE_OPENAPI=1 dotnet test --filter The_checked_in_OpenAPI_document' and then 'npm run api:types' in web-client, " +
            "and fix the web client where the compiler then complains.");
    }

    [Test]
    public async Task Unknown_paths_outside_the_API_get_the_web_client_and_unknown_API_paths_a_404_problem()
    {
        var http = App.CreateClient();
        var page = await http.GetAsync("/contracts/some-id");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<div id=\"root\">"));

        var script = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(), "/assets/[^\"]+\\.js").Value;
        var compressed = new HttpRequestMessage(HttpMethod.Get, script);
        compressed.Headers.AcceptEncoding.ParseAdd("gzip");
        var js = await http.SendAsync(compressed);
        Assert.That(js.StatusCode, Is.EqualTo(HttpStatusCode.OK), script);
        Assert.That(js.Content.Headers.ContentEncoding, Does.Contain("gzip"), "the site's JavaScript travels compressed");
        Assert.That((await js.Content.ReadAsByteArrayAsync()).Length, Is.LessThan(200 * 1024), "what a phone downloads stays inside the budget");
        Assert.That(js.Headers.CacheControl?.ToString(), Does.Contain("immutable"), "hashed bundles are fetched once");
        // The page names one release's bundles, so it is revalidated every time (else an old page outlives its bundles).
        Assert.That(page.Headers.CacheControl?.NoCache, Is.True, "a client route's page is revalidated");
        var home = await http.GetAsync("/");
        Assert.That(home.Headers.CacheControl?.NoCache, Is.True, "index.html itself is revalidated");
        Assert.That(home.Headers.CacheControl?.MaxAge, Is.Null);
        var jobPage = await http.GetAsync("/jobs/no-such-job");
        Assert.That(jobPage.Headers.CacheControl?.NoCache, Is.True, "a job's page (server-written link-preview tags) is revalidated");

        var api = await http.GetAsync("/api/no-such-thing");
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(api.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task A_jobs_page_names_the_job_pages_code_so_a_shared_link_loads_it_at_once()
    {
        // The build manifest names each module's bundle; the job page's module is the one the API preloads.
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "api", "wwwroot", ".vite", "manifest.json")))!;
        var jobPageModule = manifest[Marketplace.Jobs.ShowJobPage.JobPageModule];
        Assert.That(jobPageModule?["isDynamicEntry"]?.GetValue<bool>(), Is.True,
            $"the build has no lazily loaded module {Marketplace.Jobs.ShowJobPage.JobPageModule}: ShowJobPage.JobPageModule names the file of the web client's job page");
        var jobPageCode = "/" + jobPageModule!["file"]!.GetValue<string>();
        var http = App.CreateClient();

        var jobPage = await (await http.GetAsync("/jobs/no-such-job")).Content.ReadAsStringAsync();
        Assert.That(jobPage, Does.Contain($"<link rel=\"modulepreload\" crossorigin href=\"{jobPageCode}\">"));
        var preloads = System.Text.RegularExpressions.Regex.Matches(jobPage, "rel=\"modulepreload\" crossorigin href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.That(preloads, Is.Unique, "each file is named once, those index.html already names included");
        foreach (var href in preloads)
            Assert.That((await http.GetAsync(href)).StatusCode, Is.EqualTo(HttpStatusCode.OK), href);

        // The other pages do not download the job page's code before they need it.
        Assert.That(await http.GetStringAsync("/contracts"), Does.Not.Contain(jobPageCode));
    }
}
