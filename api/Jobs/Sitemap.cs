using System.Net;
using System.Text;
using Marketplace.Platform;

namespace Marketplace.Jobs;

/// <summary>
/// <c>/sitemap.xml</c> (the Sitemaps protocol 0.9, https://www.sitemaps.org/protocol.html): the public job pages,
/// newest first, at most 50,000 (the protocol's limit for one file); and <c>/robots.txt</c> (RFC 9309), which points
/// crawlers at it and keeps them out of the API and of the signed-in pages.
/// </summary>
public static class Sitemap
{
    public const int MaxUrls = 50_000;

    /// <summary>Open public jobs newest first: job_public flattens onto ix_jobs_status (status, id).</summary>
    internal const string Sql = "SELECT p.job_id FROM job_public p ORDER BY p.job_id DESC LIMIT @Take";

    /// <summary>The web client's pages that need an account; the job board and job pages stay crawlable.</summary>
    public static readonly string[] PrivatePaths =
    [
        "/api/", "/swagger", "/signin", "/signup", "/my-jobs", "/jobs/new", "/bids", "/invitations", "/contracts", "/profile",
        "/workers/", "/producers", "/pipeline", "/statement", "/notifications", "/tokens", "/two-step", "/saved-searches",
    ];

    public static void Map(IEndpointRouteBuilder site)
    {
        site.MapGet("/sitemap.xml", async (HttpContext http, DbSession db) =>
            {
                var root = ShowJobPage.BaseUrl(http);
                var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
                xml.Append($"  <url><loc>{WebUtility.HtmlEncode(root + "/jobs")}</loc></url>\n");
                foreach (var id in await db.QueryAsync<string>(Sql, new { Take = MaxUrls }))
                    xml.Append($"  <url><loc>{WebUtility.HtmlEncode($"{root}/jobs/{Uri.EscapeDataString(id)}")}</loc></url>\n");
                xml.Append("</urlset>\n");
                http.Response.Headers.CacheControl = "public, max-age=3600";
                return Results.Content(xml.ToString(), "application/xml; charset=utf-8");
            })
            .WithName("Sitemap").ExcludeFromDescription();

        site.MapGet("/robots.txt", (HttpContext http) =>
            {
                var text = new StringBuilder("User-agent: *\n");
                foreach (var path in PrivatePaths) text.Append($"Disallow: {path}\n");
                text.Append("Allow: /jobs\n");
                text.Append($"\nSitemap: {ShowJobPage.BaseUrl(http)}/sitemap.xml\n");
                http.Response.Headers.CacheControl = "public, max-age=86400";
                return Results.Text(text.ToString(), "text/plain; charset=utf-8");
            })
            .WithName("RobotsTxt").ExcludeFromDescription();
    }
}
