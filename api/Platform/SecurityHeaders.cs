namespace Marketplace.Platform;

/// <summary>
/// The headers that tell a browser how to treat what this app sends (OWASP HTTP Security Response Headers Cheat Sheet;
/// OWASP REST Security Cheat Sheet, "Security headers"). They are set as the response starts, so that every answer
/// carries them: pages, files, API answers, and the problems the exception handler writes after clearing the response.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The web client's pages (W3C Content Security Policy Level 3): scripts, styles, images and fetches from this origin
    /// only. No 'unsafe-inline' and no 'unsafe-eval': Vite emits the app as files under /assets and its index.html holds
    /// no inline script or style; the one computed style (Pending's min-height) is set by React through the CSSOM, which
    /// style-src does not govern. No plugins; no &lt;base&gt; that could re-point the relative script addresses; forms
    /// submit only here; and no other site may frame the app (clickjacking; frame-ancestors replaces X-Frame-Options).
    /// </summary>
    public const string SitePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>API answers are data, never documents: if one is ever opened as a page nothing loads in it, and it is never framed.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Swagger UI (served in Development, elsewhere only when OpenApi:SwaggerUi is on): its page is Swashbuckle's, not
    /// ours, and under the site's policy Chromium reports swagger-ui-bundle.js inserting a &lt;style&gt; element and its
    /// icons loading as data: images, so it gets a policy of its own with exactly those two allowances. Scripts stay
    /// 'self' (Swashbuckle serves its start-up script as index.js, not inline), it talks only to this origin, and it is
    /// never framed either. This is why the console is off in Production unless turned on.
    /// </summary>
    public const string SwaggerUiPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// RFC 6797: a browser that reached the site over https keeps to https for a year, subdomains included (the
    /// OWASP HTTP Strict Transport Security Cheat Sheet's value).
    /// </summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        // A browser remembers HSTS per host, whatever the port: sent from https://localhost in Development it would turn
        // every other http://localhost project of the developer's browser to https for a year.
        var hsts = !app.Environment.IsDevelopment();
        return app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                Apply(http, hsts);
                return Task.CompletedTask;
            });
            return next(http);
        });
    }

    private static void Apply(HttpContext http, bool hsts)
    {
        var request = http.Request;
        var headers = http.Response.Headers;
        // Fetch standard: a script or style is run only if it is sent as one, so an answer is never sniffed into HTML or script.
        headers.XContentTypeOptions = "nosniff";
        // W3C Referrer Policy: other sites see this origin, never the path (which carries ids) nor the query (search words).
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        if (hsts && request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;

        if (request.Path.StartsWithSegments("/api"))
        {
            headers.ContentSecurityPolicy = ApiPolicy;
            // RFC 9111 §5.2.2.5: no cache (the browser's, a proxy's, a shared computer's) keeps a copy of an API answer. Every
            // signed-in answer is personal (contracts, money, tokens), and sign-in itself is decided during the request;
            // the anonymous ones (the open job board) gain nothing from a stale copy, so the rule is simply every /api answer.
            // This also replaces the 'no-cache' the exception handler sets on the problems it writes.
            // The one exception: a visitor's read of the public job board (PublicReads), the same for every visitor,
            // which is cached briefly with an ETag; a signed-in caller's answer to the same route stays no-store.
            if (!http.Items.ContainsKey(PublicReads.CacheableItem)) headers.CacheControl = "no-store";
            headers.Remove("Pragma");
            headers.Remove("Expires");
        }
        else if (request.Path.StartsWithSegments("/swagger"))
            headers.ContentSecurityPolicy = request.Path.Value!.EndsWith(".json", StringComparison.Ordinal) ? ApiPolicy : SwaggerUiPolicy;
        else
            headers.ContentSecurityPolicy = SitePolicy;
    }
}
