using System.Text.Json.Serialization;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.ResponseCompression;

namespace Marketplace.Platform;

/// <summary>What every feature stands on: JSON, problem details, the database, the request pipeline, the site.</summary>
public static class PlatformSetup
{
    public const long MaxRequestBytes = 1024 * 1024;

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBytes);
        services.ConfigureHttpJsonOptions(o =>
        {
            // Enums travel as camelCase names only: an unknown name or a bare number is a 400, not a silent default.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);
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
        services.AddSingleton(p => p.GetRequiredService<Db>().Dialect);
        services.AddScoped<Caller>();
        services.AddMediation(typeof(PlatformSetup).Assembly);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
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

    /// <summary>Refuses declared oversize bodies up front; Kestrel's own limit catches undeclared (chunked) ones.</summary>
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.ContentLength > MaxRequestBytes)
            throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
        await next(http);
    });

    /// <summary>The web client's files from wwwroot, compressed.</summary>
    public static IApplicationBuilder UseSite(this IApplicationBuilder app)
    {
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
