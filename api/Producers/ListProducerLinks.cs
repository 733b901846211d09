using MediatR;
using Marketplace.Platform;

namespace Marketplace.Producers;

/// <summary>A business's producers, or a producer's clients, newest first.</summary>
public static class ListProducerLinks
{
    public sealed record Query : IRequest<IReadOnlyList<ProducerLink>>;

    /// <summary>A business's links, on ix_producer_links_business (business_id, id).</summary>
    internal const string OfBusinessSql = "SELECT l.* FROM producer_link_details l WHERE l.business_id = @Me ORDER BY l.id DESC";

    /// <summary>A producer's links, on ix_producer_links_producer_id (producer_id, id).</summary>
    internal const string OfProducerSql = "SELECT l.* FROM producer_link_details l WHERE l.producer_id = @Me ORDER BY l.id DESC";

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<ProducerLink>>
    {
        public async Task<IReadOnlyList<ProducerLink>> Handle(Query query, CancellationToken ct) =>
            (await db.QueryAsync<ProducerLink.Row>(caller.Role == Role.Producer ? OfProducerSql : OfBusinessSql, new { Me = caller.Id }))
            .Select(r => r.ToLink()).ToList();
    }

    public static void Map(IEndpointRouteBuilder links) =>
        links.MapGet("/producer-links", (IMediator mediator) => mediator.Send(new Query())).WithName("ListProducerLinks");
}
