using Microsoft.AspNetCore.Routing.Template;

namespace Marketplace.Platform;

/// <summary>
/// Where routing sends an /api request no endpoint took. Unknown paths are a 404 problem and never fall through to the web
/// client. But routing also lands here when the path exists and the endpoint passed the request over: for its method
/// (RFC 9110 §15.5.6: 405, with the methods it takes in Allow), or for a POST or PUT without a body, which a route that
/// reads a JSON body does not accept (RFC 9110 §15.5.16: 415, saying to send JSON). Telling an integration "there is no
/// such endpoint" for either sent its developer looking in the wrong place.
/// </summary>
public static class ApiFallback
{
    private sealed record Route(TemplateMatcher Matcher, IReadOnlyList<string> Methods);

    public static void Map(RouteGroupBuilder api) =>
        api.MapFallback((HttpContext http, EndpointDataSource endpoints) => Answer(http, Routes(endpoints)))
            .ExcludeFromDescription();

    /// <summary>
    /// The API's routes with their methods. Built on each call: only requests no endpoint took come here, and a few
    /// hundred templates cost less than keeping state that outlives the app it was read from.
    /// </summary>
    private static Route[] Routes(EndpointDataSource source) => source.Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText is { } text && text.StartsWith("/api/", StringComparison.Ordinal)
            && e.RoutePattern.Parameters.All(p => !p.IsCatchAll))
        .Select(e => new Route(new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!), new RouteValueDictionary()),
            e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
        .ToArray();

    private static IResult Answer(HttpContext http, Route[] routes)
    {
        var method = http.Request.Method;
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        var takesThisMethod = false;
        foreach (var route in routes)
        {
            if (!route.Matcher.TryMatch(http.Request.Path, new RouteValueDictionary())) continue;
            if (route.Methods.Contains(method, StringComparer.OrdinalIgnoreCase)) takesThisMethod = true;
            else allowed.UnionWith(route.Methods);
        }
        // A route of this path and method passed the request over: when it came without a JSON body, for that (a route
        // constraint refusing a value, such as {version:int}, is no such thing: 404).
        var carriesBody = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method);
        if (takesThisMethod && carriesBody && !http.Request.HasJsonContentType())
            return TypedResults.Problem(statusCode: 415, title: "The request body must be JSON.",
                detail: "This endpoint reads a JSON body: send one with 'Content-Type: application/json'.");
        if (!takesThisMethod && allowed.Count > 0)
        {
            http.Response.Headers.Allow = string.Join(", ", allowed);
            return TypedResults.Problem(statusCode: 405, title: "Method not allowed.",
                detail: $"This endpoint takes {string.Join(", ", allowed)}, not {method}.");
        }
        return TypedResults.Problem(statusCode: 404, title: "Not found.", detail: "There is no such API endpoint.");
    }
}
