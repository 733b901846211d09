using MediatR;
using Marketplace.Platform;

namespace Marketplace.Tokens;

/// <summary>The caller's tokens that are not revoked (expired ones too, so their owner sees them), never their secrets.</summary>
public static class ListTokens
{
    public sealed record Query : IRequest<IReadOnlyList<ApiToken>>;

    /// <summary>Newest first, on ix_api_tokens_user (user_id, id).</summary>
    internal const string Sql = "SELECT t.id, t.name, t.created_at, t.expires_at, t.last_used_at, t.scopes, t.all_scopes FROM api_tokens t WHERE t.user_id = @Id AND t.revoked_at IS NULL ORDER BY t.id DESC";

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? ExpiresAt { get; init; }
        public DateTimeOffset? LastUsedAt { get; init; }
        public string Scopes { get; init; } = "";
        public bool AllScopes { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<ApiToken>>
    {
        public async Task<IReadOnlyList<ApiToken>> Handle(Query query, CancellationToken ct)
        {
            var rows = await db.QueryAsync<Row>(Sql, new { caller.Id });
            return rows.Select(r => new ApiToken(
                r.Id, r.Name, r.CreatedAt, r.ExpiresAt, r.LastUsedAt,
                r.AllScopes ? TokenScopes.AllNames : r.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), r.AllScopes)).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder tokens) =>
        tokens.MapGet("/tokens", (IMediator mediator) => mediator.Send(new Query())).WithName("ListTokens").ProducesProblem(401);
}
