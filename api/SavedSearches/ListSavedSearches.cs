using MediatR;
using Marketplace.Platform;

namespace Marketplace.SavedSearches;

/// <summary>The caller's saved searches, newest first (at most <see cref="SavedSearchRules.MaxPerWorker"/>).</summary>
public static class ListSavedSearches
{
    public sealed record Query : IRequest<IReadOnlyList<SavedSearch>>;

    /// <summary>On ix_saved_searches_worker (worker_id, id).</summary>
    internal const string Sql = """
        SELECT s.id, s.name, s.q, s.category, s.region, s.min_budget, s.max_budget, s.created_at
        FROM saved_searches s WHERE s.worker_id = @Me ORDER BY s.id DESC LIMIT 100
        """;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<SavedSearch>>
    {
        public async Task<IReadOnlyList<SavedSearch>> Handle(Query query, CancellationToken ct)
        {
            caller.Require(Role.Worker, "keep saved job searches");
            return await db.QueryAsync<SavedSearch>(Sql, new { Me = caller.Id });
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/me/saved-searches", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("ListSavedSearches").ProducesProblem(403);
}
