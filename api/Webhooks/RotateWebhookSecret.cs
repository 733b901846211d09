using MediatR;
using Marketplace.Platform;

namespace Marketplace.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/{id}/secret</c>: a new signing secret, shown once. For 24 hours each delivery is signed with the
/// new and the previous secret both (two <c>v1,</c> signatures), so the receiver can switch without refusing a message.
/// </summary>
public static class RotateWebhookSecret
{
    public sealed record Command(string Id) : ICommand<WebhookWithSecret>;

    public sealed class Handler(DbSession db, Caller caller, TimeProvider clock) : IRequestHandler<Command, WebhookWithSecret>
    {
        public async Task<WebhookWithSecret> Handle(Command command, CancellationToken ct)
        {
            var secret = WebhookSignature.NewSecret();
            var until = clock.GetUtcNow() + WebhookRules.RotationOverlap;
            var rotated = await db.ExecuteAsync(
                """
                UPDATE webhook_subscriptions SET previous_secret = secret, previous_secret_until = @Until, secret = @Secret
                WHERE id = @Id AND account_id = @Me
                """, new { command.Id, Me = caller.Id, Secret = secret, Until = until });
            if (rotated == 0) throw new NotFoundException("No such webhook.");
            return new WebhookWithSecret { Webhook = await WebhookQueries.OneAsync(db, caller.Id, command.Id), Secret = secret, PreviousSecretValidUntil = until };
        }
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/webhooks/{id}/secret", (string id, IMediator mediator) => mediator.Send(new Command(id)))
            .WithName("RotateWebhookSecret").ProducesProblem(404);
}
