using FluentValidation;
using MediatR;
using Marketplace.Platform;

namespace Marketplace.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/{id}/replay</c> {after}: sends again every event after a sequence number that the subscription
/// would deliver now (its types, the owner's events), including events from before it existed or while it was disabled,
/// each once more with a fresh set of attempts. For a receiver that lost its data, or came back after a failure.
/// </summary>
public static class ReplayWebhookEvents
{
    public sealed record Command : ICommand<ReplayResult>
    {
        [System.Text.Json.Serialization.JsonIgnore] public string Id { get; init; } = "";
        /// <summary>Replay the events after this sequence number (0: all).</summary>
        public long After { get; init; }
    }

    /// <summary>How many deliveries are queued.</summary>
    public sealed record ReplayResult(int Queued);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Id).PlainText();
            RuleFor(c => c.After).GreaterThanOrEqualTo(0);
        }
    }

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, ReplayResult>
    {
        public async Task<ReplayResult> Handle(Command command, CancellationToken ct)
        {
            var webhook = await WebhookQueries.OneAsync(db, caller.Id, command.Id);
            if (webhook.Status != WebhookSubscriptionStatus.Active)
                throw new ConflictException("The webhook is disabled; enable it first.", ConflictCode.WebhookDisabled);
            var args = new { webhook.Id, command.After, Me = caller.Id, Now = clock.GetUtcNow() };
            var again = await db.ExecuteAsync(
                """
                UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = @Now, lease = NULL, lease_until = NULL
                WHERE subscription_id = @Id AND sequence > @After
                """, args);
            // The events it never had a delivery for: the same rule as WebhookOutbox, over the feed since @After.
            var added = await db.ExecuteAsync(
                """
                INSERT INTO webhook_deliveries (id, subscription_id, sequence, status, attempts, next_attempt_at, created_at)
                SELECT @Id || ':' || e.id, @Id, e.sequence, 'pending', 0, @Now, @Now
                FROM events e
                WHERE e.sequence > @After
                  AND e.type IN (SELECT t.event_type FROM webhook_subscription_types t WHERE t.subscription_id = @Id)
                  AND (EXISTS (SELECT 1 FROM users u WHERE u.id = @Me AND u.role = 'administrator')
                       OR EXISTS (SELECT 1 FROM event_audience a WHERE a.account_id = @Me AND a.sequence = e.sequence))
                  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.subscription_id = @Id AND d.sequence = e.sequence)
                """, args);
            return new ReplayResult(again + added);
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/webhooks/{id}/replay", async (string id, Command command, IMediator mediator) =>
                TypedResults.Accepted((string?)null, await mediator.Send(command with { Id = id })))
            .WithName("ReplayWebhookEvents").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
}
