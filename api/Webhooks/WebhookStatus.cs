namespace Marketplace.Webhooks;

/// <summary>A subscription is sent events while active; disabled by its owner, or after three days of failed deliveries.</summary>
public enum WebhookSubscriptionStatus { Active, Disabled }

/// <summary>A delivery waits (and is retried) while pending; delivered on a 2xx answer; failed once its retries ran out.</summary>
public enum WebhookDeliveryStatus { Pending, Delivered, Failed }
