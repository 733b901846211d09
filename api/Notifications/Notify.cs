using Marketplace.Platform;

namespace Marketplace.Notifications;

/// <summary>The one call every feature uses to tell someone what happened.</summary>
public static class Notify
{
    /// <summary>
    /// Tells one user, inside the caller's transaction; the same event told twice is stored once (answer 0). A new
    /// notification also writes its mail to the outbox in the same transaction (Outbox.cs), as the person's
    /// settings say. <paramref name="partyId"/> names who caused an event that has no contract to name them (the worker
    /// who bid, the producer who invited); the list finds the parties of a contract or a job itself. <paramref name="teamId"/>
    /// names the team whose thread a team message came in.
    /// </summary>
    public static async Task<int> ToAsync(DbSession db, string userId, NotificationKind kind, string message, string eventKey, DateTimeOffset now,
        string? jobId = null, string? contractId = null, string? partyId = null, string? teamId = null)
    {
        var id = TimeOrderedId.New();
        var told = await db.ExecuteAsync(
            """
            INSERT INTO notifications (id, user_id, kind, message, job_id, contract_id, party_id, team_id, event_key, created_at)
            SELECT @Id, @UserId, @Kind, @Message, @JobId, @ContractId, @PartyId, @TeamId, @EventKey, @Now
            WHERE NOT EXISTS (SELECT 1 FROM notifications WHERE user_id = @UserId AND event_key = @EventKey)
            """,
            new { Id = id, UserId = userId, Kind = WireName.Of(kind), Message = message, JobId = jobId, ContractId = contractId, PartyId = partyId, TeamId = teamId,
                  EventKey = eventKey, Now = now });
        if (told == 1) await Outbox.EnqueueAsync(db, id, userId, kind, now);
        return told;
    }
}
