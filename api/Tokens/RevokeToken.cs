using MediatR;
using Marketplace.Platform;

namespace Marketplace.Tokens;

/// <summary>
/// A person signed in with their password revokes one of their tokens. A token may not (403), as it may not make one: a
/// leaked token must not be able to revoke its owner's other tokens, nor to manage the account in any other way.
/// </summary>
public static class RevokeToken
{
    public sealed record Command(string Id) : ICommand<Unit>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock, ValidatedTokens validated) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            caller.RequireSignedInPerson("revoke an API token");
            // Another user's token id answers exactly like an unknown one.
            var revoked = await db.ExecuteAsync(
                "UPDATE api_tokens SET revoked_at = @Now WHERE id = @Id AND user_id = @UserId AND revoked_at IS NULL",
                new { command.Id, UserId = caller.Id, Now = clock.GetUtcNow() });
            if (revoked == 0) throw new NotFoundException("No such token.");
            // This node refuses it from the next request on; another node once its copy runs out (ValidatedTokens.Lifetime).
            db.AfterCommit(() => validated.ForgetToken(command.Id));
            return Unit.Value;
        }
    }

    public static void Map(IEndpointRouteBuilder tokens) =>
        tokens.MapDelete("/tokens/{id}", async (string id, IMediator mediator) =>
            {
                await mediator.Send(new Command(id));
                return TypedResults.NoContent();
            })
            .WithName("RevokeToken").ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
}
