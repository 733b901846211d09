using Marketplace.Platform;

namespace Marketplace.Webhooks;

/// <summary>Reading a subscription back for its owner: shared by the webhook use cases that answer one.</summary>
internal static class WebhookQueries
{
    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Url { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? DisabledAt { get; init; }
        public string? DisabledReason { get; init; }
    }

    /// <summary>The caller's subscriptions (at most <see cref="WebhookRules.MaxPerAccount"/>), with their event types.</summary>
    public static async Task<IReadOnlyList<Webhook>> OwnAsync(DbSession db, string accountId)
    {
        var rows = await db.QueryAsync<Row>(
            """
            SELECT s.id, s.url, s.status, s.created_at, s.disabled_at, s.disabled_reason FROM webhook_subscriptions s
            WHERE s.account_id = @Me
            """, new { Me = accountId });
        var types = (await db.QueryAsync<(string SubscriptionId, string EventType)>(
                """
                SELECT t.subscription_id, t.event_type FROM webhook_subscription_types t
                JOIN webhook_subscriptions s ON s.id = t.subscription_id
                WHERE s.account_id = @Me
                """, new { Me = accountId }))
            .OrderBy(t => t.EventType, StringComparer.Ordinal).ToLookup(t => t.SubscriptionId, t => t.EventType);
        // At most ten rows each: ordered here rather than by a sort in the database.
        return rows.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => new Webhook
        {
            Id = r.Id, Url = r.Url, EventTypes = types[r.Id].ToList(), Status = WireName.TryParse<WebhookSubscriptionStatus>(r.Status, out var status) ? status : WebhookSubscriptionStatus.Disabled,
            CreatedAt = r.CreatedAt, DisabledAt = r.DisabledAt, DisabledReason = r.DisabledReason,
        }).ToList();
    }

    public static async Task<Webhook> OneAsync(DbSession db, string accountId, string id) =>
        (await OwnAsync(db, accountId)).SingleOrDefault(w => w.Id == id) ?? throw new NotFoundException("No such webhook.");
}
