using Marketplace.Platform;
namespace Marketplace.Events;

/// <summary>Every route of the events feature, mapped from here.</summary>
public static class EventsRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var events = api.MapGroup("").RequireAuthorization().WithTags("Events").RequireScope(TokenScope.Read);
        ListEvents.Map(events);
        ListEventTypes.Map(events);
    }
}
