using System.Security.Claims;

namespace Marketplace.Platform;

/// <summary>
/// Office: the staff of a town's programme (issue 29), invited by an administrator; like administrators they sign in with
/// two-step codes, and they act on their own programme only.
/// </summary>
public enum Role { Business, Worker, Producer, Administrator, Office }

/// <summary>Who sends the current request: set from the authenticated principal, or by the demo seeder.</summary>
public sealed class Caller(IHttpContextAccessor http, IStaffRequirement? staff = null)
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
        // Every staff action goes through RequireAdministratorAsync or RequireOfficeAsync, so that none skips IStaffRequirement.
        if (role is Role.Administrator or Role.Office) throw new InvalidOperationException("Use RequireAdministratorAsync or RequireOfficeAsync for staff actions.");
        if (Role != role) throw new ForbiddenException($"Only a {WireName.Of(role)} may {what}.");
    }

    /// <summary>
    /// The one check of every administrator action (they confirm money): the caller is an administrator and meets what
    /// the app requires of staff (<see cref="IStaffRequirement"/>, read in the request's <paramref name="db"/>), else
    /// 403 saying what to do first.
    /// </summary>
    public Task RequireAdministratorAsync(DbSession db, string what) => RequireStaffRoleAsync(db, Role.Administrator, $"Only an administrator may {what}.");

    /// <summary>
    /// The role check of every action of a programme's office: the caller is office staff and meets what the app
    /// requires of staff. Which programme it may act on is the feature's to decide (its own only).
    /// </summary>
    public Task RequireOfficeAsync(DbSession db, string what) => RequireStaffRoleAsync(db, Role.Office, $"Only a programme's office may {what}.");

    /// <summary>Whether the caller is staff of either kind (for reads that both an office and an administrator make).</summary>
    public bool IsStaff => IsSignedIn && Role is Role.Administrator or Role.Office;

    /// <summary>Administrators or office staff, each meeting what the app requires of staff; else 403.</summary>
    public Task RequireStaffAsync(DbSession db, string what) =>
        Role == Role.Office ? RequireOfficeAsync(db, what) : RequireAdministratorAsync(db, what);

    private async Task RequireStaffRoleAsync(DbSession db, Role role, string refusal)
    {
        if (Role != role) throw new ForbiddenException(refusal);
        // Fails closed: without a requirement registered, no staff action runs unchecked.
        if (staff is null)
            throw new InvalidOperationException("No IStaffRequirement is registered: staff actions are refused.");
        if (await staff.RefusalAsync(db, Id) is { } reason) throw new ForbiddenException(reason);
    }

    private ClaimsPrincipal? Principal => http.HttpContext?.User;
}
