using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Marketplace.Platform;

/// <summary>
/// What visitors (nobody signed in) read: the public job board. Their answers are the same for every visitor, so they
/// may be cached briefly by browsers and shared caches (RFC 9111 §5.2.2.9 public, §5.2.2.1 max-age) and revalidated
/// with an ETag (RFC 9110 §8.8.3, §13.1.2: If-None-Match → 304). Signed-in answers differ per caller and keep
/// Cache-Control: no-store (SecurityHeaders). Visitors are rate limited per address at a generous ceiling.
/// </summary>
public static class PublicReads
{
    public const string RateLimit = "visitor-reads";
    /// <summary>Set on a visitor's answer that may be cached; SecurityHeaders leaves its Cache-Control alone.</summary>
    public const string CacheableItem = "mkp:public-cache";

    public static IServiceCollection AddPublicReads(this IServiceCollection services)
    {
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimit, http =>
            http.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("signed-in")
                : RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Site:VisitorReadsPerMinute", 600),
                        Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                    })));
        return services;
    }

    /// <summary>
    /// For a visitor, the answer is written here: as JSON with a strong ETag (a hash of the bytes), <c>public,
    /// max-age</c>, and <c>Vary: Cookie, Authorization</c> (a signed-in request for the same address is a different
    /// answer); a conditional GET whose If-None-Match holds that ETag gets 304 without a body.
    /// </summary>
    public static RouteHandlerBuilder PublicForVisitors(this RouteHandlerBuilder route) =>
        route.RequireRateLimiting(RateLimit).AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            if (http.User.Identity?.IsAuthenticated == true || result is null or IResult) return result;
            var json = JsonSerializer.SerializeToUtf8Bytes(result, result.GetType(),
                http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
            var etag = "\"" + Convert.ToBase64String(SHA256.HashData(json), 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
            var seconds = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Site:VisitorCacheSeconds", 60);
            http.Items[CacheableItem] = true;
            var headers = http.Response.Headers;
            headers.ETag = etag;
            headers.CacheControl = $"public, max-age={seconds}";
            headers.Vary = "Cookie, Authorization";
            var asked = http.Request.Headers.IfNoneMatch.ToString();
            if (asked.Length > 0 && (asked.Trim() == "*" || asked.Split(',').Select(t => t.Trim().TrimStart('W', '/')).Contains(etag)))
                return Results.StatusCode(StatusCodes.Status304NotModified);
            return Results.Bytes(json, "application/json; charset=utf-8");
        });
}
