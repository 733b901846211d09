using MediatR;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary><c>GET /api/me/tasks</c>: the caller's tasks across its teams, the soonest due first.</summary>
public static class ListMyTasks
{
    public sealed record Query : IRequest<IReadOnlyList<TeamTask>>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<TeamTask>>
    {
        public async Task<IReadOnlyList<TeamTask>> Handle(Query query, CancellationToken ct) =>
            await db.QueryAsync<TeamTask>(TeamTask.MineSql, new { Me = caller.Id });
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapGet("/me/tasks", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("ListMyTasks");
}
