using MediatR;
using Marketplace.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Marketplace.Accounts;

/// <summary>
/// Signs the browser out: its session ends on the server, so a copy of the cookie saved before is refused too
/// (OWASP ASVS 5.0 V7.4.1), and the cookie is cleared.
/// </summary>
public static class Logout
{
    public sealed record Command : ICommand<Unit>;

    public sealed class Handler(Sessions sessions, Caller caller) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            // Signing out without a live session (never signed in, or already ended) only clears the cookie.
            if (caller.SessionId is { } id) await sessions.EndAsync(id);
            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder accounts) =>
        accounts.MapPost("/auth/logout", async (IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new Command());
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return TypedResults.NoContent();
            })
            .AllowAnonymous()
            .WithName("Logout")
            .ProducesProblem(403);
}
