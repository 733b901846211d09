namespace Marketplace.Events;

/// <summary>One event of the feed (and the body of its webhook).</summary>
public sealed record FeedEvent
{
    /// <summary>The feed's order: each event's number is higher than every event committed before it. Read on with <c>after</c>.</summary>
    public required long Sequence { get; init; }
    /// <summary>The event's id; a webhook carries it as <c>webhook-id</c>, the same on every retry.</summary>
    public required string Id { get; init; }
    /// <summary>What happened: one of the types listed by <c>GET /api/events/types</c>.</summary>
    public required string Type { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>The ids of the objects involved, by name (<c>jobId</c>, <c>contractId</c>…), as the type lists them.</summary>
    public required IReadOnlyDictionary<string, string> Data { get; init; }
}

/// <summary>A page of the feed; <see cref="Next"/> is the <c>after</c> to read on with (the last sequence, or the one asked for).</summary>
public sealed record EventPage(IReadOnlyList<FeedEvent> Items, long Next);
