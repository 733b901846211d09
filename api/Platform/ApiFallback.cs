using Microsoft.AspNetCore.Routing.Patterns;
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

    /// <summary>
    /// The API's routes with their methods, by the first segment after /api ("jobs", "me"…; "" for a route that starts
    /// with a parameter, which every path may match). Built once per app, on the first request that reaches the
    /// fallback, when every endpoint is known: an unknown path used to parse every template again (five times the cost
    /// of a static route, docs/measurements.md "What a request costs"), and now matches only the few that share its
    /// first segment. It lives with the app's endpoint, not in a static that would outlive the app it was read from.
    /// </summary>
    private sealed class RouteTable(EndpointDataSource source)
    {
        private ILookup<string, Route>? _byFirstSegment;

        public IEnumerable<Route> For(PathString path)
        {
            var table = _byFirstSegment ??= Build(source);
            var first = FirstSegment(path.Value ?? "");
            return table[first].Concat(table[""]);
        }

        private static ILookup<string, Route> Build(EndpointDataSource source) => source.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } text && text.StartsWith("/api/", StringComparison.Ordinal)
                && e.RoutePattern.Parameters.All(p => !p.IsCatchAll))
            .ToLookup(
                e => e.RoutePattern.PathSegments is [_, { IsSimple: true, Parts: [RoutePatternLiteralPart literal] }, ..]
                    ? literal.Content.ToLowerInvariant() : "",
                e => new Route(new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!), new RouteValueDictionary()),
                    e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []));

        /// <summary>"/api/jobs/1/bids" → "jobs" (routes match without regard to case).</summary>
        private static string FirstSegment(string path)
        {
            var rest = path.Length > 5 ? path[5..] : "";
            var end = rest.IndexOf('/');
            return (end < 0 ? rest : rest[..end]).ToLowerInvariant();
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        RouteTable? routes = null;
        api.MapFallback((HttpContext http, EndpointDataSource endpoints) => Answer(http, routes ??= new RouteTable(endpoints)))
            .ExcludeFromDescription().OpenToEveryToken();
    }

    private static IResult Answer(HttpContext http, RouteTable routes)
    {
        var method = http.Request.Method;
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        var takesThisMethod = false;
        foreach (var route in routes.For(http.Request.Path))
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
