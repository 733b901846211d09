using System.Text;
using System.Text.Json;
using Marketplace.Events;
using Marketplace.Notifications;
using Marketplace.Platform;
using Microsoft.Extensions.Options;

namespace Marketplace.Webhooks;

/// <summary>
/// Sends the webhook outbox (WebhookOutbox.cs) every <c>Webhooks:SendIntervalSeconds</c>, run by the platform's
/// scheduler. Due deliveries are claimed with a lease in one conditional UPDATE, as the mail outbox is, so two nodes
/// never send the same delivery at once; a result is written only by the sender holding the lease. Each message is
/// signed per the Standard Webhooks specification (WebhookSignature.cs) and POSTed through the address guard
/// (WebhookAddresses.cs), following no redirect. A 2xx answer delivers it; anything else (another status, a timeout, a
/// refused address) is tried again after <see cref="Retries"/>, about three days in all; when the last attempt fails the
/// delivery has failed and the subscription is disabled, and its owner is told (a notification and its mail).
/// Delivery is at least once: a node that dies after the receiver's 2xx and before the mark sends again when the lease
/// ends; receivers drop a <c>webhook-id</c> they have seen.
/// </summary>
public sealed class WebhookSender : IPeriodicWork, IDisposable
{
    /// <summary>
    /// The waits before each retry: 1 and 5 minutes, half an hour, 2, 5, 10, 14, 20 and 21 hours — ten attempts over
    /// a little more than three days (72.6 hours), so a receiver down over a long weekend's day misses nothing.
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> Retries =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5),
        TimeSpan.FromHours(10), TimeSpan.FromHours(14), TimeSpan.FromHours(20), TimeSpan.FromHours(21),
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly WebhookOptions _options;
    private readonly ILogger<WebhookSender> _logger;
    private readonly HttpClient _http;

    public WebhookSender(IServiceScopeFactory scopes, TimeProvider clock, IOptions<WebhookOptions> options, ILogger<WebhookSender> logger)
    {
        _scopes = scopes;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
        _http = new HttpClient(WebhookAddresses.Handler(_options.AllowLoopback)) { Timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds) };
    }

    public string Name => "webhooks";
    public TimeSpan Every => TimeSpan.FromSeconds(_options.SendIntervalSeconds);

    /// <summary>Claims up to 50 due deliveries of active subscriptions; the outer conditions repeat the inner ones so the UPDATE decides the claim.</summary>
    internal const string ClaimSql = """
        UPDATE webhook_deliveries SET lease = @Lease, lease_until = @Until
        WHERE status = 'pending' AND next_attempt_at <= @Now AND (lease_until IS NULL OR lease_until < @Now)
          AND id IN (SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
                     WHERE d.status = 'pending' AND d.next_attempt_at <= @Now AND (d.lease_until IS NULL OR d.lease_until < @Now)
                       AND s.status = 'active'
                     ORDER BY d.next_attempt_at, d.sequence LIMIT 50)
        """;

    private sealed class Claimed
    {
        public string Id { get; init; } = "";
        public long Sequence { get; init; }
        public int Attempts { get; init; }
        public string SubscriptionId { get; init; } = "";
        public string AccountId { get; init; } = "";
        public string Url { get; init; } = "";
        public string Secret { get; init; } = "";
        public string? PreviousSecret { get; init; }
        public DateTimeOffset? PreviousSecretUntil { get; init; }
        public string EventId { get; init; } = "";
        public string Type { get; init; } = "";
        public DateTimeOffset OccurredAt { get; init; }
        public string Data { get; init; } = "{}";
    }

    /// <summary>One pass: claims due deliveries, sends them, writes each result. Answers how many were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var now = _clock.GetUtcNow();
        var lease = Guid.NewGuid().ToString("N");
        if (await db.ExecuteAsync(ClaimSql, new { Lease = lease, Until = now.AddSeconds(_options.LeaseSeconds), Now = now }) == 0) return 0;
        var claimed = await db.QueryAsync<Claimed>(
            """
            SELECT d.id, d.sequence, d.attempts, d.subscription_id, s.account_id, s.url, s.secret, s.previous_secret, s.previous_secret_until,
                   e.id AS event_id, e.type, e.occurred_at, e.data
            FROM webhook_deliveries d
            JOIN webhook_subscriptions s ON s.id = d.subscription_id
            JOIN events e ON e.sequence = d.sequence
            WHERE d.lease = @Lease
            """, new { Lease = lease });
        var delivered = 0;
        foreach (var delivery in claimed.OrderBy(d => d.Sequence))
        {
            var (code, error) = await SendAsync(delivery, ct);
            var at = _clock.GetUtcNow();
            if (code is >= 200 and < 300)
            {
                await db.ExecuteAsync(
                    """
                    UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_attempt_at = @At, last_response_code = @Code,
                                                  last_error = NULL, delivered_at = @At, lease = NULL, lease_until = NULL
                    WHERE id = @Id AND lease = @Lease
                    """, new { delivery.Id, Lease = lease, At = at, Code = code });
                delivered++;
                continue;
            }
            var attempts = delivery.Attempts + 1;
            var gaveUp = attempts > Retries.Count;
            _logger.LogWarning("Webhook delivery {Id} failed (attempt {Attempts}{Final}): {Code} {Error}",
                delivery.Id, attempts, gaveUp ? ", giving up" : "", code, error);
            await db.InTransactionAsync(async () =>
            {
                var written = await db.ExecuteAsync(
                    """
                    UPDATE webhook_deliveries SET status = @Status, attempts = @Attempts, next_attempt_at = @Next, last_attempt_at = @At,
                                                  last_response_code = @Code, last_error = @Error, lease = NULL, lease_until = NULL
                    WHERE id = @Id AND lease = @Lease
                    """,
                    new
                    {
                        delivery.Id, Lease = lease, At = at, Code = code, Error = error, Attempts = attempts,
                        Status = WireName.Of(gaveUp ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending),
                        Next = gaveUp ? at : at + Retries[attempts - 1],
                    });
                if (written == 1 && gaveUp) await DisableAsync(db, delivery, at);
                return written;
            }, ct);
        }
        return delivered;
    }

    /// <summary>Three days of failures: the subscription stops (once, whichever delivery failed last) and its owner is told.</summary>
    private static async Task DisableAsync(DbSession db, Claimed delivery, DateTimeOffset now)
    {
        var disabled = await db.ExecuteAsync(
            """
            UPDATE webhook_subscriptions SET status = 'disabled', disabled_at = @Now, disabled_reason = @Reason
            WHERE id = @Id AND status = 'active'
            """,
            new { Id = delivery.SubscriptionId, Now = now, Reason = $"Deliveries to {delivery.Url} failed for three days." });
        if (disabled == 1)
            await Notify.ToAsync(db, delivery.AccountId, NotificationKind.WebhookDisabled,
                $"Webhook deliveries to {delivery.Url} failed for three days; the webhook is disabled. Enable it and replay what it missed once the receiver works.",
                $"webhook-disabled:{delivery.SubscriptionId}:{now.ToUnixTimeSeconds()}", now);
    }

    /// <summary>POSTs one signed message; answers the receiver's status (none when it was not reached) and what went wrong.</summary>
    private async Task<(int? Code, string? Error)> SendAsync(Claimed delivery, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new FeedEvent
        {
            Sequence = delivery.Sequence, Id = delivery.EventId, Type = delivery.Type, OccurredAt = delivery.OccurredAt,
            Data = JsonSerializer.Deserialize<Dictionary<string, string>>(delivery.Data, StoredJson.Options) ?? [],
        }, Json);
        var now = _clock.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        var secrets = delivery.PreviousSecret is not null && delivery.PreviousSecretUntil > now
            ? new[] { delivery.Secret, delivery.PreviousSecret } : [delivery.Secret];
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", delivery.EventId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Header(delivery.EventId, timestamp, body, secrets));
        request.Headers.UserAgent.ParseAdd("Marketplace-Webhooks/1");
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var code = (int)response.StatusCode;
            return (code, code is >= 200 and < 300 ? null : $"HTTP {code}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or WebhookAddressRefusedException)
        {
            // The guard's refusal arrives inside the HttpRequestException the connect callback's exception becomes.
            var reason = (e.InnerException as WebhookAddressRefusedException)?.Message ?? (e is TaskCanceledException ? "No answer in time." : e.Message);
            return (null, reason.Length > 500 ? reason[..500] : reason);
        }
    }

    async Task IPeriodicWork.RunAsync(CancellationToken ct)
    {
        var delivered = await RunOnceAsync(ct);
        if (delivered > 0) _logger.LogInformation("Delivered {Count} webhooks", delivered);
    }

    public void Dispose() => _http.Dispose();
}
