using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Webhooks;

/// <summary>
/// <c>GET /api/webhooks/{id}/deliveries?before={sequence}&amp;limit=</c>: a subscription's delivery log, newest first:
/// each event's status, attempts, the receiver's last answer and when the next attempt is due.
/// </summary>
public static class ListWebhookDeliveries
{
    public const int MaxLimit = 200;

    public sealed record Query : IRequest<IReadOnlyList<WebhookDelivery>>
    {
        public string Id { get; init; } = "";
        /// <summary>Only deliveries of events before this sequence number (the last one of the previous page).</summary>
        public long? Before { get; init; }
        /// <summary>How many at most (1 to 200, 50 when left out).</summary>
        public int? Limit { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Id).PlainText();
            RuleFor(q => q.Before).GreaterThanOrEqualTo(1);
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit);
        }
    }

    /// <summary>A page of the log: the (subscription_id, sequence) index, read backwards from <c>before</c>.</summary>
    internal const string Sql = """
        SELECT d.id, d.sequence, e.id AS event_id, e.type AS event_type, d.status, d.attempts, d.last_attempt_at,
               d.last_response_code, d.last_error, d.next_attempt_at, d.delivered_at, d.created_at
        FROM webhook_deliveries d JOIN events e ON e.sequence = d.sequence
        WHERE d.subscription_id = @Id AND d.sequence < @Before
        ORDER BY d.sequence DESC LIMIT @Take
        """;

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public long Sequence { get; init; }
        public string EventId { get; init; } = "";
        public string EventType { get; init; } = "";
        public string Status { get; init; } = "";
        public int Attempts { get; init; }
        public DateTimeOffset? LastAttemptAt { get; init; }
        public int? LastResponseCode { get; init; }
        public string? LastError { get; init; }
        public DateTimeOffset NextAttemptAt { get; init; }
        public DateTimeOffset? DeliveredAt { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }

    public sealed class Handler(DbSession db, Caller caller) : IRequestHandler<Query, IReadOnlyList<WebhookDelivery>>
    {
        public async Task<IReadOnlyList<WebhookDelivery>> Handle(Query query, CancellationToken ct)
        {
            await WebhookQueries.OneAsync(db, caller.Id, query.Id);
            var rows = await db.QueryAsync<Row>(Sql, new { query.Id, Before = query.Before ?? long.MaxValue, Take = query.Limit ?? 50 });
            return rows.Select(r =>
            {
                var status = WireName.TryParse<WebhookDeliveryStatus>(r.Status, out var s) ? s : WebhookDeliveryStatus.Failed;
                return new WebhookDelivery
                {
                    Id = r.Id, Sequence = r.Sequence, EventId = r.EventId, EventType = r.EventType, Status = status, Attempts = r.Attempts,
                    LastAttemptAt = r.LastAttemptAt, LastResponseCode = r.LastResponseCode, LastError = r.LastError,
                    NextAttemptAt = status == WebhookDeliveryStatus.Pending ? r.NextAttemptAt : null, DeliveredAt = r.DeliveredAt, CreatedAt = r.CreatedAt,
                };
            }).ToList();
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/webhooks/{id}/deliveries", ([AsParameters] Query query, IMediator mediator) => mediator.Send(query))
            .WithName("ListWebhookDeliveries").ProducesValidationProblem().ProducesProblem(404);
}
