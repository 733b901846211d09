using Dapper;
using MediatR;
using Marketplace.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Marketplace.Accounts;

public static class Me
{
    public sealed record Query : IRequest<Account>;

    public sealed class Handler(Db db, Caller caller) : IRequestHandler<Query, Account>
    {
        public async Task<Account> Handle(Query query, CancellationToken ct)
        {
            await using var connection = await db.OpenAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(
                "SELECT id, email, display_name, role, password_hash FROM users WHERE id = @Id", new { caller.Id });
            return row?.ToAccount() ?? throw new NotFoundException("The signed-in account no longer exists.");
        }
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/me", (IMediator mediator) => mediator.Send(new Query()))
            .RequireAuthorization()
            .WithTags("Accounts").WithName("GetMe")
            .Produces<Account>().ProducesProblem(401);

        api.MapPost("/auth/logout", async (HttpContext http) =>
            {
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return TypedResults.NoContent();
            })
            .AllowAnonymous()
            .WithTags("Accounts").WithName("Logout")
            .ProducesProblem(403);
    }
}
