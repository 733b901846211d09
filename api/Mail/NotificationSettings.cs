using Marketplace.Notifications;
using Marketplace.Platform;

namespace Marketplace.Mail;

/// <summary>How one kind of notification goes out by mail.</summary>
public sealed record KindSetting(NotificationKind Kind, MailDelivery Delivery);

/// <summary>The caller's mail settings: every kind of notification, with its delivery (no row = at once).</summary>
public sealed record NotificationSettingsView(IReadOnlyList<KindSetting> Kinds);

/// <summary>A person's mail settings, one row per kind of notification they changed: read whole, set one kind at a time.</summary>
internal static class NotificationSettings
{
    private sealed class Row
    {
        public string Kind { get; init; } = "";
        public string Delivery { get; init; } = "";
    }

    public static async Task<NotificationSettingsView> ReadAsync(DbSession db, string userId)
    {
        var rows = (await db.QueryAsync<Row>("SELECT s.kind, s.delivery FROM notification_settings s WHERE s.user_id = @Me", new { Me = userId }))
            .ToDictionary(r => r.Kind, r => WireName.TryParse<MailDelivery>(r.Delivery, out var d) ? d : MailDelivery.Immediately);
        return new NotificationSettingsView(Enum.GetValues<NotificationKind>()
            .Select(k => new KindSetting(k, rows.GetValueOrDefault(WireName.Of(k), MailDelivery.Immediately))).ToList());
    }

    public static Task<int> SetAsync(DbSession db, string userId, NotificationKind kind, MailDelivery delivery) =>
        db.ExecuteAsync(db.Dialect.Upsert("notification_settings", ["user_id", "kind"], ["user_id", "kind", "delivery"]),
            new { user_id = userId, kind = WireName.Of(kind), delivery = WireName.Of(delivery) });
}
