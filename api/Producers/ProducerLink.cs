using Marketplace.Platform;

namespace Marketplace.Producers;

/// <summary>pending → active (the producer accepted) or declined; a pending or active link can be ended by either side.</summary>
public enum ProducerLinkStatus { Pending, Active, Declined, Ended }

/// <summary>A business's permission for a producer to act for it, with the producer's brokerage fee.</summary>
public sealed record ProducerLink
{
    /// <summary>The <c>producer_link_details</c> row: the fee is stored in basis points so yen arithmetic stays exact.</summary>
    internal sealed class Row
    {
        public string Id { get; init; } = "";
        public string BusinessId { get; init; } = "";
        public string BusinessName { get; init; } = "";
        public string ProducerId { get; init; } = "";
        public string ProducerName { get; init; } = "";
        public bool CanPostJobs { get; init; }
        public bool CanAward { get; init; }
        public long FeeRateBps { get; init; }
        public ProducerLinkStatus Status { get; init; }
        public DateTimeOffset CreatedAt { get; init; }

        public ProducerLink ToLink() => new()
        {
            Id = Id, BusinessId = BusinessId, BusinessName = BusinessName, ProducerId = ProducerId, ProducerName = ProducerName,
            CanPostJobs = CanPostJobs, CanAward = CanAward, FeeRate = FeeRateBps / 10_000m, Status = Status, CreatedAt = CreatedAt,
        };
    }

    public required string Id { get; init; }
    public required string BusinessId { get; init; }
    public required string BusinessName { get; init; }
    public required string ProducerId { get; init; }
    public required string ProducerName { get; init; }
    public required bool CanPostJobs { get; init; }
    public required bool CanAward { get; init; }
    /// <summary>The producer's fee as a fraction of the contract amount (0 to 0.3).</summary>
    public required decimal FeeRate { get; init; }
    public required ProducerLinkStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    internal const string ReadSql = "SELECT l.* FROM producer_link_details l WHERE l.id = @Id";

    /// <summary>The link, for its business or its producer; to anyone else it does not exist.</summary>
    internal static async Task<ProducerLink> ForPartyAsync(DbSession db, string id, string callerId) =>
        (await db.QuerySingleOrDefaultAsync<Row>(
            "SELECT l.* FROM producer_link_details l WHERE l.id = @Id AND (l.business_id = @Me OR l.producer_id = @Me)",
            new { Id = id, Me = callerId }))?.ToLink() ?? throw new NotFoundException("No such producer link.");

    /// <summary>
    /// Moves the link from one of <paramref name="from"/> to <paramref name="to"/> in one conditional UPDATE, so that two
    /// requests racing (an accept and an end) cannot both move it; a link found in another state is a 409 (linkStatus).
    /// Answers the link as it is now.
    /// </summary>
    internal static async Task<ProducerLink> MoveAsync(DbSession db, ProducerLink link, ProducerLinkStatus[] from, ProducerLinkStatus to,
        DateTimeOffset now)
    {
        var changed = await db.ExecuteAsync(
            "UPDATE producer_links SET status = @To, changed_at = @Now WHERE id = @Id AND status IN @From",
            new { link.Id, To = WireName.Of(to), From = from.Select(WireName.Of).ToArray(), Now = now });
        if (changed == 0) throw new ConflictException($"The link is {WireName.Of(link.Status)}.", ConflictCode.LinkStatus);
        return (await db.QuerySingleAsync<Row>(ReadSql, new { link.Id })).ToLink();
    }
}
