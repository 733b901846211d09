using System.Security.Claims;

namespace Marketplace.Platform;

public enum Role { Business, Worker, Producer, Administrator }

/// <summary>Who sends the current request: set from the authenticated principal, or by the demo seeder.</summary>
public sealed class Caller(IHttpContextAccessor http, IAdministratorRequirement? administrators = null)
{
    public const string RoleClaim = "mkp:role";

    /// <summary>The server-side session a sign-in cookie names; an API token's principal has none.</summary>
    public const string SessionClaim = "mkp:session";

    private (string Id, Role Role)? _actingAs;

    public void ActAs(string id, Role role) => _actingAs = (id, role);

    /// <summary>Whether anyone is signed in: the public job board also answers visitors.</summary>
    public bool IsSignedIn => _actingAs is not null || Principal?.Identity?.IsAuthenticated == true;

    public string Id => _actingAs?.Id
        ?? Principal?.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new UnauthorizedAccessException("The request is not authenticated.");

    public Role Role => _actingAs?.Role
        ?? (WireName.TryParse<Role>(Principal?.FindFirstValue(RoleClaim), out var role) ? role
            : throw new UnauthorizedAccessException("The request is not authenticated."));

    /// <summary>
    /// The client's IP address as ASP.NET sees it: the peer of the connection (behind a reverse proxy that is the proxy,
    /// unless forwarded headers are configured); null when the work comes from no request (the command line, the seeder).
    /// A dual-stack socket reports an IPv4 client as ::ffff:a.b.c.d; it is written as the IPv4 address people know.
    /// </summary>
    public string? Address => http.HttpContext?.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : null;

    /// <summary>The session of a person signed in with a password in a browser; null for an API token or nobody.</summary>
    public string? SessionId => _actingAs is null ? Principal?.FindFirstValue(SessionClaim) : null;

    /// <summary>
    /// What manages the account itself (tokens, the password, every session) needs the person, signed in with their
    /// password: a token must not outlive or outrank the person who made it, so it cannot make another token.
    /// </summary>
    public void RequireSignedInPerson(string what)
    {
        _ = Id; // not signed in at all: 401
        if (SessionId is null) throw new ForbiddenException($"Only a person signed in with a password may {what}; an API token may not.");
    }

    public void Require(Role role, string what)
    {
        // Every administrator action goes through RequireAdministratorAsync, so that none skips IAdministratorRequirement.
        if (role == Role.Administrator) throw new InvalidOperationException("Use RequireAdministratorAsync for administrator actions.");
        if (Role != role) throw new ForbiddenException($"Only a {WireName.Of(role)} may {what}.");
    }

    /// <summary>
    /// The one check of every administrator action (they confirm money): the caller is an administrator and meets what
    /// the app requires of administrators (<see cref="IAdministratorRequirement"/>, read in the request's
    /// <paramref name="db"/>), else 403 saying what to do first.
    /// </summary>
    public async Task RequireAdministratorAsync(DbSession db, string what)
    {
        if (Role != Role.Administrator) throw new ForbiddenException($"Only an administrator may {what}.");
        // Fails closed: without a requirement registered, no administrator action runs unchecked.
        if (administrators is null)
            throw new InvalidOperationException("No IAdministratorRequirement is registered: administrator actions are refused.");
        if (await administrators.RefusalAsync(db, Id) is { } refusal) throw new ForbiddenException(refusal);
    }

    private ClaimsPrincipal? Principal => http.HttpContext?.User;
}
