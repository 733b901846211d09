using System.Security.Claims;

namespace Marketplace.Platform;

/// <summary>
/// What a personal API token may do (issue 25), chosen when it is made. A signed-in browser (the cookie) is never
/// limited by scopes: they narrow what a token can do of what its person can, and every handler still checks role and
/// ownership as for the person.
/// </summary>
public enum TokenScope { Read, JobsWrite, BidsWrite, ContractsWrite, MoneyRead, FilesWrite, Webhooks }

public static class TokenScopes
{
    /// <summary>The principal's claim of a token's scopes: their names, space-separated, or <see cref="All"/>.</summary>
    public const string Claim = "mkp:scopes";

    /// <summary>A token made before scopes existed: it keeps every right of its person until it expires or is revoked.</summary>
    public const string All = "*";

    private static readonly Dictionary<TokenScope, string> Names = new()
    {
        [TokenScope.Read] = "read",
        [TokenScope.JobsWrite] = "jobs:write",
        [TokenScope.BidsWrite] = "bids:write",
        [TokenScope.ContractsWrite] = "contracts:write",
        [TokenScope.MoneyRead] = "money:read",
        [TokenScope.FilesWrite] = "files:write",
        [TokenScope.Webhooks] = "webhooks",
    };

    /// <summary>A scope's name on the wire and in api_tokens.scopes ("jobs:write"), as OAuth writes scopes.</summary>
    public static string NameOf(TokenScope scope) => Names[scope];

    public static IReadOnlyList<string> AllNames { get; } = Names.Values.ToArray();

    public static bool IsName(string name) => Names.ContainsValue(name);

    /// <summary>
    /// Declares the scope a token needs on every route of <paramref name="routes"/> (a route group or one route): reads
    /// (GET, HEAD) need <paramref name="reads"/>, every other method <paramref name="writes"/>. A route declaring its own
    /// overrides its group's. Null means no scope opens it: only a person (the cookie) or a token made before scopes.
    /// </summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder routes, TokenScope? reads, TokenScope? writes) where TBuilder : IEndpointConventionBuilder =>
        routes.WithMetadata(new ScopeDeclaration(reads, writes));

    /// <summary>Every method of the route or group needs <paramref name="scope"/>.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder routes, TokenScope scope) where TBuilder : IEndpointConventionBuilder =>
        routes.RequireScope(scope, scope);

    /// <summary>
    /// No token scope opens the route: it manages the account, its money details or staff work, which a leaked
    /// integration token must not reach. Only the person signed in (or a token made before scopes) may call it.
    /// </summary>
    public static TBuilder PersonOnly<TBuilder>(this TBuilder routes) where TBuilder : IEndpointConventionBuilder =>
        routes.RequireScope(null, null);

    /// <summary>Any token may reach the route, whatever its scopes: only the API's fallback (404, 405, 415), which does nothing.</summary>
    public static TBuilder OpenToEveryToken<TBuilder>(this TBuilder routes) where TBuilder : IEndpointConventionBuilder =>
        routes.WithMetadata(new ScopeDeclaration(null, null, Open: true));

    /// <summary>
    /// Refuses a token's request to a route its scopes do not open (403 <c>missingScope</c> naming the scope, or
    /// <c>personOnly</c>). A route under /api that declares nothing is refused to every scoped token, so a route that was
    /// forgotten fails closed; <c>TokenScopeTests</c> fails the build's tests when one is.
    /// </summary>
    public static IApplicationBuilder UseTokenScopes(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.User.FindFirstValue(Claim) is not { } granted || granted == All || http.GetEndpoint() is not { } endpoint) return next(http);
        var declared = endpoint.Metadata.GetMetadata<ScopeDeclaration>();
        if (declared is null && !http.Request.Path.StartsWithSegments("/api")) return next(http);
        if (declared?.Open == true) return next(http);
        var needed = declared?.For(http.Request.Method);
        if (needed is null)
            throw new ProblemException(403, "Forbidden.", "An API token cannot do this: only a person signed in with a password can.", "personOnly");
        var name = NameOf(needed.Value);
        if (!granted.Split(' ').Contains(name))
            throw new MissingScopeException(name);
        return next(http);
    });
}

/// <summary>The scope a route needs of a token, by method (see <see cref="TokenScopes.RequireScope{TBuilder}(TBuilder, TokenScope?, TokenScope?)"/>).</summary>
public sealed record ScopeDeclaration(TokenScope? Reads, TokenScope? Writes, bool Open = false)
{
    public TokenScope? For(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? Reads : Writes;
}

/// <summary>A token without the scope a route needs (403 <c>missingScope</c>, with <c>scope</c>).</summary>
public sealed class MissingScopeException(string scope)
    : Exception($"This API token lacks the scope '{scope}'. Make a token with it on the tokens page.")
{
    public string Scope { get; } = scope;
}
