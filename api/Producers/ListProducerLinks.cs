using MediatR;
using Marketplace.Platform;

namespace Marketplace.Producers;

/// <summary>A business's producers, or a producer's clients, newest first.</summary>
public static class ListProducerLinks
{
    public sealed record Query : IRequest<IReadOnlyList<ProducerLink>>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<ProducerLink>>
    {
        public async Task<IReadOnlyList<ProducerLink>> Handle(Query query, CancellationToken ct) =>
            (await db.QueryAsync<ProducerLink.Row>(
                "SELECT l.* FROM producer_link_details l WHERE l.business_id = @Me OR l.producer_id = @Me ORDER BY l.id DESC",
                new { Me = caller.Id })).Select(r => r.ToLink()).ToList();
    }

    public static void Map(IEndpointRouteBuilder links) =>
        links.MapGet("", (IMediator mediator) => mediator.Send(new Query())).WithName("ListProducerLinks");
}
