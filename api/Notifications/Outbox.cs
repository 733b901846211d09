using Marketplace.Platform;

namespace Marketplace.Notifications;

/// <summary>
/// Mail of a notification is written to the outbox in the notification's own transaction (Notify.ToAsync calls this),
/// so every kind of notification can go out by mail, and an event rolled back sends nothing (the transactional outbox
/// pattern: the notifications write their outbox, the mail feature's sender, Mail/MailSender.cs, empties it). The
/// person's setting for the kind (Mail/NotificationSettings.cs) decides: at once (no row or 'immediately'), in the
/// daily digest, or never.
/// </summary>
public static class Outbox
{
    public static Task<int> EnqueueAsync(DbSession db, string notificationId, string userId, NotificationKind kind, DateTimeOffset now) =>
        db.ExecuteAsync(
            """
            INSERT INTO mail_outbox (id, notification_id, user_id, digest, status, attempts, next_attempt_at, created_at)
            SELECT @Id, @NotificationId, u.id, CASE WHEN s.delivery = 'daily' THEN TRUE ELSE FALSE END, 'pending', 0,
                   CASE WHEN s.delivery = 'daily' THEN @DigestAt ELSE @Now END, @Now
            FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id AND s.kind = @Kind
            WHERE u.id = @UserId AND (s.delivery IS NULL OR s.delivery <> 'never')
            """,
            new { Id = TimeOrderedId.New(), NotificationId = notificationId, UserId = userId, Kind = WireName.Of(kind), Now = now,
                  DigestAt = NextDigest(now) });

    /// <summary>The next digest time after <paramref name="now"/>: 8:00 in Japan (UTC+9, no daylight saving), before the working day.</summary>
    public static DateTimeOffset NextDigest(DateTimeOffset now, int hourJst = 8)
    {
        var japan = JapanTime.Offset;
        var local = now.ToOffset(japan);
        var at = new DateTimeOffset(local.Year, local.Month, local.Day, hourJst, 0, 0, japan);
        return (at > now ? at : at.AddDays(1)).ToUniversalTime();
    }
}
