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

    /// <summary>
    /// Reads, for everyone told, the notices of <paramref name="kind"/> about a job once what they asked for is done, by
    /// whoever did it: a job's new bids once it is awarded. A trial found the business's bid notices still unread, and
    /// counted on the menu, after the award. On each reader's unread (ix_notifications_unread): the job's business side.
    /// </summary>
    public static Task<int> HandledOnJobAsync(DbSession db, NotificationKind kind, string jobId, DateTimeOffset now) =>
        db.ExecuteAsync(
            """
            UPDATE notifications SET read_at = @Now
            WHERE read_at IS NULL AND kind = @Kind AND job_id = @JobId
              AND user_id IN (SELECT a.user_id FROM job_audience a WHERE a.job_id = @JobId AND a.relation IN ('business', 'producer'))
            """, new { Kind = WireName.Of(kind), JobId = jobId, Now = now });

    /// <summary>
    /// The same for a contract's notices: its deliveries to review once the work is sent back or the contract closes (a
    /// trial found both delivery notices unread after the acceptance). On each party's unread.
    /// </summary>
    public static Task<int> HandledOnContractAsync(DbSession db, NotificationKind kind, string contractId, DateTimeOffset now) =>
        db.ExecuteAsync(
            """
            UPDATE notifications SET read_at = @Now
            WHERE read_at IS NULL AND kind = @Kind AND contract_id = @ContractId
              AND user_id IN (SELECT p.user_id FROM contract_parties p WHERE p.contract_id = @ContractId)
            """, new { Kind = WireName.Of(kind), ContractId = contractId, Now = now });
}
