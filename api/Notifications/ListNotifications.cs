using MediatR;
using Marketplace.Platform;

namespace Marketplace.Notifications;

public sealed record NotificationList(IReadOnlyList<Notification> Items, int UnreadCount);

/// <summary>The caller's newest 50 notifications and how many are unread.</summary>
public static class ListNotifications
{
    public sealed record Query : IRequest<NotificationList>;

    /// <summary>
    /// Newest first on ix_notifications_user (user_id, id); the job and the party are looked up by primary key. The
    /// party is the one stored (who bid, who invited), else the contract's other side for its business or worker,
    /// else the job's business (for a worker or a producer reading about it).
    /// </summary>
    internal const string Sql = """
        SELECT n.id, n.kind, n.message, n.job_id, n.contract_id, n.created_at, n.read_at,
               j.title AS job_title, p.display_name AS party_name, p.role AS party_role,
               -- A question to the office is named by the notification's event key: the ticket, or one reply to it.
               CASE WHEN n.kind IN ('ticketReceived', 'ticketAnswered') THEN COALESCE(
                   (SELECT t.id FROM support_tickets t WHERE n.event_key = 'ticket:' || t.id),
                   (SELECT r.ticket_id FROM support_ticket_replies r WHERE n.event_key = 'ticket-reply:' || r.id)) END AS ticket_id
        FROM notifications n
        LEFT JOIN contracts c ON c.id = n.contract_id
        LEFT JOIN jobs j ON j.id = COALESCE(n.job_id, c.job_id)
        LEFT JOIN users p ON p.id = COALESCE(n.party_id,
            CASE WHEN c.business_id = n.user_id THEN c.worker_id
                 WHEN c.worker_id = n.user_id THEN c.business_id
                 WHEN j.business_id = n.user_id THEN NULL
                 ELSE j.business_id END)
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
