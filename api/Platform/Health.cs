using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.Platform;

/// <summary>
/// <c>GET /health</c> and the container's probe of it. Each feature adds a check of what it needs to serve (the platform
/// the database, Files the file store); the answer names each check and its state, never an exception's text.
/// </summary>
public static class Health
{
    /// <summary>
    /// The answer: 200 when every check is healthy, 503 otherwise (the framework's status codes), as JSON:
    /// <c>{"status":"Healthy","checks":{"database":{"status":"Healthy"},"fileStore":{…}}}</c>.
    /// </summary>
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }

    /// <summary>
    /// <c>--health</c>: GETs this app's own <c>/health</c> on loopback and answers the exit code, 0 when it is healthy and
    /// 1 otherwise, for a container's HEALTHCHECK (the ASP.NET runtime image has no wget or curl). It runs before the app
    /// is built, so a probe never migrates, starts the scheduler or opens the database. The port is the one the app
    /// listens on: <c>--urls</c>, else <c>ASPNETCORE_URLS</c>, else <c>ASPNETCORE_HTTP_PORTS</c>, else 8080 (the image's).
    /// </summary>
    public static async Task<int> ProbeAsync(string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
        var address = Address(args);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        try
        {
            using var response = await http.GetAsync(new Uri(address, "/health"));
            await output.WriteLineAsync($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"{address}health: {e.Message}");
            return 1;
        }
    }

    /// <summary>Where this app listens, as seen from inside its container: a wildcard or localhost becomes 127.0.0.1 (the
    /// loopback Kestrel listens on for every one of them; "localhost" may resolve to ::1 first).</summary>
    private static Uri Address(string[] args)
    {
        var at = Array.IndexOf(args, "--urls");
        var urls = at >= 0 && at + 1 < args.Length ? args[at + 1] : Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        if (string.IsNullOrWhiteSpace(urls))
        {
            var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split([';', ','])[0].Trim();
            return new Uri($"http://127.0.0.1:{port}/");
        }
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .OrderBy(u => u.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 1 : 0).First();
        var local = System.Text.RegularExpressions.Regex.Replace(first, @"//(\+|\*|0\.0\.0\.0|\[::\]|localhost)", "//127.0.0.1");
        return new Uri(local.TrimEnd('/') + "/");
    }
}
