using MediatR;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary><c>GET /api/me/unavailability</c>: the caller's marked days that have not ended yet, the soonest ending first.</summary>
public static class ListMyUnavailability
{
    public sealed record Query : IRequest<IReadOnlyList<Unavailability>>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<Unavailability>>
    {
        public async Task<IReadOnlyList<Unavailability>> Handle(Query query, CancellationToken ct) =>
            await db.QueryAsync<Unavailability>(Unavailability.MineSql,
                new { Me = caller.Id, Now = clock.GetUtcNow() });
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapGet("/me/unavailability", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("ListMyUnavailability");
}
