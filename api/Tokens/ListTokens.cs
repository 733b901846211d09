using MediatR;
using Marketplace.Platform;

namespace Marketplace.Tokens;

/// <summary>The caller's tokens that are not revoked, never their secrets.</summary>
public static class ListTokens
{
    public sealed record Query : IRequest<IReadOnlyList<ApiToken>>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<ApiToken>>
    {
        public async Task<IReadOnlyList<ApiToken>> Handle(Query query, CancellationToken ct)
        {
            var rows = await db.QueryAsync<ApiToken>(
                "SELECT id, name, created_at FROM api_tokens WHERE user_id = @Id AND revoked_at IS NULL ORDER BY id DESC",
                new { caller.Id });
            return rows;
        }
    }

    public static void Map(IEndpointRouteBuilder tokens) =>
        tokens.MapGet("", (IMediator mediator) => mediator.Send(new Query())).WithName("ListTokens").ProducesProblem(401);
}
