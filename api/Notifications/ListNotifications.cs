using MediatR;
using Marketplace.Platform;

namespace Marketplace.Notifications;

public sealed record NotificationList(IReadOnlyList<Notification> Items, int UnreadCount);

/// <summary>The caller's newest 50 notifications and how many are unread.</summary>
public static class ListNotifications
{
    public sealed record Query : IRequest<NotificationList>;

    /// <summary>Newest first on ix_notifications_user (user_id, id).</summary>
    internal const string Sql = """
        SELECT n.id, n.kind, n.message, n.job_id, n.contract_id, n.created_at, n.read_at FROM notifications n
        WHERE n.user_id = @Me ORDER BY n.id DESC LIMIT 50
        """;

    /// <summary>Counted on the partial index of unread rows, so it costs the unread count, not the history.</summary>
    internal const string UnreadSql = "SELECT COUNT(*) FROM notifications n WHERE n.user_id = @Me AND n.read_at IS NULL";

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, NotificationList>
    {
        public async Task<NotificationList> Handle(Query query, CancellationToken ct)
        {
            var items = await db.QueryAsync<Notification>(Sql, new { Me = caller.Id });
            var unread = await db.ExecuteScalarAsync<int>(UnreadSql, new { Me = caller.Id });
            return new NotificationList(items, unread);
        }
    }

    public static void Map(IEndpointRouteBuilder notifications) =>
        notifications.MapGet("/notifications", (IMediator mediator) => mediator.Send(new Query())).WithName("ListNotifications");
}
