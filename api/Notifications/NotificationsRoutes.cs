using Marketplace.Platform;
namespace Marketplace.Notifications;

/// <summary>Every route of the notifications feature, mapped from here.</summary>
public static class NotificationsRoutes
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var notifications = api.MapGroup("").RequireAuthorization().WithTags("Notifications").RequireScope(TokenScope.Read);
        ListNotifications.Map(notifications);
        MarkNotificationRead.Map(notifications);
        MarkNotificationsRead.Map(notifications);
    }
}
