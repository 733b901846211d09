namespace Marketplace.Platform;

/// <summary>
/// The bound on every text path parameter of the API ({id}, {milestoneId}, {entryId}, {userId}, {code}, {kind}): at most
/// <see cref="MaxLength"/> characters. Ids are made by <see cref="TimeOrderedId"/> (32 hex digits) and a body's ids are
/// bounded by the same 64 in the validators; the path keeps the same room, so an id the API accepts in a body it also
/// accepts in a path. A longer value names nothing, so it is answered as any unknown object is, a 404 problem, before
/// the handler reads the database with it. The OpenAPI document publishes the bound from this constant
/// (<see cref="OpenApi"/>, BoundPathParameters), so the document and the check cannot differ. Ids are not checked
/// for their form (hex digits): an id of another form is simply unknown, a 404 as before, and the document says no more
/// than is checked. Parameters with a route constraint ({version:int}, {sequence:long}) are bounded by their type.
/// </summary>
public static class PathParameters
{
    public const int MaxLength = 64;

    /// <summary>Refuses, on every endpoint of the group, a text path parameter longer than <see cref="MaxLength"/>.</summary>
    public static RouteGroupBuilder BoundPathParameters(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter((context, next) =>
        {
            var http = context.HttpContext;
            if (http.GetEndpoint() is RouteEndpoint endpoint)
                foreach (var parameter in endpoint.RoutePattern.Parameters)
                    if (IsBounded(parameter) && http.Request.RouteValues[parameter.Name] is string value && value.Length > MaxLength)
                        throw new NotFoundException($"The {parameter.Name} is longer than {MaxLength} characters, so it names nothing.");
            return next(context);
        });
        return group;
    }

    /// <summary>A text parameter: not a catch-all (the API's fallback) and without a constraint of its own.</summary>
    public static bool IsBounded(Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter) =>
        !parameter.IsCatchAll && parameter.ParameterPolicies.Count == 0;
}
