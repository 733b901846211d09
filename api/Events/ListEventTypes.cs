using MediatR;

namespace Marketplace.Events;

/// <summary>A type of event as the API describes it.</summary>
public sealed record EventTypeInfo(string Name, string Description, IReadOnlyList<string> Ids);

/// <summary><c>GET /api/events/types</c>: every type of event the feed and the webhooks carry, with the ids each carries.</summary>
public static class ListEventTypes
{
    public sealed record Query : IRequest<IReadOnlyList<EventTypeInfo>>;

    public sealed class Handler : IRequestHandler<Query, IReadOnlyList<EventTypeInfo>>
    {
        public Task<IReadOnlyList<EventTypeInfo>> Handle(Query query, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<EventTypeInfo>>(EventTypes.All.Select(t => new EventTypeInfo(t.Name, t.Description, t.Ids)).ToList());
    }

    public static void Map(IEndpointRouteBuilder events) =>
        events.MapGet("/events/types", (IMediator mediator) => mediator.Send(new Query())).WithName("ListEventTypes");
}
