using System.Diagnostics;
using System.Text.Json;
using Marketplace.Jobs;
using Marketplace.Platform;
using Marketplace.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

/// <summary>
/// <c>time-board TARGET</c>: one visitor's requests through the ListJobs handler, in-process and one at a time, with the
/// parts of a search page timed apart (SQL, snippets, JSON): where bench/search.sh's time goes. TARGET is a SQLite file,
/// or <c>postgres:</c> and a connection string (as seed-board's).
/// </summary>
public static class BoardTimings
{
    public static async Task Run(string path)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(path.StartsWith("postgres:", StringComparison.Ordinal)
            ? new Dictionary<string, string?> { ["Database:Provider"] = "postgres", ["ConnectionStrings:Marketplace"] = path["postgres:".Length..] }
            : new Dictionary<string, string?> { ["ConnectionStrings:Marketplace"] = $"Data Source={path}" }).Build();
        var db = new Db(configuration, new HostingEnvironment { ContentRootPath = Path.GetTempPath() });
        var visitor = new Caller(new HttpContextAccessor());
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        async Task<JobPage> List(ListJobs.Query q)
        {
            await using var session = new DbSession(db);
            return await new ListJobs.Handler(session, visitor, TimeProvider.System, configuration).Handle(q, CancellationToken.None);
        }
        var first = await List(new ListJobs.Query { Q = "翻訳" });
        var scenarios = new (string Name, ListJobs.Query Query)[]
        {
            ("first page", new ListJobs.Query()),
            ("common word 翻訳", new ListJobs.Query { Q = "翻訳" }),
            ("common word 翻訳, newest", new ListJobs.Query { Q = "翻訳", Sort = "newest" }),
            ("rare word こけし", new ListJobs.Query { Q = "こけし" }),
            ("英訳 + translation + 長野県", new ListJobs.Query { Q = "英訳", Category = "translation", Region = "長野県" }),
            ("next page 翻訳", new ListJobs.Query { Q = "翻訳", Cursor = first.NextCursor }),
        };
        foreach (var (name, query) in scenarios)
        {
            for (var i = 0; i < 20; i++) await List(query);
            const int n = 200;
            var watch = Stopwatch.StartNew();
            JobPage page = null!;
            for (var i = 0; i < n; i++) page = await List(query);
            var handler = watch.Elapsed.TotalMilliseconds / n;
            var terms = SearchText.QueryTerms(query.Q);
            watch.Restart();
            for (var i = 0; i < n; i++)
                foreach (var job in page.Items) JobMatch.Of(job.Title, job.Description, terms);
            var snippets = watch.Elapsed.TotalMilliseconds / n;
            watch.Restart();
            for (var i = 0; i < n; i++) JsonSerializer.SerializeToUtf8Bytes(page, json);
            var serialize = watch.Elapsed.TotalMilliseconds / n;
            Console.WriteLine($"{name,-32} handler {handler,6:F2} ms (of it snippets {(terms.Count > 0 ? snippets : 0),5:F2} ms), JSON {serialize,5:F2} ms, {page.Items.Count} items, total {page.Total}");
        }
    }
}
