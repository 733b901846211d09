namespace Marketplace.Webhooks;

/// <summary>An account's webhook subscription as its owner reads it (never its secret, which is shown once).</summary>
public sealed record Webhook
{
    public required string Id { get; init; }
    public required string Url { get; init; }
    public required IReadOnlyList<string> EventTypes { get; init; }
    public required WebhookSubscriptionStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DisabledAt { get; init; }
    /// <summary>Why it was disabled: its owner's call, or deliveries that kept failing for three days.</summary>
    public string? DisabledReason { get; init; }
}

/// <summary>A subscription just made, or given a new secret: the only answers that show the signing secret.</summary>
public sealed record WebhookWithSecret
{
    public required Webhook Webhook { get; init; }
    /// <summary>The <c>whsec_</c> secret the deliveries are signed with; shown this once.</summary>
    public required string Secret { get; init; }
    /// <summary>After a rotation, until when the previous secret still signs each delivery too.</summary>
    public DateTimeOffset? PreviousSecretValidUntil { get; init; }
}

/// <summary>One delivery of an event to a subscription: the delivery log.</summary>
public sealed record WebhookDelivery
{
    public required string Id { get; init; }
    public required long Sequence { get; init; }
    public required string EventId { get; init; }
    public required string EventType { get; init; }
    public required WebhookDeliveryStatus Status { get; init; }
    public required int Attempts { get; init; }
    public DateTimeOffset? LastAttemptAt { get; init; }
    /// <summary>The receiver's HTTP status at the last attempt; none when it could not be reached.</summary>
    public int? LastResponseCode { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The limits of a subscription, shared by its validators and the docs.</summary>
public static class WebhookRules
{
    public const int UrlMax = 2000;
    public const int MaxEventTypes = 50;
    public const int MaxPerAccount = 10;
    /// <summary>How long the previous secret keeps signing after a rotation, so a receiver can switch without losing a message.</summary>
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);
}
