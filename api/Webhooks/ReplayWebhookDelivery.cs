using MediatR;
using Marketplace.Platform;

namespace Marketplace.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/{id}/deliveries/{sequence}/replay</c>: sends one event again (delivered, failed or waiting), at
/// the sender's next pass, with a fresh set of attempts. The message keeps its <c>webhook-id</c>, so a receiver that
/// already handled it can tell.
/// </summary>
public static class ReplayWebhookDelivery
{
    public sealed record Command(string Id, long Sequence) : ICommand<Unit>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command command, CancellationToken ct)
        {
            var replayed = await db.ExecuteAsync(
                """
                UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = @Now, lease = NULL, lease_until = NULL
                WHERE subscription_id = @Id AND sequence = @Sequence
                  AND subscription_id IN (SELECT s.id FROM webhook_subscriptions s WHERE s.id = @Id AND s.account_id = @Me)
                """, new { command.Id, command.Sequence, Me = caller.Id, Now = clock.GetUtcNow() });
            return replayed == 1 ? Unit.Value : throw new NotFoundException("No such delivery.");
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/webhooks/{id}/deliveries/{sequence:long}/replay", async (string id, long sequence, IMediator mediator) =>
            {
                await mediator.Send(new Command(id, sequence));
                return TypedResults.Accepted((string?)null);
            })
            .WithName("ReplayWebhookDelivery").ProducesProblem(404);
}
