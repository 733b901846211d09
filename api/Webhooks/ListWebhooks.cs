using MediatR;
using Marketplace.Platform;

namespace Marketplace.Webhooks;

/// <summary><c>GET /api/webhooks</c>: the caller's own subscriptions.</summary>
public static class ListWebhooks
{
    public sealed record Query : IRequest<IReadOnlyList<Webhook>>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<Webhook>>
    {
        public Task<IReadOnlyList<Webhook>> Handle(Query query, CancellationToken ct) => WebhookQueries.OwnAsync(db, caller.Id);
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/webhooks", (IMediator mediator) => mediator.Send(new Query())).WithName("ListWebhooks");
}
