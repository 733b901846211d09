using MediatR;
using Marketplace.Platform;

namespace Marketplace.Producers;

/// <summary>A worker's invitations, newest 100 first.</summary>
public static class ListMyInvitations
{
    public sealed record Query : IRequest<IReadOnlyList<Invitation>>;

    /// <summary>Newest first, on ix_invitations_worker (worker_id, id).</summary>
    internal const string Sql = "SELECT i.* FROM invitation_details i WHERE i.worker_id = @Me ORDER BY i.id DESC LIMIT 100";

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<Invitation>>
    {
        public async Task<IReadOnlyList<Invitation>> Handle(Query query, CancellationToken ct)
        {
            caller.Require(Role.Worker, "receive invitations");
            return await db.QueryAsync<Invitation>(Sql, new { Me = caller.Id });
        }
    }

    public static void Map(IEndpointRouteBuilder producers) =>
        producers.MapGet("/me/invitations", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("ListMyInvitations").ProducesProblem(403);
}
