using MediatR;
using Marketplace.Platform;

namespace Marketplace.Programmes;

/// <summary>
/// <c>GET /api/badges</c>: every badge a course grants, with its programme, for anyone signed in: a business names one
/// on a beginner job, a producer filters worker search by one. Badges are public on profiles anyway.
/// </summary>
public static class ListBadges
{
    public sealed record Query : IRequest<IReadOnlyList<Badge>>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<Badge>>
    {
        public async Task<IReadOnlyList<Badge>> Handle(Query query, CancellationToken ct)
        {
            _ = caller.Id;
            // Badges are a few per programme: read them all and order them here.
            return (await db.QueryAsync<Badge>("SELECT b.id, b.programme_id, p.name AS programme_name, b.name FROM badges b JOIN programmes p ON p.id = b.programme_id"))
                .OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder programmes) =>
        programmes.MapGet("/badges", (IMediator mediator) => mediator.Send(new Query()))
            .WithName("ListBadges").ProducesProblem(401);
}
