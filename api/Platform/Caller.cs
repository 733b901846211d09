using System.Security.Claims;

namespace Marketplace.Platform;

public enum Role { Business, Worker, Producer, Administrator }

/// <summary>Who sends the current request: set from the authenticated principal, or by the demo seeder.</summary>
public sealed class Caller(IHttpContextAccessor http)
{
    public const string RoleClaim = "mkp:role";
    private (string Id, Role Role)? _actingAs;

    public void ActAs(string id, Role role) => _actingAs = (id, role);

    public string Id => _actingAs?.Id
        ?? Principal?.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new UnauthorizedAccessException("The request is not authenticated.");

    public Role Role => _actingAs?.Role
        ?? (Wire.TryParse<Role>(Principal?.FindFirstValue(RoleClaim), out var role) ? role
            : throw new UnauthorizedAccessException("The request is not authenticated."));

    /// <summary>
    /// The client's IP address as ASP.NET sees it: the peer of the connection (behind a reverse proxy that is the proxy,
    /// unless forwarded headers are configured); null when the work comes from no request (the command line, the seeder).
    /// A dual-stack socket reports an IPv4 client as ::ffff:a.b.c.d; it is written as the IPv4 address people know.
    /// </summary>
    public string? Address => http.HttpContext?.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : null;

    public void Require(Role role, string what)
    {
        if (Role != role) throw new ForbiddenException($"Only a {Wire.Name(role)} may {what}.");
    }

    private ClaimsPrincipal? Principal => http.HttpContext?.User;
}
