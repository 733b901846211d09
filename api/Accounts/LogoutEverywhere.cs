using MediatR;
using Marketplace.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Marketplace.Accounts;

/// <summary>
/// "Sign out everywhere": every session of the person ends, this browser's included, e.g. after leaving a shared
/// PC signed in: each ends on the server at once (OWASP ASVS 5.0 V7.4.1). Every API token is revoked too
/// (<see cref="AccessEnded"/>), so that the owner's recovery after a takeover ends an attacker's token as well.
/// </summary>
public static class LogoutEverywhere
{
    public sealed record Command : ICommand<Unit>;

    public sealed class Handler(Sessions sessions, Caller caller) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            caller.RequireSignedInPerson("sign out everywhere");
            await sessions.EndAllAsync(caller.Id, AccessEndedBy.SignOutEverywhere);
            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder accounts) =>
        accounts.MapPost("/auth/logout-all", async (IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new Command());
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithName("LogoutEverywhere")
            .ProducesProblem(401).ProducesProblem(403);
}
