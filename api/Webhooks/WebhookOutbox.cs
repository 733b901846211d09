using Marketplace.Platform;

namespace Marketplace.Webhooks;

/// <summary>
/// An event's webhook deliveries are written in the event's own transaction (EventFeed.Record calls this once the event has
/// its number and readers): one row per active subscription that asked for the type and whose account may read the event
/// (administrators read every event). The sender (WebhookSender.cs) empties it; an event rolled back sends nothing.
/// </summary>
public static class WebhookOutbox
{
    internal const string EnqueueSql = """
        INSERT INTO webhook_deliveries (id, subscription_id, sequence, status, attempts, next_attempt_at, created_at)
        SELECT s.id || ':' || @EventId, s.id, @Sequence, 'pending', 0, @Now, @Now
        FROM webhook_subscription_types t
        JOIN webhook_subscriptions s ON s.id = t.subscription_id
        JOIN users u ON u.id = s.account_id
        WHERE t.event_type = @Type AND s.status = 'active'
          AND (u.role = 'administrator'
               OR EXISTS (SELECT 1 FROM event_audience a WHERE a.account_id = s.account_id AND a.sequence = @Sequence))
        """;

    /// <summary>Writes the event's deliveries; each one's id is "{subscription}:{event id}".</summary>
    public static Task<int> EnqueueAsync(DbSession db, long sequence, string eventId, string type, DateTimeOffset now) =>
        db.ExecuteAsync(EnqueueSql, new { Sequence = sequence, EventId = eventId, Type = type, Now = now });
}
