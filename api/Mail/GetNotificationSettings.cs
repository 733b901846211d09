using MediatR;
using Marketplace.Platform;

namespace Marketplace.Mail;

/// <summary><c>GET /api/me/notification-settings</c>.</summary>
public static class GetNotificationSettings
{
    public sealed record Query : IRequest<NotificationSettingsView>;

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, NotificationSettingsView>
    {
        public Task<NotificationSettingsView> Handle(Query query, CancellationToken ct) => NotificationSettings.ReadAsync(db, caller.Id);
    }

    public static void Map(IEndpointRouteBuilder mail) =>
        mail.MapGet("/me/notification-settings", (IMediator mediator) => mediator.Send(new Query())).WithName("GetNotificationSettings");
}
