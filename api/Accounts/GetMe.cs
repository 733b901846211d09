using MediatR;
using Marketplace.Platform;

namespace Marketplace.Accounts;

/// <summary>Who is signed in: the account with whether its address is confirmed, two-step sign-in is on, and new terms wait.</summary>
public static class GetMe
{
    public sealed record Query : IRequest<Account>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Account>
    {
        public async Task<Account> Handle(Query query, CancellationToken ct)
        {
            return await Account.ReadAsync(db, caller.Id) ?? throw new NotFoundException("The signed-in account no longer exists.");
        }
    }

    public static void Map(IEndpointRouteBuilder accounts) =>
        accounts.MapGet("/me", (IMediator mediator) => mediator.Send(new Query()))
            .RequireAuthorization()
            .WithName("GetMe")
            .Produces<Account>().ProducesProblem(401);
}
