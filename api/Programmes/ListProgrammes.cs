using MediatR;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>GET /api/programmes</c>: the programmes a signed-in person may know of. A worker sees every programme (to join
/// one), with its own membership; office staff their own programme; an administrator all of them. Few rows: a
/// programme is a town's.
/// </summary>
public static class ListProgrammes
{
    public sealed record Query : IRequest<IReadOnlyList<Programme>>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<Programme>>
    {
        public async Task<IReadOnlyList<Programme>> Handle(Query query, CancellationToken ct)
        {
            _ = caller.Id;
            var rows = caller.Role == Role.Office
                ? await db.QueryAsync<GetProgramme.Row>(
                    """
                    SELECT p.id, p.name, p.prefecture, p.created_at FROM programmes p
                    JOIN programme_staff s ON s.programme_id = p.id WHERE s.user_id = @Me
                    """, new { Me = caller.Id })
                : await db.QueryAsync<GetProgramme.Row>("SELECT p.id, p.name, p.prefecture, p.created_at FROM programmes p");
            var programmes = new List<Programme>();
            // Programmes are a few towns: read whole, ordered here.
            foreach (var row in rows.OrderBy(r => r.Id, StringComparer.Ordinal)) programmes.Add(await GetProgramme.ReadAsync(db, caller, row));
            return programmes;
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapGet("/programmes", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("ListProgrammes").ProducesProblem(401);
}
