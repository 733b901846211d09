using MediatR;
using Marketplace.Platform;

namespace Marketplace.Teams;

/// <summary><c>GET /api/teams/{id}</c>: a team's public face, for anyone signed in (businesses choose teams by it).</summary>
public static class GetTeam
{
    public sealed record Query(string Id) : IRequest<Team>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, Team>
    {
        public async Task<Team> Handle(Query query, CancellationToken ct) =>
            await Teams.ReadAsync(db, query.Id, caller.Id) ?? throw new NotFoundException("No such team.");
    }

    public static void Map(IEndpointRouteBuilder teams) =>
        teams.MapGet("/teams/{id}", (string id, IMediator mediator) => mediator.Send(new Query(id)))
            .WithName("GetTeam").ProducesProblem(404);
}
