using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.ResponseCompression;

namespace Marketplace.Platform;

/// <summary>
/// Endpoint metadata of a route that reads a body of its own type (multipart/form-data uploads) as a stream, up to
/// <paramref name="MaxBytes"/>, instead of a JSON body of at most 1 MB. The route checks the body's type itself.
/// </summary>
public sealed record StreamedBody(long MaxBytes);

/// <summary>What every feature stands on: JSON, problem details, the database, the request pipeline, the site.</summary>
public static class PlatformSetup
{
    public const long MaxRequestBytes = 1024 * 1024;

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // JSON logs with the request on every line; OpenTelemetry when OTEL_EXPORTER_OTLP_ENDPOINT is set.
        builder.AddObservability();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBytes);
        services.ConfigureHttpJsonOptions(o =>
        {
            // Enums travel as camelCase names only: an unknown name or a bare number is a 400, not a silent default.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier;
            // The authentication's challenge (a route that needs a signed-in caller, asked without one) leaves the status
            // alone, and the status code pages wrote only "Unauthorized": say what is missing and how to give it.
            if (c.ProblemDetails is { Status: 401, Detail: null })
            {
                c.ProblemDetails.Title = "Not signed in.";
                c.ProblemDetails.Detail = "Sign in first: the browser's session cookie from POST /api/auth/login, or a personal token as 'Authorization: Bearer …'.";
            }
            // A body sent without a length (chunked) that crossed the limit while an endpoint read it: the framework sets
            // 413 and nothing more.
            if (c.ProblemDetails is { Status: 413, Detail: null }) DescribeTooLarge(c.ProblemDetails, c.HttpContext);
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddHttpLogging(o =>
        {
            // Method, path, status and time only: bodies and headers carry passwords, cookies and tokens.
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath |
                              HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Db>();
        // The key ring that seals cookies and unsubscribe links, in the database every node shares.
        services.AddDataProtectionKeysInDatabase(builder.Configuration);
        services.AddSingleton(p => p.GetRequiredService<Db>().Dialect);
        services.AddScoped<Caller>();
        services.AddMediation(typeof(PlatformSetup).Assembly);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // Runs the periodic work features register (AddPeriodicWork).
        services.AddHostedService<Scheduler>();
        services.AddResponseCompression(o =>
        {
            // Only the web client's files: the promise of < 200 KB of JavaScript is about gzip on the wire. API answers
            // stay uncompressed so that no secret shares a compressed stream with attacker-chosen text (BREACH).
            o.EnableForHttps = true;
            o.MimeTypes = ["text/javascript", "application/javascript", "text/css", "text/html", "image/svg+xml"];
        });
        // The default (fastest) level sends the bundle at about 190 KB; optimal sends the ~130 KB the build's budget counts.
        // Bundles have hashed names and are cached for a year, so each browser pays this once.
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(OpenApi.Configure);
        return builder;
    }

    /// <summary>
    /// Refuses declared oversize bodies up front; Kestrel's own limit catches undeclared (chunked) ones. A route that
    /// streams a large body of its own type (an upload) says so with <see cref="StreamedBody"/>, and its limit replaces
    /// the 1 MB one for that request only.
    /// </summary>
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var streamed = http.GetEndpoint()?.Metadata.GetMetadata<StreamedBody>();
        var limit = streamed?.MaxBytes ?? MaxRequestBytes;
        if (streamed is not null && http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        if (http.Request.ContentLength > limit)
            throw BodyTooLarge(limit);
        await next(http);
    });

    /// <summary>A body over a route's limit, said with the limit (<c>maxBytes</c>), so that a client can tell its user.</summary>
    public static ProblemException BodyTooLarge(long limit) =>
        new(413, "The request body is too large.", $"This route reads a body of at most {limit:N0} bytes.", "bodyTooLarge", limit);

    /// <summary>A 413 the server raised while reading, described as <see cref="BodyTooLarge"/> with the request's own limit.</summary>
    public static void DescribeTooLarge(ProblemDetails problem, HttpContext http)
    {
        var limit = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? MaxRequestBytes;
        var described = BodyTooLarge(limit);
        problem.Title = described.Title;
        problem.Detail = described.Message;
        problem.Extensions["code"] = described.Code;
        problem.Extensions["maxBytes"] = limit;
    }

    /// <summary>
    /// A Range header in a unit other than bytes is ignored, so that the answer is the whole representation, a 200
    /// (RFC 9110 §14.2: "a server MUST ignore a Range header field received with ... a range unit it does not
    /// understand"). The framework's range processing reads any unit as bytes: "Range: items=0-1" got a 206 of two bytes.
    /// Ranges are read by downloads and the web client's files; bytes is the one unit either understands.
    /// </summary>
    public static IApplicationBuilder UseByteRangesOnly(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var range = http.Request.Headers.Range;
        if (range.Count > 0 && !(Microsoft.Net.Http.Headers.RangeHeaderValue.TryParse(range.ToString(), out var parsed) &&
                                 string.Equals(parsed.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase)))
            http.Request.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.Range);
        return next(http);
    });

    /// <summary>
    /// The API reads JSON only, so a request under /api that has a body of another type (or of no stated type) is a 415
    /// problem before any endpoint runs (OWASP REST Security Cheat Sheet, "Validate content types"; RFC 9110 §15.5.16).
    /// Routing alone passes over a route whose body type does not match and lands on the /api fallback, which would call a
    /// JSON route with a text/plain body "no such endpoint". Refusing early also keeps the text/plain and form bodies that
    /// any web page may send cross-site without a CORS preflight from reaching a handler at all.
    /// </summary>
    public static IApplicationBuilder UseJsonRequestBodies(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var hasBody = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;
        var streamed = http.GetEndpoint()?.Metadata.GetMetadata<StreamedBody>() is not null;
        if (hasBody && !streamed && http.Request.Path.StartsWithSegments("/api") && !http.Request.HasJsonContentType())
            throw new BadHttpRequestException(
                "This API reads JSON bodies only: send the body with 'Content-Type: application/json'.",
                StatusCodes.Status415UnsupportedMediaType);
        await next(http);
    });

    /// <summary>The web client's files from wwwroot, compressed.</summary>
    public static IApplicationBuilder UseSite(this IApplicationBuilder app)
    {
        // The pages themselves (index.html, under every client route, and a job page with its link-preview tags) name the
        // hashed bundles of one release: a browser must ask again each time (RFC 9111 §5.2.2.4, no-cache: revalidate, a
        // 304 when unchanged), or after a release it would keep an old page whose bundles are gone. Without a Cache-Control
        // a browser may reuse a page for a tenth of its age since Last-Modified (RFC 9111 §4.2.2, heuristic freshness).
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var response = http.Response;
                if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true &&
                    !http.Request.Path.StartsWithSegments("/api") && string.IsNullOrEmpty(response.Headers.CacheControl))
                    response.Headers.CacheControl = "no-cache";
                return Task.CompletedTask;
            });
            return next(http);
        });
        app.UseResponseCompression();
        app.UseDefaultFiles();
        return app.UseStaticFiles(new StaticFileOptions
        {
            // Vite names bundles by their content hash: a changed file is a new name, so they may be cached for good.
            OnPrepareResponse = file =>
            {
                if (file.Context.Request.Path.StartsWithSegments("/assets"))
                    file.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            },
        });
    }
}
