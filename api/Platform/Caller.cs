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

    public void Require(Role role, string what)
    {
        if (Role != role) throw new ForbiddenException($"Only a {Wire.Name(role)} may {what}.");
    }

    private ClaimsPrincipal? Principal => http.HttpContext?.User;
}
