using System.Text.Json;
using Marketplace.Platform;
using Marketplace.Webhooks;

namespace Marketplace.Events;

/// <summary>The one call every feature uses to say what changed, for integrations (the feed and the webhooks).</summary>
public static class EventFeed
{
    /// <summary>The ids that name an account: the event's readers include it.</summary>
    private static readonly HashSet<string> AccountIds = ["workerId", "businessId", "producerId", "accountId"];

    /// <summary>
    /// Records that <paramref name="type"/> happened, in the caller's transaction, with the ids involved (exactly the
    /// type's <see cref="EventType.Ids"/>: a missing or unknown one is a mistake in the code and throws). The event is
    /// written at the end of the transaction (<see cref="DbSession.BeforeCommit"/>), where it takes its sequence number
    /// in commit order: a feed reader that has seen number n has seen every committed event below n, so reading on
    /// "after n" never skips one. With it go who may read it (from the objects its ids name: a contract's parties, a
    /// job's business and producers, the accounts named) and its webhook deliveries (Webhooks/WebhookOutbox.cs). An event
    /// rolled back with its change is never numbered, read or sent.
    /// </summary>
    public static void Record(DbSession db, EventType type, DateTimeOffset now, params (string Name, string? Id)[] ids)
    {
        var data = ids.ToDictionary(i => i.Name, i => i.Id, StringComparer.Ordinal);
        if (!data.Keys.Order(StringComparer.Ordinal).SequenceEqual(type.Ids.Order(StringComparer.Ordinal)))
            throw new InvalidOperationException($"Event {type.Name} carries {string.Join(", ", type.Ids)}; it was given {string.Join(", ", data.Keys)}.");
        var id = TimeOrderedId.New();
        var json = JsonSerializer.Serialize(type.Ids.ToDictionary(name => name, name => data[name]), StoredJson.Options);
        var audience = type.Audience.ToHashSet(StringComparer.Ordinal);
        string? Of(string name) => audience.Contains(name) ? data.GetValueOrDefault(name) : null;
        var accounts = data.Where(d => audience.Contains(d.Key) && AccountIds.Contains(d.Key)).Select(d => d.Value).Distinct().ToArray();
        db.BeforeCommit(async () =>
        {
            var sequence = await db.NextInCommitOrderAsync("events");
            await db.ExecuteAsync(
                "INSERT INTO events (sequence, id, type, occurred_at, data) VALUES (@Sequence, @Id, @Type, @Now, @Data)",
                new { Sequence = sequence, Id = id, Type = type.Name, Now = now, Data = json });
            await db.ExecuteAsync(AudienceSql, new { Sequence = sequence, ContractId = Of("contractId"), JobId = Of("jobId"), Accounts = accounts });
            await WebhookOutbox.EnqueueAsync(db, sequence, id, type.Name, now);
        });
    }

    /// <summary>
    /// The event's readers, from the same rules as the objects it names: a contract's parties (its business, worker and
    /// the business's producers), a job's business and producers (not its other bidders), and each account named.
    /// </summary>
    internal const string AudienceSql = """
        INSERT INTO event_audience (account_id, sequence)
        SELECT x.user_id, @Sequence FROM (
            SELECT p.user_id FROM contract_parties p WHERE p.contract_id = @ContractId
            UNION
            SELECT a.user_id FROM job_audience a WHERE a.job_id = @JobId AND a.relation IN ('business', 'producer')
            UNION
            SELECT u.id AS user_id FROM users u WHERE u.id IN @Accounts
        ) x
        """;
}
