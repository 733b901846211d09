using MediatR;
using Marketplace.Platform;

namespace Marketplace.Accounts;

/// <summary>Who is signed in.</summary>
public static class GetMe
{
    public sealed record Query : IRequest<Account>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Account>
    {
        public async Task<Account> Handle(Query query, CancellationToken ct)
        {
            var row = await db.QuerySingleOrDefaultAsync<AccountRow>(
                "SELECT id, email, display_name, role, password_hash, language FROM users WHERE id = @Id", new { caller.Id });
            return row?.ToAccount() ?? throw new NotFoundException("The signed-in account no longer exists.");
        }
    }

    public static void Map(IEndpointRouteBuilder accounts) =>
        accounts.MapGet("/me", (IMediator mediator) => mediator.Send(new Query()))
            .RequireAuthorization()
            .WithName("GetMe")
            .Produces<Account>().ProducesProblem(401);
}
