using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Marketplace.Platform;

namespace Marketplace.Jobs;

/// <summary>
/// <c>/jobs/{id}</c> as the server sends it: the web client's index.html with the job's link-preview tags in its head
/// (Open Graph, https://ogp.me/, read by LINE, Slack and Facebook; Twitter/X cards), so that a job shared in a chat
/// shows a card before any script runs. Only a job anyone may read (job_public) gets tags; for any other id the page
/// is the plain index.html and the web client decides. Every value is HTML-escaped.
/// </summary>
public static class ShowJobPage
{
    public const string SiteName = "地域しごとマーケット";

    private sealed record Preview(string Id, string Title, string Description, long BudgetMin, long BudgetMax, string? Region);

    internal const string PreviewSql = """
        SELECT j.id, j.title, j.description, j.budget_min, j.budget_max, j.region
        FROM jobs j JOIN job_public p ON p.job_id = j.id WHERE j.id = @Id
        """;

    /// <summary>The built index.html, or a bare page where the web client is not built (API-only builds and tests).</summary>
    public static string IndexHtml(IWebHostEnvironment environment)
    {
        var file = environment.WebRootFileProvider.GetFileInfo("index.html");
        if (!file.Exists) return "<!doctype html>\n<html lang=\"ja\"><head><meta charset=\"UTF-8\"><title>" + SiteName + "</title></head><body><div id=\"root\"></div></body></html>";
        using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The site's address for absolute links: Site:PublicUrl, else the request's own scheme and host.</summary>
    public static string BaseUrl(HttpContext http) =>
        http.RequestServices.GetRequiredService<IConfiguration>()["Site:PublicUrl"]?.TrimEnd('/') is { Length: > 0 } configured
            ? configured
            : $"{http.Request.Scheme}://{http.Request.Host}";

    public static string Summary(string description, long budgetMin, long budgetMax, string? region)
    {
        var yen = CultureInfo.GetCultureInfo("ja-JP");
        var text = string.Join(' ', description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length > 100) text = text[..100] + "…";
        var budget = string.Format(yen, "¥{0:N0}〜¥{1:N0}", budgetMin, budgetMax);
        return region is null ? $"{budget} / {text}" : $"{budget} / {region} / {text}";
    }

    public static string WithTags(string html, IEnumerable<(string Attribute, string Name, string Content)> tags, string title)
    {
        // The five characters that matter in text and in a quoted attribute (HTML Living Standard, 13.1.2.3, 13.5); other
        // characters stay as they are, in the UTF-8 page.
        static string E(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
        var head = new StringBuilder();
        foreach (var (attribute, name, content) in tags)
            head.Append($"    <meta {attribute}=\"{E(name)}\" content=\"{E(content)}\" />\n");
        var start = html.IndexOf("<title>", StringComparison.OrdinalIgnoreCase);
        var end = html.IndexOf("</title>", StringComparison.OrdinalIgnoreCase);
        if (start >= 0 && end > start) html = html[..start] + "<title>" + E(title) + html[end..];
        var close = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        return close < 0 ? html : html[..close] + head + html[close..];
    }

    /// <summary>The module of the web client that holds the job page (web-client/src/app/JobPage.tsx), as the build manifest names it.</summary>
    internal const string JobPageModule = "src/app/JobPage.tsx";

    /// <summary>
    /// modulepreload links (HTML Living Standard, 4.6.6.12) for the job page's code and the files it imports, read from the
    /// build manifest Vite writes beside index.html (.vite/manifest.json), leaving out those index.html already names.
    /// Without them a phone opening a shared job link asks for the page's code only once the shell has downloaded and
    /// run: on slow 4G one more round trip and download before the job's title shows. Empty where there is no manifest.
    /// </summary>
    public static string JobPagePreloads(string? manifestJson, string html)
    {
        if (manifestJson is null) return "";
        using var manifest = JsonDocument.Parse(manifestJson);
        var root = manifest.RootElement;
        var links = new StringBuilder();
        var seen = new HashSet<string>();
        void Add(string module)
        {
            if (!seen.Add(module) || !root.TryGetProperty(module, out var chunk) || chunk.GetProperty("file").GetString() is not { } file) return;
            var href = "/" + file;
            if (!html.Contains($"\"{href}\"", StringComparison.Ordinal))
                links.Append($"    <link rel=\"modulepreload\" crossorigin href=\"{href}\">\n");
            if (chunk.TryGetProperty("imports", out var imports))
                foreach (var imported in imports.EnumerateArray())
                    if (imported.GetString() is { } name) Add(name);
        }
        Add(JobPageModule);
        return links.ToString();
    }

    private static string? Manifest(IWebHostEnvironment environment)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(".vite/manifest.json");
        if (!file.Exists) return null;
        using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static void Map(IEndpointRouteBuilder site) =>
        site.MapGet("/jobs/{id}", async (string id, HttpContext http, DbSession db, IWebHostEnvironment environment) =>
            {
                var html = IndexHtml(environment);
                var preloads = JobPagePreloads(Manifest(environment), html);
                var close = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
                if (close >= 0) html = html[..close] + preloads + html[close..];
                var job = id.Length <= 64 ? await db.QuerySingleOrDefaultAsync<Preview>(PreviewSql, new { Id = id }) : null;
                if (job is not null)
                {
                    var summary = Summary(job.Description, job.BudgetMin, job.BudgetMax, job.Region);
                    var url = $"{BaseUrl(http)}/jobs/{Uri.EscapeDataString(job.Id)}";
                    html = WithTags(html,
                    [
                        ("name", "description", summary),
                        ("property", "og:type", "website"),
                        ("property", "og:site_name", SiteName),
                        ("property", "og:title", job.Title),
                        ("property", "og:description", summary),
                        ("property", "og:url", url),
                        ("property", "og:locale", "ja_JP"),
                        ("name", "twitter:card", "summary"),
                        ("name", "twitter:title", job.Title),
                        ("name", "twitter:description", summary),
                    ], $"{job.Title} | {SiteName}");
                }
                return Results.Content(html, "text/html; charset=utf-8");
            })
            .WithName("ShowJobPage").ExcludeFromDescription();
}
